import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useIdParam } from '@/hooks/use-id-param'
import { isApiError } from '@/api'
import type { RosterLink } from '@contract/roster-activity'
import type { SurveyCheckBody, SurveyPerson, SurveyRound } from '@contract/survey'
import { BigButton } from '@/components/big-button'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { replacePage } from '@/lib/navigate'
import { showNotice } from '@/lib/notice'
import { checkPerson, useSurveyVillage, villageCache } from '@/features/survey/api/survey'
import { CheckForm } from '@/features/survey/components/check-form'
import { SurveyShell } from '@/features/survey/components/survey-shell'
import { householdName } from '@/features/survey/lib/describe'
import { applyCheck, rememberedVillage, rememberVillage, updateRemembered } from '@/features/survey/lib/village-memory'
import { surveyPaths } from '@/features/survey/lib/paths'
import './index.scss'

/** One person of the survey: 无变化 in one tap or what changed, then 下一位 through the household. */
export default function SurveyPersonPage() {
  const roundId = useIdParam('round')
  const personId = useIdParam('person')
  const villageId = useIdParam('village') || null
  return (
    <SurveyShell title='摸排' roundId={roundId || undefined}>
      {(_staff, round) => <Person key={personId} round={round} personId={personId} villageId={villageId} />}
    </SurveyShell>
  )
}

/** The household in a fixed order (the head, then by record), so 下一位 walks it the same way each time. */
const walkOrder = (members: SurveyPerson[]) => [...members].sort((a, b) => Number(b.relation === 'head') - Number(a.relation === 'head') || a.id - b.id)

function Person({ round, personId, villageId }: { round: SurveyRound; personId: number; villageId: number | null }) {
  const key = villageCache(round.id, villageId)
  const memory = rememberedVillage(key)
  // Opened straight from a link or after a restart: the list is read (or taken from the phone's copy) first.
  const read = useSurveyVillage(round.id, villageId, !memory)
  if (!memory && read.data) rememberVillage(key, read.data)
  const data = memory ?? read.data
  const household = data?.households.find((h) => h.members.some((m) => m.id === personId))
  const [person, setPerson] = useState<SurveyPerson | undefined>(() => household?.members.find((m) => m.id === personId))
  const shown = person ?? household?.members.find((m) => m.id === personId)
  const [busy, setBusy] = useState(false)
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({})
  const [done, setDone] = useState(false)

  const order = household ? walkOrder(household.members) : []
  const next = order[order.findIndex((m) => m.id === personId) + 1]
  const nextHousehold = data?.households.find((h) => h.id !== household?.id && h.members.some((m) => !m.checked))
  const goTo = (p: SurveyPerson) => replacePage(surveyPaths.person(round.id, p.id, villageId))

  const submit = async (body: SurveyCheckBody, link?: RosterLink | null) => {
    if (!shown) return
    setBusy(true)
    setServerErrors({})
    try {
      const result = await checkPerson(round.id, body, `摸排：${shown.name}`)
      if (result.queued) {
        updateRemembered(key, shown.id, (p) => applyCheck(p, body, link), true)
        showNotice('没有信号，已存在手机上，有信号后自动发出')
      } else {
        updateRemembered(key, shown.id, () => result.data.person)
        setPerson(result.data.person)
        showNotice(result.data.check.conflict ? '已保存。别人刚改过这个人，已标出冲突，请乡镇核对' : body.unchanged ? '已记为无变化' : '已保存')
      }
      if (next) goTo(next)
      else setDone(true)
    } catch (e) {
      setServerErrors(isApiError(e) ? { ...(e.fields ?? {}), ...(e.fields ? {} : { unchanged: e.message }) } : { unchanged: '没有保存成功，请再试一次' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <StateView loading={!data && read.loading} error={data ? null : read.error} empty={Boolean(data) && !shown} emptyText='名单里没有这个人' onRetry={() => void read.refresh()}>
      {shown && household && (
        <View className='survey-person-page'>
          <Text className='survey-person-page__household'>
            {householdName(household.members)} · 第 {order.findIndex((m) => m.id === personId) + 1} / {order.length} 人
          </Text>
          {done ? (
            <Section title='这一户查完了'>
              {nextHousehold && <BigButton onClick={() => goTo(walkOrder(nextHousehold.members).find((m) => !m.checked) ?? nextHousehold.members[0])}>下一户：{householdName(nextHousehold.members)}</BigButton>}
              <BigButton variant='secondary' onClick={() => void Taro.navigateBack()}>
                回到名单
              </BigButton>
            </Section>
          ) : (
            <CheckForm key={shown.id} person={shown} busy={busy} serverErrors={serverErrors} onSubmit={(body, link) => void submit(body, link)} />
          )}
          {!done && next && (
            <BigButton variant='secondary' className='survey-person-page__next' onClick={() => goTo(next)}>
              下一位：{next.name}
            </BigButton>
          )}
        </View>
      )}
    </StateView>
  )
}
