import { useRef, useState } from 'react'
import { Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { isApiError, newIdempotencyKey } from '@/api'
import type { HiringEvent } from '@contract/hiring-events'
import { PageRoot } from '@/components/page-root'
import { SavedNote } from '@/components/saved-note'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { requireSignIn } from '@/features/account/require-sign-in'
import { remindMe, signUpAtEvent, useHiringEvents } from '@/features/jobs/api/local-jobs'
import { HiringEventCard } from '@/features/jobs/components/hiring-event-card'
import { showNotice } from '@/lib/notice'
import './index.scss'

const here = '/packages/jobs/pages/live/index'

/** The platforms' links open in their own apps: the link is copied for the worker to paste there. */
const copyLink = (url: string) =>
  void Taro.setClipboardData({ data: url }).then(
    () => showNotice('链接已复制，打开抖音、快手或微信粘贴就能看'),
    () => showNotice(url),
  )

/** 直播带岗: the county's livestream hiring, upcoming first; 提醒我, and 报名 for a featured posting once it is on. */
export default function HiringEventsPage() {
  const { data, error, loading, refresh, savedAt } = useHiringEvents()
  const [signed, setSigned] = useState<Record<number, 'sent' | 'queued'>>({})
  const [busyJob, setBusyJob] = useState<number | null>(null)
  // One key per event and posting: a second tap and the outbox's resend are the same sign-up.
  const keys = useRef(new Map<string, string>())

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })

  const remind = async (event: HiringEvent) => {
    if (!requireSignIn(here)) return
    try {
      await remindMe(event.id)
      showNotice('好的，开播前提醒您')
      await refresh()
    } catch (e) {
      showNotice(isApiError(e) ? e.message : '没有设置成功，请再试一次')
    }
  }

  const signUp = async (event: HiringEvent, jobId: number, title: string) => {
    if (!requireSignIn(here)) return
    const slot = `${event.id}:${jobId}`
    const key = keys.current.get(slot) ?? newIdempotencyKey()
    keys.current.set(slot, key)
    setBusyJob(jobId)
    try {
      const result = await signUpAtEvent(event.id, jobId, title, key)
      setSigned((s) => ({ ...s, [jobId]: result.queued ? 'queued' : 'sent' }))
      showNotice(result.queued ? '已保存在手机上，有网络后自动报名' : '报名成功，请留意来电')
    } catch (e) {
      keys.current.delete(slot)
      if (isApiError(e) && e.status === 401) requireSignIn(here)
      else showNotice(isApiError(e) ? e.message : '报名没有成功，请再试一次')
    } finally {
      setBusyJob(null)
    }
  }

  const upcoming = data?.upcoming ?? []
  const past = data?.past ?? []
  const card = (event: HiringEvent) => (
    <HiringEventCard
      key={event.id}
      event={event}
      signedUp={signed}
      busyJob={busyJob}
      onRemind={(e) => void remind(e)}
      onWatch={copyLink}
      onSignUp={(e, jobId, title) => void signUp(e, jobId, title)}
    />
  )
  return (
    <PageRoot className='live-page'>
      <Text className='live-page__title'>直播带岗</Text>
      <StateView
        loading={loading}
        error={data ? null : error}
        empty={upcoming.length + past.length === 0}
        emptyText='最近没有直播带岗'
        emptyHint='县里安排了直播会在这里告诉您'
        onRetry={() => void refresh()}
      >
        <SavedNote savedAt={savedAt} onRetry={() => void refresh()} />
        {upcoming.length > 0 && <Section title='马上要播'>{upcoming.map(card)}</Section>}
        {past.length > 0 && <Section title='播过的（可以看回放）'>{past.map(card)}</Section>}
      </StateView>
    </PageRoot>
  )
}
