import { useEffect } from 'react'
import { Text } from '@tarojs/components'
import type { StaffMember } from '@contract'
import type { SurveyRound } from '@contract/survey'
import { clearSignedInReads } from '@/api'
import { BigButton } from '@/components/big-button'
import { OutboxBanner } from '@/components/outbox-banner'
import { PageRoot } from '@/components/page-root'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { openPage } from '@/lib/navigate'
import { useSurveyRounds, useSurveyStaff } from '../../api/survey'
import { surveyPaths } from '../../lib/paths'
import { rememberedSession, rememberSession } from '../../lib/village-memory'

interface Props {
  title: string
  /** The round named in the page's address, else the current one. */
  roundId?: number
  children: (staff: StaffMember, round: SurveyRound) => React.ReactNode
  /** What the page shows before any round is open (the progress page: an admin opens one there). */
  noRound?: (staff: StaffMember) => React.ReactNode
}

/**
 * Every survey page: township officers, village informants and admins, signed in; the officer and the rounds come
 * from the phone's saved copy when there is no signal, so a day's work can start without it.
 */
export function SurveyShell({ title, roundId, children, noRound }: Props) {
  const me = useSurveyStaff()
  // Read beside the officer, not after: without signal each read waits out its retries, and a day starts offline.
  const rounds = useSurveyRounds(true)
  // What this session already knew draws the page at once; the reads above replace it when they answer.
  const known = rememberedSession()
  const staff = me.data ?? known?.staff
  const items = rounds.data?.items ?? known?.rounds
  useEffect(() => {
    if (me.data && rounds.data) rememberSession(me.data, rounds.data.items)
  }, [me.data, rounds.data])
  // A one-time password is changed on the workbench first; until then every survey read is refused.
  const mustChange = Boolean(staff?.mustChangePassword)
  const allowed = staff && staff.role !== 'station' && !mustChange
  const round = items?.find((r) => r.id === roundId) ?? items?.[0]
  const signedOut = me.error?.status === 401 || me.error?.status === 403
  // A refused session (expired, revoked) leaves no village's names on the phone for whoever picks it up next.
  const refused = me.error?.status === 401
  useEffect(() => {
    if (refused) clearSignedInReads()
  }, [refused])
  return (
    <PageRoot className='survey-page'>
      <OutboxBanner />
      <StateView loading={!known && (me.loading || (Boolean(allowed) && rounds.loading))} error={signedOut || known || mustChange ? null : (me.error ?? rounds.error)} onRetry={() => void me.refresh().then(() => rounds.refresh())}>
        {!staff || signedOut ? (
          <Section title={title}>
            <Text className='lead-text'>摸排是工作人员的功能，请先登录工作人员账号。</Text>
            <BigButton onClick={() => openPage(surveyPaths.staffHome)}>去登录</BigButton>
          </Section>
        ) : mustChange ? (
          <Section title={title}>
            <Text className='lead-text'>现在用的是一次性密码，请先在工作台换成自己的新密码，再来摸排。</Text>
            <BigButton onClick={() => openPage(surveyPaths.staffHome)}>去改密码</BigButton>
          </Section>
        ) : !allowed ? (
          <Section title={title}>
            <Text className='lead-text'>摸排由村级劳务信息员和乡镇劳务专干做，工作站不参加。</Text>
          </Section>
        ) : !round && noRound ? (
          noRound(staff)
        ) : !round ? (
          <Section title={title}>
            <Text className='lead-text'>县里还没有开启摸排。开启后这里会列出本村的人。</Text>
            {staff.role === 'admin' && <BigButton onClick={() => openPage(surveyPaths.progress())}>开启一轮摸排</BigButton>}
          </Section>
        ) : (
          children(staff, round)
        )}
      </StateView>
    </PageRoot>
  )
}
