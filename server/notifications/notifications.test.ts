/** Each event leaves exactly its messages, in the transaction of its change; the inbox and the channel choices. */
import { z } from 'zod/mini'
import { api } from '../../types'
import { courseBody, jobPostingBody, rightsCaseBody, transportBatchBody } from '../test-support/bodies'
import { bearer, workerSignIns } from '../test-support/accounts'
import { useTestApp } from '../test-support/harness'
import { notify } from './notify'

jest.setTimeout(120000)

// 10:00 in China on 10 March.
const T0 = new Date('2026-03-10T02:00:00.000Z')
const t = useTestApp({ start: T0 })
const post = t.post

let admin: string
let wuxi: string
let kunshan: string
let wuxiStaffId: number
beforeAll(async () => {
  admin = await t.staffToken('admin')
  wuxi = await t.staffToken('wuxi')
  kunshan = await t.staffToken('kunshan')
  wuxiStaffId = (await t.db.selectFrom('staff').select('id').where('username', '=', 'wuxi').executeTakeFirstOrThrow()).id
})

const newWorker = workerSignIns('1374100', () => t.app)

/** What a worker's inbox holds, oldest first: [kind, link] pairs; and the external rows queued for them. */
const messagesOf = async (userId: number) =>
  (await t.db.selectFrom('messages').select(['kind', 'link', 'body']).where('user_id', '=', userId).orderBy('id').execute()).map((m) => [m.kind, m.link])
const queuedFor = async (userId: number) =>
  (await t.db.selectFrom('notifications').select(['kind', 'channel', 'state']).where('user_id', '=', userId).where('channel', '<>', 'inapp').orderBy('id').execute()).map(
    (r) => [r.kind, r.channel, r.state],
  )
const staffMessages = async (staffId: number) => (await t.db.selectFrom('messages').select('kind').where('staff_id', '=', staffId).execute()).length

async function newCase(token: string) {
  const res = await post(token, '/api/rights-requests', rightsCaseBody)
  expect(res.statusCode).toBe(201)
  return res.json().trackingNo as string
}
const move = (no: string, to: string, extra: object = {}) =>
  post(wuxi, `/api/staff/rights-requests/${no}/transitions`, { to, note: `改为${to}`, visibleToWorker: true, ...extra })
const note = (no: string, visibleToWorker: boolean) => post(wuxi, `/api/staff/rights-requests/${no}/notes`, { text: '请准备好工资条', visibleToWorker })

