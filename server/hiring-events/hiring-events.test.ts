/**
 * 直播带岗 on both databases: scheduling, the list workers read (upcoming, live, past with the replay), reminders,
 * sign-ups that are the posting's applications marked with the event, the funnel, and staff scope.
 */
import * as audit from '../audit/audit.repository'
import { signIn } from '../test-support/accounts'
import { useTestApp } from '../test-support/harness'
import { runScheduledNotices } from '../notifications/scheduler'

jest.setTimeout(90000)

const HOUR = 3600 * 1000
// 10:00 in China on 2026-03-10; the event runs 11:00-13:00.
const T0 = new Date('2026-03-10T02:00:00.000Z')
const STARTS = new Date(T0.getTime() + HOUR)
const ENDS = new Date(T0.getTime() + 3 * HOUR)
const t = useTestApp({ start: T0 })

let admin: string
let kunshan: string
let jade: number
let wicker: number
let other: number
let kunshanJob: number
let eventId: number

const job = async (seedKey: string) => (await t.db.selectFrom('jobs').select('id').where('seed_key', '=', seedKey).executeTakeFirstOrThrow()).id
let phones = 0
const worker = async () => {
  const { token, user } = await signIn(t.app, `1371500${String(++phones).padStart(4, '0')}`)
  return { token, id: user.id }
}
const eventBody = (over: Record<string, unknown> = {}) => ({
  title: '武山县家门口就业直播带岗',
  startsAt: STARTS.toISOString(),
  endsAt: ENDS.toISOString(),
  platform: 'douyin',
  liveUrl: 'https://live.douyin.com/123456',
  jobIds: [jade, wicker],
  ...over,
})
const signUp = (token: string, id: number, jobId: number) => t.post(token, `/api/hiring-events/${id}/signups`, { jobId })
const funnelOf = async (token: string, id: number) => (await t.get(token, '/api/staff/hiring-events')).json().items.find((e: { id: number }) => e.id === id)

beforeAll(async () => {
  admin = await t.staffToken('admin')
  kunshan = await t.staffToken('kunshan')
  jade = await job('job-070')
  wicker = await job('job-072')
  other = await job('job-073')
  kunshanJob = await job('job-054')
  const res = await t.post(admin, '/api/staff/hiring-events', eventBody())
  expect(res.statusCode).toBe(201)
  eventId = res.json().id
})

test('workers see the event upcoming with its postings; a reminder is theirs alone', async () => {
  const w = await worker()
  const remind = await t.post(w.token, `/api/hiring-events/${eventId}/reminders`)
  expect(remind.json()).toEqual({ eventId, reminded: true })
  expect((await t.post(w.token, `/api/hiring-events/${eventId}/reminders`)).statusCode).toBe(200)
  const mine = (await t.get(w.token, '/api/hiring-events')).json()
  expect(mine.upcoming[0]).toMatchObject({ id: eventId, phase: 'upcoming', reminded: true, platform: 'douyin', replayUrl: null })
  expect(mine.upcoming[0].jobs.map((j: { id: number }) => j.id)).toEqual([jade, wicker])
  const anyone = (await t.get(null, '/api/hiring-events')).json()
  expect(anyone.upcoming[0].reminded).toBe(false)
  expect((await funnelOf(admin, eventId)).funnel.reminders).toBe(1)
})

test('before it starts there is no sign-up; during and after, a sign-up is the posting application marked with the event', async () => {
  const w = await worker()
  expect((await signUp(w.token, eventId, jade)).statusCode).toBe(409)
  t.clock.set(new Date(STARTS.getTime() + 10 * 60 * 1000))
  const res = await signUp(w.token, eventId, jade)
  expect(res.statusCode).toBe(200)
  expect(res.json()).toMatchObject({ hiringEventId: eventId, status: 'submitted', job: { id: jade } })
  // Again: the same application.
  expect((await signUp(w.token, eventId, jade)).json().id).toBe(res.json().id)
  const apps = (await t.get(w.token, '/api/me/applications')).json().items
  expect(apps.map((a: { id: number }) => a.id)).toEqual([res.json().id])
  // A posting the event does not feature: 400 on jobId.
  const off = await signUp(w.token, eventId, other)
  expect(off.statusCode).toBe(400)
  expect(off.json().error.fields.jobId).toBeTruthy()
  expect((await t.get(null, '/api/hiring-events')).json().upcoming[0].phase).toBe('live')
})

test('an application made before the event is not counted as the event sign-up', async () => {
  const w = await worker()
  const before = await t.post(w.token, `/api/jobs/${wicker}/applications`, {})
  expect(before.statusCode).toBe(200)
  t.clock.set(new Date(STARTS.getTime() + 20 * 60 * 1000))
  const res = await signUp(w.token, eventId, wicker)
  expect(res.json()).toMatchObject({ id: before.json().id, hiringEventId: null })
})

