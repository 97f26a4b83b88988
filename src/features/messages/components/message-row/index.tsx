import { Text, View } from '@tarojs/components'
import type { InboxMessage } from '@contract/notifications'
import { chinaMonthDayTime } from '@contract/format'
import { asLink } from '@/lib/a11y'
import './index.scss'

/** One message: unread ones in bold with a dot; the whole row is the tap target. */
export function MessageRow({ message, onOpen }: { message: InboxMessage; onOpen: (m: InboxMessage) => void }) {
  return (
    <View {...asLink} className={`message-row${message.read ? '' : ' message-row--unread'}`} hoverClass='message-row--pressed' onClick={() => onOpen(message)}>
      <View className='message-row__head'>
        {!message.read && <Text className='message-row__dot' aria-label='未读' />}
        <Text className='message-row__title'>{message.title}</Text>
        <Text className='message-row__time'>{chinaMonthDayTime(message.createdAt)}</Text>
      </View>
      <Text className='message-row__body'>{message.body}</Text>
      {message.link && <Text className='message-row__more'>点开看详情 ›</Text>}
    </View>
  )
}
