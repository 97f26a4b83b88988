import { useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useIdParam } from '@/hooks/use-id-param'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'
import { onOutboxDelivered, useOutboxEntries } from '@/api'
import type { StaffMember } from '@contract'
import type { SurveyRound } from '@contract/survey'
import { BigButton } from '@/components/big-button'
import { SavedNote } from '@/components/saved-note'
import { StateView } from '@/components/state-view'
import { openPage, replacePage } from '@/lib/navigate'
import { pendingChecks, useSurveyVillage, villageCache, waitingCount } from '@/features/survey/api/survey'
import { SurveyShell } from '@/features/survey/components/survey-shell'
import { VillageList } from '@/features/survey/components/village-list'
import { rememberedVillage, rememberVillage } from '@/features/survey/lib/village-memory'
import { surveyPaths } from '@/features/survey/lib/paths'
import './index.scss'

/** 摸排: the village, household by household, those left to check first; kept on the phone for a day without signal. */
export default function SurveyVillagePage() {
  const roundId = useIdParam('round')
  const villageId = useIdParam('village') || null
  return (
    <SurveyShell title='摸排' roundId={roundId || undefined}>
      {(staff, round) => <Village staff={staff} round={round} villageId={villageId} />}
    </SurveyShell>
  )
}

function Village({ staff, round, villageId }: { staff: StaffMember; round: SurveyRound; villageId: number | null }) {
  const officer = staff.role !== 'village'
  // Township officers and admins start from the progress, where they pick a village.
  useEffect(() => {
    if (officer && !villageId) replacePage(surveyPaths.progress(round.id))
  }, [officer, villageId, round.id])
  const key = villageCache(round.id, villageId)
  const read = useSurveyVillage(round.id, villageId, !officer || villageId !== null)
  const [, redraw] = useState(0)
  const entries = useOutboxEntries()
  const waiting = useMemo(() => new Set(pendingChecks(entries).keys()), [entries])
  // Back from a person's screen: what this session now knows is drawn again.
  useRefreshOnReturn(async () => redraw((n) => n + 1))
  const { refresh } = read
  // A check sent from the phone's outbox: read the list again so it shows as recorded.
  useEffect(() => onOutboxDelivered(() => void refresh()), [refresh])
  // A fresh answer replaces what the phone knew; a saved copy only fills in when this session knows nothing newer.
  useEffect(() => {
    if (read.data && (!read.savedAt || !rememberedVillage(key))) rememberVillage(key, read.data)
    redraw((n) => n + 1)
  }, [read.data, read.savedAt, key])
  const data = rememberedVillage(key) ?? read.data
  const waitingHere = waitingCount(entries)
  const done = data ? data.households.flatMap((h) => h.members).filter((m) => m.checked || waiting.has(m.id)).length : 0

  if (officer && !villageId) return null
  return (
    <View className='survey-village'>
      <View className='survey-village__head'>
        <Text className='survey-village__title'>
          {data ? `${data.village.township}${data.village.name}` : '本村'} · {round.name}
        </Text>
        <Text className='survey-village__due'>截止 {round.dueDate}</Text>
        {data && (
          <Text className='survey-village__count'>
            已查 {done} / {data.total} 人
          </Text>
        )}
        <Text className={`survey-village__waiting ${waitingHere ? 'survey-village__waiting--some' : ''}`}>
          {waitingHere ? `${waitingHere} 条在手机上等着发送，有信号后自动发出` : '手机上没有等着发送的'}
        </Text>
      </View>
      <SavedNote savedAt={read.savedAt} onRetry={() => void read.refresh()} />
      <StateView loading={read.loading && !data} error={data ? null : read.error} empty={data?.total === 0} emptyText='这个村的台账里还没有人' onRetry={() => void read.refresh()}>
        {data && (
          <VillageList
            households={data.households}
            waiting={waiting}
            onOpen={(personId) => openPage(surveyPaths.person(round.id, personId, villageId))}
            onAdd={(householdId) => openPage(surveyPaths.add(round.id, householdId, villageId))}
          />
        )}
      </StateView>
      <BigButton variant='secondary' onClick={() => openPage(surveyPaths.add(round.id, null, villageId))}>
        新添一户
      </BigButton>
      {officer && (
        <BigButton variant='secondary' onClick={() => openPage(surveyPaths.progress(round.id))}>
          看摸排进度
        </BigButton>
      )}
    </View>
  )
}
