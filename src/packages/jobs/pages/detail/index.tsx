import { useEffect, useMemo, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { isApiError, newIdempotencyKey, onOutboxDelivered } from '@/api'
import type { ReportReason } from '@contract'
import { ActionBar } from '@/components/action-bar'
import { BigButton } from '@/components/big-button'
import { PhoneCall } from '@/components/phone-call'
import { OutboxBanner } from '@/components/outbox-banner'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { requireSignIn } from '@/features/account/require-sign-in'
import { useSession } from '@/features/account/session'
import { applyTo, reportPosting } from '@/features/jobs/api/applications'
import { jobFromSavedList, useJob } from '@/features/jobs/api/use-job'
import { JobCard } from '@/features/jobs/components/job-card'
import { whoAnswers } from '@/features/jobs/lib/who-answers'
import { SavedNote } from '@/components/saved-note'
import { ApplyDialog } from '@/features/jobs/components/apply-dialog'
import { JobDetailView } from '@/features/jobs/components/job-detail'
import { ReportSheetSlot } from '@/features/jobs/components/report-sheet-slot'
import { statusHint, statusView } from '@/features/jobs/lib/application-status'
import { useShare } from '@/lib/share/share'
import { PageRoot } from '@/components/page-root'
import { showNotice } from '@/lib/notice'
import { useAskForMessages } from '@/hooks/use-ask-for-messages'
import './index.scss'
import { useIdParam } from '@/hooks/use-id-param'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'

const applicationsPage = '/packages/jobs/pages/applications/index'

export default function JobDetailPage() {
  const { params } = useRouter()
  const id = useIdParam()
  const km = params.km !== undefined ? Number(params.km) : undefined
  const { data: job, error, loading, refresh, savedAt } = useJob(id)
  const { me } = useSession()
  const badLink = id === 0
  // No signal and never opened before: the list's saved card stands in, so the worker can still call or apply.
  const fromList = useMemo(() => (!job && error?.transient ? jobFromSavedList(id) : null), [job, error, id])
  const shown = job ?? fromList?.job
  const here = `/packages/jobs/pages/detail/index?id=${id}`
  const [confirming, setConfirming] = useState(false)
  const [applying, setApplying] = useState(false)
  const [reporting, setReporting] = useState(false)
  const [sendingReport, setSendingReport] = useState(false)
  const [reportErrors, setReportErrors] = useState<Record<string, string>>()
  /** The application kept on the phone (no network): its key, until the outbox delivers it. */
  const [queuedKey, setQueuedKey] = useState<string | null>(null)
  // One key per application: a resend from the outbox and a second tap are the same application to the server.
  const applyKey = useRef(newIdempotencyKey())
  const share = useShare(job ? { title: `${job.title}（${job.city}）`, path: `/packages/jobs/pages/detail/index?id=${job.id}` } : null)

  // Back from the sign-in page (or another tab): the answer may now include my application.
  useRefreshOnReturn(refresh)

  const startApply = () => {
    if (!requireSignIn(here)) return
    setConfirming(true)
  }

  // The outbox sent it once the network was back: show the application as the server now has it.
  useEffect(
    () =>
      onOutboxDelivered(({ entry }) => {
        if (entry.id === queuedKey) {
          setQueuedKey(null)
          void refresh()
        }
      }),
    [queuedKey, refresh],
  )

  const askForMessages = useAskForMessages()
  const apply = async () => {
    if (!shown) return
    askForMessages('apply')
    setApplying(true)
    try {
      const result = await applyTo(id, shown.title, applyKey.current)
      setConfirming(false)
      if (result.queued) {
        setQueuedKey(result.entry.id)
        showNotice('已保存在手机上，有网络后自动发送')
        return
      }
      applyKey.current = newIdempotencyKey()
      showNotice('报名成功，请留意来电')
      await refresh()
    } catch (e) {
      setConfirming(false)
      applyKey.current = newIdempotencyKey()
      if (isApiError(e) && e.status === 401) requireSignIn(here)
      else showNotice(isApiError(e) ? e.message : '报名没有成功，请再试一次')
      if (isApiError(e) && e.status === 409) await refresh()
    } finally {
      setApplying(false)
    }
  }

  const startReport = () => {
    if (!requireSignIn(here)) return
    setReportErrors(undefined)
    setReporting(true)
  }

  const sendReport = async (body: { reason: ReportReason; detail: string }) => {
    setSendingReport(true)
    try {
      await reportPosting(id, body, newIdempotencyKey())
      setReporting(false)
      showNotice('已收到举报，我们会尽快核实')
      await refresh()
    } catch (e) {
      if (isApiError(e) && e.fields) setReportErrors(e.fields)
      else {
        if (isApiError(e) && e.status === 401) {
          setReporting(false)
          requireSignIn(here)
        } else showNotice(isApiError(e) ? e.message : '没有提交成功，请再试一次')
      }
    } finally {
      setSendingReport(false)
    }
  }

  const mine = job?.myApplication && job.myApplication.status !== 'withdrawn' ? job.myApplication : null
  const openApplications = () => void Taro.navigateTo({ url: applicationsPage })
  // Where the worker decides: what became of the application (if any), sharing and reporting. The main actions
  // themselves (打电话, 我要报名) are in the bar at the bottom of the screen.
  const actions = job && (
    <Section title='想去这里干？' className='job-actions'>
      {queuedKey && !mine ? (
        <View className='job-actions__applied' aria-live='polite'>
          <Text className='job-actions__applied-title'>待发送</Text>
          <Text className='job-actions__applied-text'>报名已保存在手机上，有网络后自动发送，不用再点。</Text>
        </View>
      ) : mine ? (
        <View className='job-actions__applied' aria-live='polite'>
          <Text className='job-actions__applied-title'>{statusView(mine.status).label}</Text>
          <Text className='job-actions__applied-text'>{statusHint[mine.status]}</Text>
        </View>
      ) : job.appliable ? (
        <Text className='job-actions__applied-text'>先打电话问清楚，或者点下面的“我要报名”，工作站会给您打电话。</Text>
      ) : null}
      <View className='job-actions__row'>
        <BigButton variant='secondary' className='job-actions__half' onClick={share.share}>
          {share.label}
        </BigButton>
        <BigButton variant='secondary' className='job-actions__half job-actions__report' onClick={startReport}>
          举报
        </BigButton>
      </View>
    </Section>
  )
  const canApply = (job ? job.appliable && !mine : fromList?.job.status === 'open') && !queuedKey
  const caller = job ? job.contactName || undefined : fromList ? whoAnswers(fromList.job) : undefined
  const bar = shown && (
    <ActionBar label='打电话或报名'>
      <PhoneCall variant='button' phone={shown.contactPhone} label={caller} />
      {canApply ? (
        <BigButton onClick={startApply}>{job?.myApplication ? '重新报名' : '我要报名'}</BigButton>
      ) : mine ? (
        <BigButton variant='secondary' onClick={openApplications}>
          看我的报名
        </BigButton>
      ) : null}
    </ActionBar>
  )

  return (
    <PageRoot>
      <OutboxBanner />
      {fromList ? (
        <View className='job-from-list'>
          <SavedNote savedAt={fromList.savedAt} onRetry={() => void refresh()} />
          <JobCard job={fromList.job} />
          <Text className='job-from-list__hint'>{queuedKey ? '报名已保存在手机上，有网络后自动发送，不用再点。' : '岗位的介绍、地址和要求，有网络后点“刷新”就能看到。'}</Text>
        </View>
      ) : (
        <StateView
          loading={loading && !badLink}
          error={error}
          empty={badLink || !job}
          emptyText='没有找到这个岗位'
          emptyHint='请回到“找工作”重新选一个'
          onRetry={() => void refresh()}
          savedAt={savedAt}
        >
          {job && <JobDetailView job={job} distanceKm={km !== undefined && Number.isFinite(km) ? km : undefined} actions={actions} />}
        </StateView>
      )}
      {shown && (
        <>
          {bar}
          <ApplyDialog open={confirming} jobTitle={shown.title} phone={me?.phone} busy={applying} onConfirm={() => void apply()} onCancel={() => setConfirming(false)} />
        </>
      )}
      {job && <ReportSheetSlot visible={reporting} busy={sendingReport} errors={reportErrors} onSubmit={(b) => void sendReport(b)} onClose={() => setReporting(false)} />}
    </PageRoot>
  )
}
