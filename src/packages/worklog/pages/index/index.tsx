import { useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { isApiError, onOutboxDelivered, useOutbox } from '@/api'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { ListRow } from '@/components/list-row'
import { OutboxBanner } from '@/components/outbox-banner'
import { PageRoot } from '@/components/page-root'
import { SavedNote } from '@/components/saved-note'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { showNotice } from '@/lib/notice'
import { deleteDay, logDay, pendingDays, saveWorklogSettings, useWorklogMonth, useWorklogSettings } from '@/features/worklog/api/worklog'
import { SwitchRow } from '@/components/switch-row'
import { MonthCalendar } from '@/features/worklog/components/month-calendar'
import { QuickLog, type QuickLogChoice } from '@/features/worklog/components/quick-log'
import { chinaToday, dayLabel, monthLabel, shiftMonth } from '@/features/worklog/lib/calendar'
import { agreedPay, cellMark, entryLine } from '@/features/worklog/lib/describe'
import { SignedIn } from '../signed-in'
import './index.scss'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'

const base = '/packages/worklog/pages'

function Worklog() {
  const phoneToday = chinaToday()
  const [month, setMonth] = useState(phoneToday.slice(0, 7))
  const [chosenEmployer, setChosenEmployer] = useState<number | null>(null)
  const [selected, setSelected] = useState(phoneToday)
  const [busy, setBusy] = useState(false)
  const { data, error, loading, refresh, savedAt } = useWorklogMonth(month, true)
  const outbox = useOutbox()
  const settings = useWorklogSettings(true)
  const [reminder, setReminder] = useState<boolean | null>(null)
  const [savingReminder, setSavingReminder] = useState(false)
  useRefreshOnReturn(refresh)
  // A day sent from the phone's outbox: read the month again so it shows as recorded.
  useEffect(() => onOutboxDelivered(() => void refresh()), [refresh])

  const today = data?.today ?? phoneToday
  const employers = data?.employers ?? []
  const employerId = chosenEmployer ?? data?.lastEmployerId ?? employers[0]?.id ?? null
  const employer = employers.find((e) => e.id === employerId) ?? null
  const pending = useMemo(() => pendingDays(outbox.pending).filter((d) => d.employerId === employerId && d.date.startsWith(month)), [outbox.pending, employerId, month])

  const entries = (data?.entries ?? []).filter((e) => e.employerId === employerId)
  const marks: Record<string, { text: string; pending?: boolean }> = {}
  for (const e of entries) marks[e.date] = { text: marks[e.date] ? `${marks[e.date].text}…` : cellMark(e) }
  for (const d of pending) marks[d.date] = { text: cellMark({ ...d, days: d.days ?? null, hours: d.hours ?? null, overtimeHours: d.overtimeHours ?? 0, quantity: d.quantity ?? null, amountFen: d.amountFen ?? null }), pending: true }
  const dayEntries = entries.filter((e) => e.date === selected)
  const current = dayEntries.find((e) => e.kind === 'day_work') ?? null

  const log = async (choice: QuickLogChoice) => {
    if (!employerId) return
    setBusy(true)
    try {
      const result = await logDay({ employerId, date: selected, kind: 'day_work', days: choice.days, overtimeHours: choice.overtimeHours }, `记工 ${dayLabel(selected)}`)
      if (result.queued) showNotice('没有网络，已存在手机上，有网络后自动发出')
      else {
        showNotice('记好了')
        await refresh()
      }
    } catch (e) {
      showNotice(isApiError(e) ? Object.values(e.fields ?? {})[0] ?? e.message : '出了点问题，请稍后重试')
    } finally {
      setBusy(false)
    }
  }

  const turnReminder = async (on: boolean) => {
    setSavingReminder(true)
    try {
      setReminder((await saveWorklogSettings(on)).eveningReminder)
      showNotice(on ? '好的，每晚8点还没记工就提醒您' : '不再提醒了')
    } catch (e) {
      showNotice(isApiError(e) ? e.message : '没有网络，有网络后再改')
    } finally {
      setSavingReminder(false)
    }
  }
  const reminderOn = reminder ?? settings.data?.eveningReminder ?? null

  const remove = async (id: number) => {
    try {
      await deleteDay(id)
      await refresh()
    } catch (e) {
      showNotice(isApiError(e) ? e.message : '出了点问题，请稍后重试')
    }
  }

  return (
    <>
      {!loading && <SavedNote savedAt={savedAt} onRetry={() => void refresh()} />}
      <View className='worklog-month'>
        <View className='worklog-month__nav' {...asButton} aria-label='上个月' onClick={() => setMonth(shiftMonth(month, -1))}>
          ‹
        </View>
        <Text className='worklog-month__title'>{monthLabel(month)}</Text>
        <View
          className={`worklog-month__nav ${month >= today.slice(0, 7) ? 'worklog-month__nav--off' : ''}`}
          {...asButton}
          aria-label='下个月'
          onClick={month >= today.slice(0, 7) ? undefined : () => setMonth(shiftMonth(month, 1))}
        >
          ›
        </View>
      </View>
      <StateView loading={loading} error={data ? null : error} onRetry={() => void refresh()}>
        {employers.length === 0 ? (
          <View className='worklog-empty'>
            <Text className='worklog-empty__title'>先记下在哪干活</Text>
            <Text className='worklog-empty__text'>写上老板或工地，和说好的工钱。以后每天点一下就记好了。</Text>
            <BigButton onClick={() => openPage(`${base}/employer-new/index`)}>添加老板或工地</BigButton>
            <BigButton variant='secondary' onClick={() => openPage(`${base}/join/index`)}>
              输入工友发的工地码
            </BigButton>
          </View>
        ) : (
          <>
            {employers.length > 1 && (
              <Chips scroll options={employers.map((e) => ({ value: String(e.id), label: e.name }))} value={String(employerId)} onChange={(v) => setChosenEmployer(Number(v))} />
            )}
            <MonthCalendar month={month} today={today} selected={selected} marks={marks} onSelect={setSelected} />
            {employer && (
              <QuickLog
                date={selected}
                today={today}
                employerName={employer.name}
                current={current ? { days: current.days, overtimeHours: current.overtimeHours } : null}
                busy={busy}
                onLog={(c) => void log(c)}
                onMore={() => openPage(`${base}/entry/index?employerId=${employer.id}&date=${selected}&unit=${encodeURIComponent(employer.unitLabel ?? '')}`)}
              />
            )}
            {dayEntries.length > 0 && (
              <View className='worklog-day'>
                {dayEntries.map((e) => (
                  <View key={e.id} className='worklog-day__row'>
                    <Text className='worklog-day__text'>
                      {dayLabel(e.date)} {entryLine(e, employer?.unitLabel ?? null)}
                      {e.onTheDay ? '（当天记的）' : ''}
                      {e.countyConfirmed ? '（县里确认到岗）' : ''}
                    </Text>
                    <View className='worklog-day__delete' {...asButton} onClick={() => void remove(e.id)}>
                      删除
                    </View>
                  </View>
                ))}
              </View>
            )}
            <View className='worklog-employers'>
              {employers.map((e) => (
                <ListRow key={e.id} title={`${e.name}：欠我多少钱`} note={agreedPay(e)} onClick={() => openPage(`${base}/employer/index?id=${e.id}`)} />
              ))}
            </View>
            <BigButton variant='secondary' onClick={() => openPage(`${base}/employer-new/index`)}>
              添加老板或工地
            </BigButton>
            <BigButton variant='secondary' onClick={() => openPage(`${base}/join/index`)}>
              输入工友发的工地码
            </BigButton>
            {reminderOn !== null && <SwitchRow className='worklog-page__reminder' title='每晚提醒我记工' note='哪天晚上8点还没记，就在“消息”里提醒一下' on={reminderOn} busy={savingReminder} onChange={(on) => void turnReminder(on)} />}
          </>
        )}
      </StateView>
    </>
  )
}

/** 记工: the month as a calendar, one tap to log a day, and what each employer owes. */
export default function WorklogPage() {
  return (
    <PageRoot className='worklog-page'>
      <OutboxBanner />
      <SignedIn redirect={`${base}/index/index`}>
        <Worklog />
      </SignedIn>
    </PageRoot>
  )
}