test('the funnel counts viewers staff report, sign-ups, interviews, hires and riders', async () => {
  t.clock.set(new Date(STARTS.getTime() + 30 * 60 * 1000))
  const [a, b, c] = [await worker(), await worker(), await worker()]
  const appA = (await signUp(a.token, eventId, jade)).json().id
  const appB = (await signUp(b.token, eventId, wicker)).json().id
  await signUp(c.token, eventId, wicker)
  const before = (await funnelOf(admin, eventId)).funnel
  expect((await t.post(admin, `/api/staff/applications/${appA}/status`, { status: 'contacted' })).statusCode).toBe(200)
  expect((await t.post(admin, `/api/staff/applications/${appB}/status`, { status: 'hired' })).statusCode).toBe(200)
  // B rides a county bus leaving after the event began.
  const batch = await t.db.selectFrom('transport_batches').select('id').where('status', '=', 'open').where('depart_at', '>', STARTS.toISOString()).orderBy('depart_at').executeTakeFirstOrThrow()
  const ride = await t.post(b.token, `/api/transport-batches/${batch.id}/signups`)
  expect(ride.statusCode).toBe(201)

  t.clock.set(new Date(ENDS.getTime() + HOUR))
  const early = await t.app.inject({ method: 'PATCH', url: `/api/staff/hiring-events/${eventId}`, headers: { authorization: `Bearer ${admin}` }, payload: { viewers: 1234, replayUrl: 'https://live.douyin.com/replay/123456' } })
  expect(early.statusCode).toBe(200)
  const after = (await funnelOf(admin, eventId)).funnel
  expect(after).toEqual({
    viewers: 1234,
    reminders: before.reminders,
    signups: before.signups,
    interviews: before.interviews + 2,
    hires: before.hires + 1,
    riders: before.riders + 1,
  })
  expect(before.signups).toBeGreaterThanOrEqual(4)
  const past = (await t.get(null, '/api/hiring-events')).json()
  expect(past.upcoming).toEqual([])
  expect(past.past[0]).toMatchObject({ id: eventId, phase: 'past', replayUrl: 'https://live.douyin.com/replay/123456' })
  // After the event a worker may still sign up, from the replay.
  const late = await worker()
  expect((await signUp(late.token, eventId, jade)).json().hiringEventId).toBe(eventId)
  expect((await t.post(late.token, `/api/hiring-events/${eventId}/reminders`)).statusCode).toBe(409)
})

test('a figures change whose audit line fails leaves the event as it was', async () => {
  t.clock.set(new Date(ENDS.getTime() + HOUR))
  const patch = (viewers: number) => t.app.inject({ method: 'PATCH', url: `/api/staff/hiring-events/${eventId}`, headers: { authorization: `Bearer ${admin}` }, payload: { viewers } })
  const failing = jest.spyOn(audit, 'writeAudit').mockRejectedValueOnce(new Error('disk full'))
  const res = await patch(2000)
  failing.mockRestore()
  expect(res.statusCode).toBe(500)
  expect((await funnelOf(admin, eventId)).funnel.viewers).toBe(1234)
})

test('staff scope: a station schedules with its own postings and sees only its events', async () => {
  const foreign = await t.post(kunshan, '/api/staff/hiring-events', eventBody({ jobIds: [kunshanJob, jade] }))
  expect(foreign.statusCode).toBe(400)
  expect(foreign.json().error.fields.jobIds).toBeTruthy()
  const own = await t.post(kunshan, '/api/staff/hiring-events', eventBody({ jobIds: [kunshanJob], title: '昆山工厂直播招工' }))
  expect(own.statusCode).toBe(201)
  const theirs = (await t.get(kunshan, '/api/staff/hiring-events')).json().items.map((e: { id: number }) => e.id)
  expect(theirs).toEqual([own.json().id])
  const all = (await t.get(admin, '/api/staff/hiring-events')).json().items.map((e: { id: number }) => e.id)
  expect(all).toEqual(expect.arrayContaining([eventId, own.json().id]))
  const patch = await t.app.inject({ method: 'PATCH', url: `/api/staff/hiring-events/${eventId}`, headers: { authorization: `Bearer ${kunshan}` }, payload: { replayUrl: 'https://x.example/r' } })
  expect(patch.statusCode).toBe(403)
  const w = await worker()
  expect((await t.get(w.token, '/api/staff/hiring-events')).statusCode).toBe(403)
})

test('an event ending before it starts is a 400 on endsAt', async () => {
  const res = await t.post(admin, '/api/staff/hiring-events', eventBody({ endsAt: STARTS.toISOString(), startsAt: ENDS.toISOString() }))
  expect(res.statusCode).toBe(400)
  expect(res.json().error.fields.endsAt).toBeTruthy()
})

test('the scheduler reminds each worker who asked, once, within the hour before the start', async () => {
  const soon = await t.post(admin, '/api/staff/hiring-events', eventBody({ title: '马上开播的直播', startsAt: new Date(T0.getTime() + 30 * 60 * 1000).toISOString() }))
  const id = soon.json().id
  const w = await worker()
  expect((await t.post(w.token, `/api/hiring-events/${id}/reminders`)).statusCode).toBe(200)
  const first = await runScheduledNotices(t.db, t.clock())
  const second = await runScheduledNotices(t.db, t.clock())
  expect(first.hiring_event_reminder).toBeGreaterThanOrEqual(1)
  expect(second.hiring_event_reminder).toBe(0)
  const inbox = (await t.get(w.token, '/api/me/messages')).json().items
  expect(inbox).toEqual([expect.objectContaining({ kind: 'hiring_event_reminder', title: '直播带岗快开始了', link: '/packages/jobs/pages/live/index' })])
  expect(inbox[0].body).toContain('马上开播的直播')
})
