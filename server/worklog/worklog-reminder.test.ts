/**
 * The evening reminder to log the day (both databases, a clock the test moves): once a day from 20:00 China time to a
 * worker who logged a work day in the three days before and not today, never in the quiet hours, never when turned off.
 */
import { runScheduledNotices } from '../notifications/scheduler'
import { signIn } from '../test-support/accounts'
import { useTestApp } from '../test-support/harness'

// 2026-05-20 10:00 in China.
const T0 = new Date('2026-05-20T02:00:00.000Z')
const t = useTestApp({ start: T0 })
const { get, post } = t

/** China wall time of 2026-05-DD as an instant. */
const at = (day: number, hhmm: string) => new Date(`2026-05-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`)
const sweep = async (when: Date) => {
  t.clock.set(when)
  return (await runScheduledNotices(t.db, when)).worklog_reminder
}
const reminders = async (userId: number) =>
  t.db.selectFrom('messages').select(['title', 'body', 'link', 'created_at']).where('user_id', '=', userId).where('kind', '=', 'worklog_reminder').orderBy('id').execute()

async function worker(phone: string, days: { date: string; kind?: string }[]) {
  const w = await signIn(t.app, phone)
  const employer = await post(w.token, '/api/me/worklog/employers', { name: '王工头', dayRateFen: 28000 })
  for (const d of days) {
    const kind = d.kind ?? 'day_work'
    const res = await post(w.token, '/api/me/worklog/days', { employerId: employer.json().id, date: d.date, kind, ...(kind === 'advance' ? { amountFen: 5000 } : { days: 1 }) })
    expect(res.statusCode).toBe(200)
  }
  return { ...w, employerId: employer.json().id as number }
}

test('one reminder an evening, only to who logged lately and not today, with the inbox and SMS as chosen', async () => {
  t.clock.set(T0)
  const lately = await worker('13900340101', [{ date: '2026-05-18' }, { date: '2026-05-19' }])
  const today = await worker('13900340102', [{ date: '2026-05-19' }, { date: '2026-05-20' }])
  const longAgo = await worker('13900340103', [{ date: '2026-05-10' }])
  const turnedOff = await worker('13900340104', [{ date: '2026-05-19' }])
  const onlyAdvance = await worker('13900340105', [{ date: '2026-05-19', kind: 'advance' }])
  const withSms = await worker('13900340106', [{ date: '2026-05-17' }])
  expect((await t.put(turnedOff.token, '/api/me/worklog/settings', { eveningReminder: false })).statusCode).toBe(200)
  expect((await t.patch(withSms.token, '/api/me/notification-settings', { items: [{ kind: 'worklog_reminder', sms: true }] })).statusCode).toBe(200)

  // Before 20:00: nothing.
  expect(await sweep(at(20, '19:55'))).toBe(0)
  expect(await reminders(lately.user.id)).toEqual([])

  // 20:00: those who logged in the three days before and not today.
  expect(await sweep(at(20, '20:00'))).toBe(2)
  expect(await reminders(lately.user.id)).toEqual([
    expect.objectContaining({ title: '今天记工了吗', link: '/packages/worklog/pages/index/index', body: expect.stringContaining('可以在记工页面关掉') }),
  ])
  for (const w of [today, longAgo, turnedOff, onlyAdvance]) expect(await reminders(w.user.id)).toEqual([])
  expect(await reminders(withSms.user.id)).toHaveLength(1)
  // The inbox row is sent; the SMS the worker chose waits for the dispatcher, before the quiet hours.
  const rows = await t.db.selectFrom('notifications').select(['channel', 'state', 'next_attempt_at']).where('user_id', '=', withSms.user.id).where('kind', '=', 'worklog_reminder').orderBy('channel').execute()
  expect(rows).toEqual([
    { channel: 'inapp', state: 'sent', next_attempt_at: at(20, '20:00').toISOString() },
    { channel: 'sms', state: 'pending', next_attempt_at: at(20, '20:00').toISOString() },
  ])
  expect(await t.db.selectFrom('notifications').select('id').where('user_id', '=', lately.user.id).where('channel', '=', 'sms').execute()).toEqual([])

  // The next sweeps of the evening write nothing more.
  expect(await sweep(at(20, '20:05'))).toBe(0)
  expect(await sweep(at(20, '21:55'))).toBe(0)
  expect(await reminders(lately.user.id)).toHaveLength(1)

  // The next evening again (the 19th is within three days of the 21st), now also the one who logged the 20th; the
  // one who logged the 17th is past it.
  expect(await sweep(at(21, '20:10'))).toBe(2)
  expect(await reminders(lately.user.id)).toHaveLength(2)
  expect(await reminders(today.user.id)).toHaveLength(1)
  expect(await reminders(withSms.user.id)).toHaveLength(1)

  // Logged on the 22nd before 20:00: no reminder that evening.
  t.clock.set(at(22, '19:00'))
  expect((await post(lately.token, '/api/me/worklog/days', { employerId: lately.employerId, date: '2026-05-22', kind: 'day_work', days: 1 })).statusCode).toBe(200)
  await sweep(at(22, '20:30'))
  expect(await reminders(lately.user.id)).toHaveLength(2)
  expect(await reminders(today.user.id)).toHaveLength(2)

  // The inbox shows it like any message.
  const inbox = (await get(lately.token, '/api/me/messages')).json()
  expect(inbox.items[0]).toEqual(expect.objectContaining({ kind: 'worklog_reminder', title: '今天记工了吗', read: false }))
})

test('none in the quiet hours: a sweep first running after 22:00 lets the day go', async () => {
  t.clock.set(at(19, '12:00'))
  const w = await worker('13900340111', [{ date: '2026-05-18' }])
  expect(await sweep(at(19, '22:10'))).toBe(0)
  expect(await sweep(at(20, '06:50'))).toBe(0)
  expect(await reminders(w.user.id)).toEqual([])
  expect(await sweep(at(20, '20:01'))).toBeGreaterThanOrEqual(1)
  expect(await reminders(w.user.id)).toHaveLength(1)
})

test('turned off, none; turned on again, the reminder comes that evening', async () => {
  t.clock.set(at(24, '12:00'))
  const w = await worker('13900340121', [{ date: '2026-05-23' }])
  expect((await t.put(w.token, '/api/me/worklog/settings', { eveningReminder: false })).statusCode).toBe(200)
  await sweep(at(24, '20:00'))
  expect(await reminders(w.user.id)).toEqual([])
  expect((await t.put(w.token, '/api/me/worklog/settings', { eveningReminder: true })).statusCode).toBe(200)
  await sweep(at(24, '20:10'))
  expect(await reminders(w.user.id)).toHaveLength(1)
})
