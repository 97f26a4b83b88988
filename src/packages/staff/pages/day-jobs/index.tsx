import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { isApiError } from '@/api'
import { BigButton } from '@/components/big-button'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { showNotice } from '@/lib/notice'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { confirmAttendance, contactLink, useDayJobSignups, useStaffDayJobs } from '@/features/staff/api/staff-local-jobs'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'
import './index.scss'

/**
 * 零工到岗: the 零工 days from today on (station staff their postings', admins all). Open one to tick who came: each
 * confirmed 来了 is written into that worker's 记工 as a day the county confirmed. Or send the employer's contact a
 * link to tick it themselves.
 */
export default function StaffDayJobsPage() {
  return <StaffShell title='零工到岗'>{() => <DayJobs />}</StaffShell>
}

type Mark = 'came' | 'absent'

function DayJobs() {
  const days = useStaffDayJobs()
  const [open, setOpen] = useState<number | null>(null)
  useRefreshOnReturn(days.refresh)
  const items = days.data?.items ?? []
  return (
    <StateView
      loading={days.loading}
      error={days.data ? null : days.error}
      empty={items.length === 0}
      emptyText='今天以后没有零工'
      emptyHint='在岗位里把类别改成“零工”，再添加哪天要人'
      savedAt={days.savedAt}
      onRetry={() => void days.refresh()}
    >
      {items.map((d) => (
        <View key={d.id} className='wb-card day-jobs__day'>
          <View {...asButton} onClick={() => setOpen(open === d.id ? null : d.id)}>
            <Text className='wb-card__title'>
              {d.date} · {d.jobTitle}
            </Text>
            <Text className='wb-card__line'>
              {d.place} · {d.wageYuan} 元/天 · 报名 {d.signedUp} / {d.headcount} 人 · 已确认来了 {d.came} 人
            </Text>
          </View>
          {open === d.id && <Signups id={d.id} onChanged={() => void days.refresh()} />}
        </View>
      ))}
    </StateView>
  )
}

function Signups({ id, onChanged }: { id: number; onChanged: () => void }) {
  const sheet = useDayJobSignups(id)
  const [marks, setMarks] = useState<Record<number, Mark>>({})
  const [busy, setBusy] = useState(false)
  const items = sheet.data?.items ?? []
  const markOf = (s: (typeof items)[number]): Mark | null => marks[s.id] ?? s.attendance

  const save = async () => {
    const came = Object.entries(marks).flatMap(([k, v]) => (v === 'came' ? [Number(k)] : []))
    const absent = Object.entries(marks).flatMap(([k, v]) => (v === 'absent' ? [Number(k)] : []))
    setBusy(true)
    try {
      await confirmAttendance(id, { came, absent })
      setMarks({})
      showNotice(came.length ? `已确认 ${came.length} 人来了，已记入他们的记工` : '已保存')
      await sheet.refresh()
      onChanged()
    } catch (e) {
      showNotice(isApiError(e) ? e.message : '没有保存成功，请再试一次')
    } finally {
      setBusy(false)
    }
  }

  const share = async () => {
    try {
      const link = await contactLink(id)
      const url = typeof location === 'undefined' ? link.url : `${location.origin}${link.url}`
      await Taro.setClipboardData({ data: url })
      showNotice('确认链接已复制，发给用工方联系人，3 天内有效')
    } catch (e) {
      showNotice(isApiError(e) ? e.message : '没有拿到链接，请再试一次')
    }
  }

  return (
    <StateView loading={sheet.loading} error={sheet.data ? null : sheet.error} empty={items.length === 0} emptyText='还没有人报名这天' savedAt={sheet.savedAt} onRetry={() => void sheet.refresh()}>
      {items.map((s) => {
        const mark = markOf(s)
        const final = s.attendance === 'came'
        return (
          <View key={s.id} className='day-jobs__person'>
            <Text className='day-jobs__name'>
              {s.name} {s.phone}
            </Text>
            {final ? (
              <Text className='day-jobs__came'>来了（已记入记工{s.confirmedBy === 'contact' ? '，用工方确认' : ''}）</Text>
            ) : (
              <View className='day-jobs__marks'>
                {(['came', 'absent'] as const).map((m) => (
                  <View
                    key={m}
                    {...asButton}
                    aria-pressed={mark === m ? 'true' : 'false'}
                    className={`day-jobs__mark ${mark === m ? 'day-jobs__mark--on' : ''}`}
                    onClick={() => setMarks((all) => ({ ...all, [s.id]: m }))}
                  >
                    <Text>{m === 'came' ? '来了' : '没来'}</Text>
                  </View>
                ))}
              </View>
            )}
          </View>
        )
      })}
      <BigButton disabled={busy || Object.keys(marks).length === 0} onClick={() => void save()}>
        {busy ? '正在保存…' : '确认到岗'}
      </BigButton>
      <BigButton variant='secondary' onClick={() => void share()}>
        发链接给用工方确认
      </BigButton>
    </StateView>
  )
}