describe('each event leaves exactly its messages', () => {
  test('a rights case: staff of its station hear of it; the worker hears of accepted, a note for them, resolved', async () => {
    const w = await newWorker()
    const staffBefore = await staffMessages(wuxiStaffId)
    const no = await newCase(w.token)
    expect(await staffMessages(wuxiStaffId)).toBe(staffBefore + 1)
    expect(await messagesOf(w.id)).toEqual([])

    const link = `/packages/rights/pages/case/index?trackingNo=${no}`
    expect((await move(no, 'accepted')).statusCode).toBe(200)
    expect((await move(no, 'in_progress')).statusCode).toBe(200)
    expect((await note(no, false)).statusCode).toBe(201)
    expect((await note(no, true)).statusCode).toBe(201)
    // A move that is refused changes nothing, and says nothing.
    expect((await move(no, 'accepted')).statusCode).toBe(409)
    expect((await move(no, 'resolved')).statusCode).toBe(200)
    expect(await messagesOf(w.id)).toEqual([
      ['rights_accepted', link],
      ['rights_note', link],
      ['rights_resolved', link],
    ])
    // SMS by default only for the resolved case.
    expect(await queuedFor(w.id)).toEqual([['rights_resolved', 'sms', 'pending']])
  })

  test('a referred case names where it went', async () => {
    const w = await newWorker()
    const no = await newCase(w.token)
    await move(no, 'accepted')
    await move(no, 'in_progress')
    expect((await move(no, 'referred', { referredTo: 'arbitration' })).statusCode).toBe(200)
    const rows = await t.db.selectFrom('messages').select(['kind', 'body']).where('user_id', '=', w.id).orderBy('id').execute()
    expect(rows.map((r) => r.kind)).toEqual(['rights_accepted', 'rights_referred'])
    expect(rows[1].body).toContain('劳动人事争议仲裁')
  })

  test('an application contacted, hired; another rejected', async () => {
    const w = await newWorker()
    const job = (await post(kunshan, '/api/staff/jobs', jobPostingBody)).json()
    const applied = await post(w.token, `/api/jobs/${job.id}/applications`, { note: '' })
    expect(applied.statusCode).toBe(200)
    const id = applied.json().id
    expect((await post(kunshan, `/api/staff/applications/${id}/status`, { status: 'contacted' })).statusCode).toBe(200)
    expect((await post(kunshan, `/api/staff/applications/${id}/status`, { status: 'hired' })).statusCode).toBe(200)
    // Setting the same status again changes nothing and says nothing.
    expect((await post(kunshan, `/api/staff/applications/${id}/status`, { status: 'hired' })).statusCode).toBe(200)
    const link = '/packages/jobs/pages/applications/index'
    expect(await messagesOf(w.id)).toEqual([
      ['application_contacted', link],
      ['application_hired', link],
    ])
    expect(await queuedFor(w.id)).toEqual([])
  })

  test('a waitlisted worker given a seat when another cancels', async () => {
    const course = await post(admin, '/api/staff/courses', courseBody(t.clock(), 1))
    expect(course.statusCode).toBe(201)
    const [a, b] = [await newWorker(), await newWorker()]
    const seated = (await post(a.token, `/api/courses/${course.json().id}/enrollments`, {})).json()
    expect((await post(b.token, `/api/courses/${course.json().id}/enrollments`, {})).json().status).toBe('waitlisted')
    expect((await t.app.inject({ method: 'DELETE', url: `/api/enrollments/${seated.id}`, headers: bearer(a.token) })).statusCode).toBe(200)
    expect(await messagesOf(b.id)).toEqual([['waitlist_seat', '/packages/training/pages/mine/index']])
    expect(await queuedFor(b.id)).toEqual([['waitlist_seat', 'sms', 'pending']])
    expect(await messagesOf(a.id)).toEqual([])
  })

  test('a cancelled batch tells each rider with a seat, by SMS at once; not those who gave theirs up', async () => {
    const batch = (await post(kunshan, '/api/staff/transport-batches', transportBatchBody(t.clock()))).json()
    const riders = [await newWorker(), await newWorker(), await newWorker()]
    const seats = []
    for (const r of riders) seats.push((await post(r.token, `/api/transport-batches/${batch.id}/signups`)).json())
    expect((await t.app.inject({ method: 'DELETE', url: `/api/transport-signups/${seats[2].id}`, headers: bearer(riders[2].token) })).statusCode).toBe(200)
    // Another station may not cancel it, and nothing is said.
    expect((await post(wuxi, `/api/staff/transport-batches/${batch.id}/cancel`, { reason: '改期' })).statusCode).toBe(403)
    expect(await messagesOf(riders[0].id)).toEqual([])
    expect((await post(kunshan, `/api/staff/transport-batches/${batch.id}/cancel`, { reason: '用工单位推迟到下个月开工' })).statusCode).toBe(200)
    // A second cancel changes nothing.
    expect((await post(kunshan, `/api/staff/transport-batches/${batch.id}/cancel`, { reason: '用工单位推迟到下个月开工' })).statusCode).toBe(200)
    for (const r of riders.slice(0, 2)) {
      expect(await messagesOf(r.id)).toEqual([['transport_cancelled', '/packages/transport/pages/mine/index']])
      expect(await queuedFor(r.id)).toEqual([['transport_cancelled', 'sms', 'pending']])
    }
    const body = (await t.db.selectFrom('messages').select('body').where('user_id', '=', riders[0].id).executeTakeFirstOrThrow()).body
    expect(body).toContain('用工单位推迟到下个月开工')
    expect(await messagesOf(riders[2].id)).toEqual([])
    const queued = await t.db.selectFrom('notifications').select('next_attempt_at').where('user_id', '=', riders[0].id).where('channel', '=', 'sms').executeTakeFirstOrThrow()
    expect(queued.next_attempt_at).toBe(t.clock().toISOString())
  })

  test('a change rolled back leaves no message and nothing queued', async () => {
    const w = await newWorker()
    const no = await newCase(w.token)
    const caseId = (await t.db.selectFrom('rights_requests').select('id').where('tracking_no', '=', no).executeTakeFirstOrThrow()).id
    await t.db.updateTable('rights_requests').set({ status: 'resolved' }).where('id', '=', caseId).execute()
    const before = await t.db.selectFrom('notifications').select('id').execute()
    await expect(
      t.db.transaction().execute(async (trx) => {
        await notify(trx, t.clock(), { kind: 'rights_status', requestId: caseId })
        expect(await trx.selectFrom('messages').select('id').where('user_id', '=', w.id).execute()).toHaveLength(1)
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    expect(await messagesOf(w.id)).toEqual([])
    expect(await t.db.selectFrom('notifications').select('id').execute()).toHaveLength(before.length)
  })
})

describe('the inbox', () => {
  const inbox = (token: string, query = '') => t.get(token, `/api/me/messages${query}`)
  const markRead = (token: string, payload: object) => post(token, '/api/me/messages/read', payload)

  test('newest first, paged, with the unread count; read by ids or all; nobody reads or marks another’s', async () => {
    const w = await newWorker()
    const other = await newWorker()
    const no = await newCase(w.token)
    await move(no, 'accepted')
    t.clock.set(new Date(T0.getTime() + 60_000))
    await move(no, 'in_progress')
    await note(no, true)
    await move(no, 'resolved')
    await newCase(other.token)

    const first = await inbox(w.token, '?limit=2')
    expect(first.statusCode).toBe(200)
    const page1 = z.parse(api.listMyMessages.response, first.json())
    expect(page1.items.map((m) => m.kind)).toEqual(['rights_resolved', 'rights_note'])
    expect(page1.unread).toBe(3)
    expect(page1.items[0]).toMatchObject({ title: '您的求助已办结', read: false, link: `/packages/rights/pages/case/index?trackingNo=${no}` })
    const page2 = (await inbox(w.token, `?limit=2&cursor=${page1.nextCursor}`)).json()
    expect(page2.items.map((m: { kind: string }) => m.kind)).toEqual(['rights_accepted'])
    expect(page2.nextCursor).toBeNull()
    expect((await inbox(w.token, '?cursor=not-a-cursor!')).statusCode).toBe(400)

    // Another worker sees none of them and cannot mark them.
    const others = (await inbox(other.token)).json()
    expect(others.items).toEqual([])
    expect((await markRead(other.token, { ids: [page1.items[0].id] })).json()).toEqual({ unread: 0 })
    expect((await inbox(w.token)).json().unread).toBe(3)

    expect((await markRead(w.token, { ids: [page1.items[0].id] })).json()).toEqual({ unread: 2 })
    expect((await markRead(w.token, { ids: [page1.items[0].id] })).json()).toEqual({ unread: 2 })
    expect((await inbox(w.token, '?limit=1')).json().items[0].read).toBe(true)
    expect((await markRead(w.token, { all: true })).json()).toEqual({ unread: 0 })
    expect((await markRead(w.token, { all: true })).json()).toEqual({ unread: 0 })
    const bad = await markRead(w.token, {})
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.fields.ids).toBe('请选择要标为已读的消息')

    expect((await t.get(null, '/api/me/messages')).statusCode).toBe(401)
    expect((await inbox(admin)).statusCode).toBe(403)
  })
})

describe('channel choices', () => {
  const settings = (token: string) => t.get(token, '/api/me/notification-settings')
  const change = (token: string, items: object[]) => t.patch(token, '/api/me/notification-settings', { items })

  test('defaults; SMS for a cancelled bus cannot be turned off; a choice decides what is queued', async () => {
    const w = await newWorker()
    const got = z.parse(api.getNotificationSettings.response, (await settings(w.token)).json()).items
    expect(got.find((s) => s.kind === 'transport_cancelled')).toEqual({ kind: 'transport_cancelled', wechat: true, sms: true, smsLocked: true })
    expect(got.find((s) => s.kind === 'rights_resolved')).toEqual({ kind: 'rights_resolved', wechat: true, sms: true, smsLocked: false })
    expect(got.find((s) => s.kind === 'rights_accepted')).toEqual({ kind: 'rights_accepted', wechat: true, sms: false, smsLocked: false })

    const refused = await change(w.token, [{ kind: 'transport_cancelled', sms: false }])
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.fields['items.0.sms']).toContain('不能关')
    expect((await change(w.token, [{ kind: 'nonsense', sms: false }])).statusCode).toBe(400)

    const changed = await change(w.token, [
      { kind: 'rights_resolved', sms: false },
      { kind: 'rights_accepted', sms: true, wechat: false },
    ])
    expect(changed.statusCode).toBe(200)
    expect(changed.json().items.find((s: { kind: string }) => s.kind === 'rights_accepted')).toEqual({ kind: 'rights_accepted', wechat: false, sms: true, smsLocked: false })
    // A second change of one channel keeps the other.
    await change(w.token, [{ kind: 'rights_accepted', sms: true }])
    expect((await settings(w.token)).json().items.find((s: { kind: string }) => s.kind === 'rights_accepted').wechat).toBe(false)

    const no = await newCase(w.token)
    await move(no, 'accepted')
    await move(no, 'in_progress')
    await move(no, 'resolved')
    expect(await queuedFor(w.id)).toEqual([['rights_accepted', 'sms', 'pending']])
    // The inbox has them all regardless.
    expect((await messagesOf(w.id)).map(([k]) => k)).toEqual(['rights_accepted', 'rights_resolved'])
  })
})

describe('the account', () => {
  test('the export holds the inbox and the choices; deleting the account removes them', async () => {
    const w = await newWorker()
    const no = await newCase(w.token)
    await move(no, 'accepted')
    await t.patch(w.token, '/api/me/notification-settings', { items: [{ kind: 'rights_note', sms: true }] })
    const exported = await t.get(w.token, '/api/me/export')
    expect(exported.statusCode).toBe(200)
    const records = exported.json().records
    expect(records.messages).toEqual([expect.objectContaining({ title: '您的求助已受理', readAt: null })])
    expect(records.notificationsSent).toEqual([expect.objectContaining({ kind: 'rights_accepted', channel: 'inapp', state: 'sent' })])
    expect(records.notificationSettings).toEqual([expect.objectContaining({ kind: 'rights_note', sms: true })])

    expect((await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(w.token) })).statusCode).toBe(200)
    expect(await messagesOf(w.id)).toEqual([])
    expect(await t.db.selectFrom('notifications').select('id').where('user_id', '=', w.id).execute()).toEqual([])
    expect(await t.db.selectFrom('notification_settings').select('kind').where('user_id', '=', w.id).execute()).toEqual([])
  })
})

describe('staff alerts', () => {
  test('staff of the station read their own alerts, each opening the case; another station’s staff see none', async () => {
    const w = await newWorker()
    const read = (token: string) => t.get(token, '/api/staff/alerts?limit=50')
    const before = (await read(wuxi)).json()
    const no = await newCase(w.token)
    const after = (await read(wuxi)).json()
    expect(after.unread).toBe(before.unread + 1)
    expect(after.items[0]).toMatchObject({ kind: 'staff_new_case', title: '新的求助', read: false, link: `/packages/staff/pages/case/index?no=${no}` })
    expect((await read(kunshan)).json().items.some((m: { link: string }) => m.link.includes(no))).toBe(false)
    // Another's alert cannot be marked by them.
    expect((await post(kunshan, '/api/staff/alerts/read', { ids: [after.items[0].id] })).statusCode).toBe(200)
    expect((await read(wuxi)).json().unread).toBe(after.unread)
    expect((await post(wuxi, '/api/staff/alerts/read', { all: true })).json()).toEqual({ unread: 0 })
    expect((await read(w.token)).statusCode).toBe(403)
  })
})
