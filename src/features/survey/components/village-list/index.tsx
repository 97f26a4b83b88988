import { Text, View } from '@tarojs/components'
import type { SurveyHousehold } from '@contract/survey'
import { asButton } from '@/lib/a11y'
import { householdName, statusLine } from '../../lib/describe'
import './index.scss'

interface Props {
  households: SurveyHousehold[]
  /** People whose check waits on the phone. */
  waiting: Set<number>
  onOpen: (personId: number) => void
  onAdd: (householdId: number | null) => void
}

/** The village, household by household, those left to check first; a tap opens the person. */
export function VillageList({ households, waiting, onOpen, onAdd }: Props) {
  return (
    <View className='survey-list'>
      {households.map((h) => {
        const left = h.members.filter((m) => !m.checked && !waiting.has(m.id)).length
        return (
          <View key={h.id} className='survey-household'>
            <View className='survey-household__head'>
              <Text className='survey-household__name'>{householdName(h.members)}</Text>
              <Text className={`survey-household__left ${left ? '' : 'survey-household__left--done'}`}>{left ? `还有 ${left} 人没查` : '这一户查完了'}</Text>
            </View>
            {h.members.map((m) => {
              const state = waiting.has(m.id) ? 'waiting' : m.checked ? 'done' : 'todo'
              return (
                <View key={m.id} {...asButton} className={`survey-person survey-person--${state}`} onClick={() => onOpen(m.id)}>
                  <View className='survey-person__text'>
                    <Text className='survey-person__name'>{m.name}</Text>
                    <Text className='survey-person__status'>{statusLine(m)}</Text>
                  </View>
                  <View className='survey-person__badges'>
                    {m.conflict && <Text className='survey-badge survey-badge--conflict'>有冲突</Text>}
                    <Text className={`survey-badge survey-badge--${state}`}>{state === 'waiting' ? '待发送' : state === 'done' ? '已查' : '待查'}</Text>
                  </View>
                </View>
              )
            })}
            <View {...asButton} className='survey-household__add' onClick={() => onAdd(h.id)}>
              <Text>＋ 这一户添一个人</Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}
