import { Text, View } from '@tarojs/components'
import { Section } from '@/components/section'
import { privacyNotice, privacyNoticeVersionLabel } from '../../privacy-notice'
import './index.scss'

/** The whole privacy notice, one card per question. */
export function NoticeText() {
  return (
    <View>
      {privacyNotice.map((s) => (
        <Section key={s.title} title={s.title}>
          {s.lines.map((line) => (
            <Text key={line} className='notice-text__line'>
              {line}
            </Text>
          ))}
        </Section>
      ))}
      <Text className='notice-text__version'>{privacyNoticeVersionLabel}</Text>
    </View>
  )
}
