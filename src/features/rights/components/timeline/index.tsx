import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RightsEvent } from '@contract'
import { chinaTime, eventTitle } from '../../lib/format'
import './index.scss'

/** Where a photo opens: same-origin on H5; the API's own host in the mini-program. */
function photoUrl(url: string): string {
  if (process.env.TARO_ENV === 'h5') return url
  return (process.env.TARO_APP_API_BASE || 'http://localhost:3000/api').replace(/\/api$/, '') + url
}

/** What happened to the case, oldest first: moves, the station's words for the worker, what the worker added. */
export function Timeline({ events }: { events: RightsEvent[] }) {
  return (
    <View className='timeline'>
      {events.map((e) => (
        <View key={e.id} className={`timeline__item timeline__item--${e.author}`}>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <Text className='timeline__title'>{eventTitle(e)}</Text>
            <Text className='timeline__time'>{chinaTime(e.at)}</Text>
            {e.text && <Text className='timeline__text'>{e.text}</Text>}
            {e.attachments.length > 0 && (
              <View className='timeline__photos'>
                {e.attachments.map((a) => (
                  <Image
                    key={a.id}
                    className='timeline__photo'
                    src={photoUrl(a.thumbUrl)}
                    mode='aspectFill'
                    onClick={() => void Taro.previewImage({ urls: e.attachments.map((x) => photoUrl(x.url)), current: photoUrl(a.url) })}
                  />
                ))}
              </View>
            )}
          </View>
        </View>
      ))}
    </View>
  )
}
