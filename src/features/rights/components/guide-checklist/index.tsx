import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Section } from '@/components/section'
import { guideSections } from '../../lib/guide'
import './index.scss'

/** What the worker has ticked, kept on this phone (nothing personal: only which lines of the list). */
export const guideTicksKey = 'wgt.rights.guide-ticks'

const asCheckbox = { role: 'checkbox', 'aria-role': 'checkbox' } as Record<string, string>

function readTicks(): string[] {
  try {
    const saved = JSON.parse((Taro.getStorageSync(guideTicksKey) as string) || '[]') as unknown
    return Array.isArray(saved) ? saved.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

/**
 * The checklist of what to prepare before asking for help, section by section. Each line is a box the worker ticks
 * as they find the thing, kept for when they come back (a box that could not be ticked was only decoration).
 */
export function GuideChecklist() {
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(readTicks()))
  const toggle = (item: string) =>
    setTicked((was) => {
      const next = new Set(was)
      if (!next.delete(item)) next.add(item)
      try {
        Taro.setStorageSync(guideTicksKey, JSON.stringify([...next]))
      } catch {
        // storage unavailable: ticked for this visit only
      }
      return next
    })
  const total = guideSections.reduce((n, s) => n + s.items.length, 0)
  const found = guideSections.reduce((n, s) => n + s.items.filter((i) => ticked.has(i)).length, 0)
  return (
    <View>
      <Text className='guide-count' aria-live='polite'>
        找到一样就点一下打个勾：已准备 {found} 样，共 {total} 样
      </Text>
      {guideSections.map((section) => (
        <Section key={section.title} title={section.title}>
          {section.items.map((item) => {
            const on = ticked.has(item)
            return (
              <View
                key={item}
                {...asCheckbox}
                aria-checked={on ? 'true' : 'false'}
                className={`guide-item ${on ? 'guide-item--on' : ''}`}
                onClick={() => toggle(item)}
              >
                <View className='guide-item__box' aria-hidden='true' />
                <Text className='guide-item__text'>{item}</Text>
              </View>
            )
          })}
        </Section>
      ))}
    </View>
  )
}
