import { Text, View } from '@tarojs/components'
import { Section } from '@/components/section'
import { guideSections } from '../../lib/guide'
import './index.scss'

/** The checklist of what to prepare before asking for help, section by section. */
export function GuideChecklist() {
  return (
    <View>
      {guideSections.map((section) => (
        <Section key={section.title} title={section.title}>
          {section.items.map((item) => (
            <View key={item} className='guide-item'>
              <Text className='guide-item__mark'>□</Text>
              <Text className='guide-item__text'>{item}</Text>
            </View>
          ))}
        </Section>
      ))}
    </View>
  )
}
