import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { isApiError, newIdempotencyKey } from '@/api'
import { chinaDateTime } from '@contract/format'
import { type LivePlatform, livePlatformLabel, livePlatforms, type StaffHiringEvent } from '@contract/hiring-events'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { StateView } from '@/components/state-view'
import { showNotice } from '@/lib/notice'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { TextField } from '@/features/staff/components/staff-form'
import { JobPicker } from '@/features/staff/components/job-picker'
import { createHiringEvent, updateHiringEvent, useStaffHiringEvents } from '@/features/staff/api/staff-local-jobs'
import { errorText } from '@/features/staff/lib/paths'
import './index.scss'

/**
 * 直播带岗: each event's funnel (观看 → 报名 → 面试 → 录用 → 坐专车), the viewers and replay link filled in after
 * it, and a new event scheduled with the postings it features.
 */
export default function StaffHiringEventsPage() {
  return <StaffShell title='直播带岗'>{() => <HiringEvents />}</StaffShell>
}

function HiringEvents() {
  const list = useStaffHiringEvents()
  const [adding, setAdding] = useState(false)
  const items = list.data?.items ?? []
  return (
    <View>
      {adding ? (
        <NewEvent
          onDone={() => {
            setAdding(false)
            void list.refresh()
          }}
        />
      ) : (
        <BigButton onClick={() => setAdding(true)}>安排一场直播</BigButton>
      )}
      <StateView
        loading={list.loading}
        error={list.data ? null : list.error}
        empty={items.length === 0}
        emptyText='还没有安排直播带岗'
        emptyHint='点“安排一场直播”，选上要在直播里讲的岗位'
        savedAt={list.savedAt}
        onRetry={() => void list.refresh()}
      >
        {items.map((e) => (
          <EventFunnel key={e.id} event={e} onSaved={() => void list.refresh()} />
        ))}
      </StateView>
    </View>
  )
}

/** A save in progress: busy while it runs; a refusal puts the server's messages beside their fields and says why. */
function useSaving() {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const saving = async (write: () => Promise<void>) => {
    setBusy(true)
    setErrors({})
    try {
      await write()
    } catch (e) {
      if (isApiError(e) && e.fields) setErrors(e.fields)
      showNotice(errorText(e))
    } finally {
      setBusy(false)
    }
  }
  return { errors, setErrors, busy, saving }
}

const funnelSteps: { key: keyof StaffHiringEvent['funnel']; label: string }[] = [
  { key: 'viewers', label: '观看' },
  { key: 'reminders', label: '设提醒' },
  { key: 'signups', label: '报名' },
  { key: 'interviews', label: '面试' },
  { key: 'hires', label: '录用' },
  { key: 'riders', label: '坐专车' },
]

function EventFunnel({ event, onSaved }: { event: StaffHiringEvent; onSaved: () => void }) {
  const [viewers, setViewers] = useState(event.viewers === null ? '' : String(event.viewers))
  const [replay, setReplay] = useState(event.replayUrl ?? '')
  const { errors, busy, saving } = useSaving()
  const save = () =>
    saving(async () => {
      await updateHiringEvent(event.id, { ...(viewers ? { viewers: Number(viewers) } : {}), ...(replay ? { replayUrl: replay } : {}) })
      showNotice('已保存')
      onSaved()
    })
  return (
    <View className='wb-card hiring-events__event'>
      <Text className='wb-card__title'>{event.title}</Text>
      <Text className='wb-card__line'>
        {chinaDateTime(event.startsAt)} · {livePlatformLabel[event.platform]} · {event.jobs.length} 个岗位
      </Text>
      <View className='hiring-events__funnel'>
        {funnelSteps.map((s) => (
          <View key={s.key} className='hiring-events__step'>
            <Text className='hiring-events__figure'>{event.funnel[s.key] ?? '未填'}</Text>
            <Text className='hiring-events__label'>{s.label}</Text>
          </View>
        ))}
      </View>
      {event.phase !== 'upcoming' && (
        <View>
          <TextField label='观看人数（看平台后台）' type='number' className='hiring-events__viewers' value={viewers} onChange={setViewers} error={errors.viewers} />
          <TextField label='回放链接' className='hiring-events__replay' value={replay} onChange={setReplay} error={errors.replayUrl} placeholder='https://' />
          <BigButton variant='secondary' disabled={busy} onClick={() => void save()}>
            {busy ? '正在保存…' : '保存观看人数和回放'}
          </BigButton>
        </View>
      )}
    </View>
  )
}

/** "2026-03-12 19:00" in China time → an instant; anything else is left for the server to refuse. */
const chinaInstant = (text: string) => (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(text.trim()) ? `${text.trim().replace(' ', 'T')}:00+08:00` : text.trim())

function NewEvent({ onDone }: { onDone: () => void }) {
  const [form, setForm] = useState({ title: '', startsAt: '', endsAt: '', liveUrl: '' })
  const [jobIds, setJobIds] = useState<number[]>([])
  const [platform, setPlatform] = useState<LivePlatform>('douyin')
  const { errors, setErrors, busy, saving } = useSaving()
  const key = useRef(newIdempotencyKey())
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }))
  const save = async () => {
    if (!jobIds.length) return setErrors({ jobIds: '请至少选一个岗位' })
    await saving(async () => {
      await createHiringEvent({ title: form.title, startsAt: chinaInstant(form.startsAt), endsAt: chinaInstant(form.endsAt), platform, liveUrl: form.liveUrl, jobIds }, key.current)
      key.current = newIdempotencyKey()
      showNotice('已安排，务工人员在“直播带岗”里能看到')
      onDone()
    })
  }
  return (
    <View className='wb-card hiring-events__new'>
      <TextField label='直播名称' className='hiring-events__title' value={form.title} onChange={set('title')} error={errors.title} />
      <TextField label='开始时间' className='hiring-events__starts' value={form.startsAt} onChange={set('startsAt')} error={errors.startsAt} placeholder='2026-03-12 19:00' />
      <TextField label='结束时间' className='hiring-events__ends' value={form.endsAt} onChange={set('endsAt')} error={errors.endsAt} placeholder='2026-03-12 21:00' />
      <Text className='hiring-events__ask'>直播平台</Text>
      <Chips<LivePlatform> value={platform} onChange={setPlatform} options={livePlatforms.map((p) => ({ value: p, label: livePlatformLabel[p] }))} />
      <TextField label='直播间链接' className='hiring-events__link' value={form.liveUrl} onChange={set('liveUrl')} error={errors.liveUrl} placeholder='https://' />
      <JobPicker value={jobIds} onChange={setJobIds} error={errors.jobIds} />
      <BigButton disabled={busy} onClick={() => void save()}>
        {busy ? '正在保存…' : '安排'}
      </BigButton>
    </View>
  )
}
