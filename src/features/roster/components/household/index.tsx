import { Text, View } from '@tarojs/components'
import { householdRelationLabel, type Person } from '@contract/roster'
import { asLink } from '@/lib/a11y'
import { openPage, replacePage } from '@/lib/navigate'
import { BigButton } from '@/components/big-button'
import { statusLine } from '../../lib/describe'
import { rosterPaths } from '../../lib/paths'
import '../roster.scss'

interface Props {
  householdId: number
  members: Person[]
  /** The person whose page this is: named, not linked. */
  currentId: number
  canAdd: boolean
}

/** The household (户): each member linked to their own page, and a way to add one more. */
export function Household({ householdId, members, currentId, canAdd }: Props) {
  const here = members.find((m) => m.id === currentId)
  return (
    <View className='roster-household'>
      {members.map((m) =>
        m.id === currentId ? (
          <View key={m.id} className='roster-row'>
            <Text className='roster-row__line'>
              {householdRelationLabel[m.relation]}：{m.name}（本页）
            </Text>
          </View>
        ) : (
          // In place of this page: walking a household must not pile pages up (weapp keeps ten).
          <View key={m.id} {...asLink} className='roster-row' onClick={() => replacePage(rosterPaths.person(m.id))}>
            <Text className='roster-row__name'>
              {householdRelationLabel[m.relation]}：{m.name} ›
            </Text>
            <Text className='roster-row__line'>{statusLine(m)}</Text>
          </View>
        ),
      )}
      {canAdd && here && (
        <BigButton variant='secondary' className='roster-household__add' onClick={() => openPage(rosterPaths.newPerson({ id: householdId, township: here.township, villageId: here.villageId }))}>
          给这户添加家庭成员
        </BigButton>
      )}
    </View>
  )
}
