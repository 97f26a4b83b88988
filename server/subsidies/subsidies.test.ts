/**
 * 补贴免审即享 end to end through the API: eligibility from the roster and the app's records, one claim per person per
 * scheme per year (also under concurrent taps), the window, proof photos, decisions with the re-check, scope per
 * township, 公示 masking, the payment sheet (admins only, access-logged), paid by hand and from the returned sheet.
 */
import ExcelJS from 'exceljs'
import { findAudit } from '../audit/audit.repository'
import { bearer, signIn } from '../test-support/accounts'
import { transportBatchBody } from '../test-support/bodies'
import { idempotencyKey as key, useTestApp } from '../test-support/harness'
import { multipart, png } from '../test-support/images'
import { idNumberFor, openAccount, personBody, villageOf } from '../test-support/roster'
import type { CreatePersonBody, MySubsidy, MySubsidyClaim, StaffSubsidyClaim } from '../../types'
import { sweepUploads } from '../uploads/uploads.service'
import * as repo from './subsidies.repository'

jest.setTimeout(120_000)

// 10:00 in China on 10 March 2026: the seeded 交通补助 2026 is open all year.
const T0 = new Date('2026-03-10T02:00:00.000Z')
const t = useTestApp({ start: T0 })

let admin: string
let luomen: string
let chengguan: string
let villageStaff: string
let kunshan: string
let v1: number
let v2: number
let c1: number
let schemeId: number

beforeAll(async () => {
  admin = await t.staffToken('admin')
  kunshan = await t.staffToken('kunshan')
  v1 = (await villageOf(t.app, admin, '洛门镇', 0)).id
  v2 = (await villageOf(t.app, admin, '洛门镇', 1)).id
  c1 = (await villageOf(t.app, admin, '城关镇', 0)).id
  luomen = await openAccount(t.app, admin, 'luomen-subsidy', { role: 'township', township: '洛门镇' })
  chengguan = await openAccount(t.app, admin, 'chengguan-subsidy', { role: 'township', township: '城关镇' })
  const v1Name = (await villageOf(t.app, admin, '洛门镇', 0)).name
  villageStaff = await openAccount(t.app, admin, 'village-subsidy', { role: 'village', township: '洛门镇', village: v1Name })
  const schemes = await t.get(admin, '/api/staff/subsidy-schemes')
  expect(schemes.statusCode).toBe(200)
  schemeId = (schemes.json().items as { id: number; kind: string; year: number }[]).find((s) => s.kind === 'transport' && s.year === 2026)!.id
})

let seq = 0
type Worker = { token: string; userId: number; personId: number; phone: string }

/** A roster person (added by the admin) whose worker then signs in with the same phone, which links the two. */
async function workerOnRoster(over: Partial<CreatePersonBody> = {}): Promise<Worker> {
  seq += 1
  const phone = `1372450${String(seq).padStart(4, '0')}`
  const body = personBody({ idNumber: idNumberFor(seq, '19880101'), township: '洛门镇', villageId: v1, name: '王小五', poverty: 'alleviated', status: 'willing', phone, ...over })
  const created = await t.post(admin, '/api/staff/people', body)
  if (created.statusCode !== 201) throw new Error(`person: ${created.statusCode} ${created.body}`)
  const { token, user } = await signIn(t.app, phone)
  const personId = created.json().id as number
  const linked = await t.db.selectFrom('people').select('user_id').where('id', '=', personId).executeTakeFirstOrThrow()
  expect(linked.user_id).toBe(user.id)
  return { token, userId: user.id, personId, phone }
}

/** The worker takes a seat on the county's batch to 无锡 and the batch departs (the roster follows). */
async function rideToWuxi(w: Worker) {
  const batch = await t.post(admin, '/api/staff/transport-batches', transportBatchBody(t.clock(), { destinationProvince: '江苏省', destinationCity: '无锡市' }))
  expect(batch.statusCode).toBe(201)
  const id = batch.json().id as number
  expect((await t.post(w.token, `/api/transport-batches/${id}/signups`)).statusCode).toBe(201)
  expect((await t.post(admin, `/api/staff/transport-batches/${id}/depart`)).statusCode).toBe(200)
  return id
}

const mySubsidy = async (w: Worker) => {
  const res = await t.get(w.token, '/api/me/subsidies')
  expect(res.statusCode).toBe(200)
  return { body: res.json() as { onRoster: boolean; bankAccount: string | null; items: MySubsidy[] }, item: (res.json().items as MySubsidy[]).find((i) => i.scheme.id === schemeId)! }
}
const claim = (w: Worker, proofUploadIds: string[] = [], k = key()) => t.post(w.token, '/api/me/subsidy-claims', { schemeId, proofUploadIds }, k)
const decide = (token: string, id: number, decision: 'approve' | 'refuse', reason: string | null = null) => t.post(token, `/api/staff/subsidy-claims/${id}/decision`, { decision, reason })
async function uploadPhoto(w: Worker, bytes = png(), type = 'image/png') {
  const { payload, headers } = multipart(bytes, 'proof.png', type)
  return t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...bearer(w.token), ...headers }, payload })
}

/** A worker who rode to 无锡 and has claimed 交通补助: the claim. */
async function claimedWorker(over: Partial<CreatePersonBody> = {}) {
  const w = await workerOnRoster(over)
  await rideToWuxi(w)
  const res = await claim(w)
  expect(res.statusCode).toBe(201)
  return { w, claim: res.json() as MySubsidyClaim }
}

describe('what the worker is owed', () => {
  test('a 脱贫户 who rode the county batch to 无锡 sees 交通补助 600 元, 免审即享, and claims in one tap', async () => {
    const w = await workerOnRoster()
    const before = await mySubsidy(w)
    expect(before.item).toMatchObject({ qualifies: false, mode: null })
    await rideToWuxi(w)
    const { body, item } = await mySubsidy(w)
    expect(body.onRoster).toBe(true)
    expect(item).toMatchObject({ qualifies: true, amountYuan: 600, band: 'other_province', mode: 'instant', windowOpen: true, claim: null })
    expect(item.reason).toContain('无锡市')
    expect(item.reason).toContain('脱贫户')
    expect(item.evidence.map((e) => e.kind)).toEqual(['batch'])

    const res = await claim(w)
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ schemeId, amountYuan: 600, mode: 'instant', status: 'submitted', proofs: [] })
    expect((await mySubsidy(w)).item.claim).toMatchObject({ id: res.json().id, status: 'submitted' })
    const audit = await findAudit(t.db, 'subsidy_claim', res.json().id)
    expect(audit.map((a) => [a.action, a.actor_kind, a.actor_id])).toEqual([['subsidy_claim.submit', 'worker', w.userId]])
  })

  test('a verified posting that hired the worker is also 免审即享', async () => {
    const w = await workerOnRoster({ poverty: 'monitored' })
    const job = await t.db.selectFrom('jobs').select(['id', 'province']).where('employer_verified', '=', 1).where('status', '=', 'open').where('province', '!=', '甘肃省').orderBy('id').executeTakeFirstOrThrow()
    const applied = await t.post(w.token, `/api/jobs/${job.id}/applications`, {})
    expect(applied.statusCode).toBeLessThan(300)
    expect((await t.post(admin, `/api/staff/applications/${applied.json().id}/status`, { status: 'hired' })).statusCode).toBe(200)
    const { item } = await mySubsidy(w)
    expect(item).toMatchObject({ qualifies: true, mode: 'instant' })
    expect(item.evidence.map((e) => e.kind)).toEqual(['posting'])
    expect(item.reason).toContain('监测户')
  })

  test('a county course the worker finished this year is also 免审即享; one finished last year is not', async () => {
    const w = await workerOnRoster({ status: 'away_in_province', destinationProvince: '甘肃省', destinationCity: '兰州市' })
    const course = await t.db.selectFrom('courses').select(['id', 'title']).orderBy('id').executeTakeFirstOrThrow()
    const enrol = (completedAt: string) => ({ course_id: course.id, user_id: w.userId, status: 'completed', agreed_terms_at: null, agreement_text: null, created_at: completedAt, updated_at: completedAt, promoted_at: null, cancelled_at: null, completed_at: completedAt, certificate_number: null, certificate_level: null, certificate_issued_on: null })
    await t.db.insertInto('enrollments').values(enrol('2025-11-20T02:00:00.000Z')).execute()
    expect((await mySubsidy(w)).item).toMatchObject({ qualifies: true, mode: 'proof', amountYuan: 300 })
    await t.db.updateTable('enrollments').set({ completed_at: '2026-02-20T02:00:00.000Z' }).where('user_id', '=', w.userId).execute()
    const { item } = await mySubsidy(w)
    expect(item).toMatchObject({ qualifies: true, mode: 'instant', amountYuan: 300, band: 'in_province' })
    expect(item.reason).toContain(course.title)
  })

  test.each([
    ['陕西省', '西安市', 'away_other_province', 'neighbour_province', 400],
    ['宁夏回族自治区', '银川市', 'away_other_province', 'neighbour_province', 400],
    ['浙江省', '宁波市', 'away_other_province', 'other_province', 600],
    ['甘肃省', '兰州市', 'away_in_province', 'in_province', 300],
    ['甘肃省', '天水市', 'away_in_province', 'in_city', 200],
  ] as const)('working in %s %s from the roster alone: %s, %s, %i 元 with proof', async (province, city, status, band, amount) => {
    const w = await workerOnRoster({ status, destinationProvince: province, destinationCity: city })
    const { item } = await mySubsidy(w)
    expect(item).toMatchObject({ qualifies: true, band, amountYuan: amount, mode: 'proof' })
    expect(item.proofKinds.length).toBeGreaterThan(0)
    expect(item.reason).toContain('上传证明')
  })

  test('not qualifying, in plain words: 一般户, not away, not on the roster; the claim is refused with the same reason', async () => {
    const general = await workerOnRoster({ poverty: 'general', status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '苏州市' })
    const g = await mySubsidy(general)
    expect(g.item.qualifies).toBe(false)
    expect(g.item.reason).toContain('一般户')
    const refused = await claim(general)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.message).toContain('一般户')
    expect(refused.json().error.fields.schemeId).toContain('一般户')

    const home = await workerOnRoster({ status: 'local_work' })
    expect((await mySubsidy(home)).item.reason).toContain('不是外出务工')
    expect((await claim(home)).statusCode).toBe(400)

    const { token } = await signIn(t.app, '13724599999')
    const off = await t.get(token, '/api/me/subsidies')
    expect(off.json().onRoster).toBe(false)
    expect(off.json().items[0].reason).toContain('劳动力台账里还没有找到您')
    const none = await t.post(token, '/api/me/subsidy-claims', { schemeId })
    expect(none.statusCode).toBe(400)
    expect(await t.db.selectFrom('subsidy_claims').select('id').where('person_id', 'in', [general.personId, home.personId]).execute()).toEqual([])
  })

  test('outside the claim window: a clear refusal naming the dates', async () => {
    const w = await workerOnRoster()
    await rideToWuxi(w)
    t.clock.set(new Date('2027-01-05T02:00:00.000Z'))
    // A new sign-in: the session of March has expired by January.
    const { token } = await signIn(t.app, w.phone)
    const res = await claim({ ...w, token })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.message).toContain('申请时间是2026年1月1日到2026年12月31日')
  })

  test('proof: required when the county does not know, images only, the worker’s own, kept from the sweep', async () => {
    const w = await workerOnRoster({ status: 'away_other_province', destinationProvince: '浙江省', destinationCity: '宁波市' })
    const bare = await claim(w)
    expect(bare.statusCode).toBe(400)
    expect(bare.json().error.fields.proofUploadIds).toContain('上传证明')

    const text = await uploadPhoto(w, Buffer.from('%PDF-1.4 not an image'), 'application/pdf')
    expect(text.statusCode).toBe(400)
    const notAnId = await claim(w, ['not-an-upload'])
    expect(notAnId.statusCode).toBe(400)
    expect(notAnId.json().error.fields['proofUploadIds.0']).toBeDefined()

    const other = await workerOnRoster()
    const othersPhoto = (await uploadPhoto(other)).json().id as string
    const stolen = await claim(w, [othersPhoto])
    expect(stolen.statusCode).toBe(400)
    expect(stolen.json().error.fields.proofUploadIds).toContain('自己')

    const mine = await uploadPhoto(w)
    expect(mine.statusCode).toBe(201)
    const ok = await claim(w, [mine.json().id])
    expect(ok.statusCode).toBe(201)
    expect(ok.json()).toMatchObject({ mode: 'proof', amountYuan: 600 })
    expect(ok.json().proofs.map((p: { id: string }) => p.id)).toEqual([mine.json().id])

    // Another worker's claim whose check passed before this photo was taken (two writes at once) does not move it.
    const late = await workerOnRoster({ status: 'away_other_province', destinationProvince: '浙江省', destinationCity: '宁波市' })
    const checkedEarlier = jest.spyOn(repo, 'freeProofPhotos').mockResolvedValueOnce([{ id: mine.json().id, content_type: 'image/jpeg' }])
    const raced = await claim(late, [mine.json().id])
    checkedEarlier.mockRestore()
    expect(raced.statusCode).toBe(400)
    expect(raced.json().error.fields.proofUploadIds).toContain('已经用过')
    expect((await t.db.selectFrom('uploads').select('subsidy_claim_id').where('id', '=', mine.json().id).executeTakeFirstOrThrow()).subsidy_claim_id).toBe(ok.json().id)
    expect(await t.db.selectFrom('subsidy_claims').select('id').where('user_id', '=', late.userId).executeTakeFirst()).toBeUndefined()

    t.clock.set(new Date(T0.getTime() + 3 * 24 * 3600 * 1000))
    await sweepUploads(t.db, t.app.photos, t.clock(), { unusedAfterMs: 0 })
    expect(await t.db.selectFrom('uploads').select('id').where('id', '=', mine.json().id).executeTakeFirst()).toBeDefined()
  })
})

describe('one claim per person per scheme per year', () => {
  test('five taps at once with different keys make one claim; the others are told it exists', async () => {
    const w = await workerOnRoster()
    await rideToWuxi(w)
    const answers = await Promise.all(Array.from({ length: 5 }, () => claim(w)))
    const codes = answers.map((a) => a.statusCode).sort()
    expect(codes).toEqual([201, 409, 409, 409, 409])
    expect(answers.find((a) => a.statusCode === 409)!.json().error.message).toContain('每人每年只能申请一次')
    const rows = await t.db.selectFrom('subsidy_claims').select('id').where('person_id', '=', w.personId).execute()
    expect(rows).toHaveLength(1)
  })

  test('a resend with the same key replays the first answer; a later claim is 409', async () => {
    const w = await workerOnRoster()
    await rideToWuxi(w)
    const k = key()
    const first = await claim(w, [], k)
    const again = await claim(w, [], k)
    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(201)
    expect(again.json().id).toBe(first.json().id)
    expect((await claim(w)).statusCode).toBe(409)
  })

  test('the database itself refuses a second row for the same person, scheme and year', async () => {
    const { w, claim: c } = await claimedWorker()
    const row = await t.db.selectFrom('subsidy_claims').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow()
    const { id: _id, ...copy } = row
    expect(row.person_id).toBe(w.personId)
    // The refusal is read by its message: the driver's error may come from another realm than the test's Error.
    const refused = await t.db
      .insertInto('subsidy_claims')
      .values({ ...copy, user_id: w.userId })
      .execute()
      .then(
        () => 'inserted',
        (e: unknown) => String((e as { message?: unknown })?.message ?? e),
      )
    expect(refused).toMatch(/UNIQUE|unique|duplicate/)
  })
})

describe('review, scope and decisions', () => {
  test.each([
    ['admin', () => admin, ['luomen', 'chengguan'], 200],
    ['洛门镇 officer', () => luomen, ['luomen'], 200],
    ['城关镇 officer', () => chengguan, ['chengguan'], 200],
    ['village informant of v1', () => villageStaff, ['luomen'], 200],
    ['station staff', () => kunshan, [], 403],
  ] as const)('the queue as %s', async (_who, token, sees, status) => {
    const a = await claimedWorker({ township: '洛门镇', villageId: v1 })
    const b = await claimedWorker({ township: '城关镇', villageId: c1 })
    const c = await claimedWorker({ township: '洛门镇', villageId: v2 })
    const res = await t.get(token(), '/api/staff/subsidy-claims?limit=50&status=submitted')
    expect(res.statusCode).toBe(status)
    if (status !== 200) return
    const ids: number[] = []
    let cursor: string | null = null
    do {
      const page = await t.get(token(), `/api/staff/subsidy-claims?limit=50&status=submitted${cursor ? `&cursor=${cursor}` : ''}`)
      ids.push(...(page.json().items as StaffSubsidyClaim[]).map((i) => i.id))
      cursor = page.json().nextCursor
    } while (cursor)
    const expectIn = (id: number, yes: boolean) => (yes ? expect(ids).toContain(id) : expect(ids).not.toContain(id))
    expectIn(a.claim.id, sees.includes('luomen' as never))
    expectIn(b.claim.id, sees.includes('chengguan' as never))
    // v2 is 洛门镇 but not the informant's village.
    expectIn(c.claim.id, sees.includes('luomen' as never) && _who !== 'village informant of v1')
  })

  test('the staff view masks the ID number, shows the evidence and never the account number', async () => {
    const { claim: c } = await claimedWorker()
    const res = await t.get(luomen, `/api/staff/subsidy-claims?scheme=${schemeId}&limit=50`)
    const item = (res.json().items as StaffSubsidyClaim[]).find((i) => i.id === c.id)!
    expect(item.person.idNumber).toMatch(/^6205\*{10}/)
    expect(item.evidence[0].kind).toBe('batch')
    expect(item).toMatchObject({ hasBankAccount: false, status: 'submitted', mode: 'instant' })
  })

  test('a township officer cannot decide another township’s claim (404); informants and stations may not decide (403)', async () => {
    const { claim: c } = await claimedWorker()
    expect((await decide(chengguan, c.id, 'approve')).statusCode).toBe(404)
    expect((await decide(villageStaff, c.id, 'approve')).statusCode).toBe(403)
    expect((await decide(kunshan, c.id, 'approve')).statusCode).toBe(403)
    expect((await t.db.selectFrom('subsidy_claims').select('status').where('id', '=', c.id).executeTakeFirstOrThrow()).status).toBe('submitted')
  })

  test('approval re-checks eligibility: a worker back home is not approved; refusing needs a reason the worker reads', async () => {
    const { w, claim: c } = await claimedWorker()
    const back = await t.patch(admin, `/api/staff/people/${w.personId}`, { status: 'returned', returnReason: 'family', destinationProvince: null, destinationCity: null, howWent: null })
    expect(back.statusCode).toBe(200)
    const approve = await decide(luomen, c.id, 'approve')
    expect(approve.statusCode).toBe(409)
    expect(approve.json().error.message).toContain('再核对不符合')
    expect((await findAudit(t.db, 'subsidy_claim', c.id)).map((a) => a.action)).toEqual(['subsidy_claim.submit'])

    const noReason = await decide(luomen, c.id, 'refuse')
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().error.fields.reason).toBeDefined()
    const refused = await decide(luomen, c.id, 'refuse', '已经返乡，不在外务工')
    expect(refused.statusCode).toBe(200)
    expect(refused.json()).toMatchObject({ status: 'refused', refusalReason: '已经返乡，不在外务工' })
    const mine = (await t.get(w.token, '/api/me/subsidy-claims')).json().items[0]
    expect(mine).toMatchObject({ status: 'refused', refusalReason: '已经返乡，不在外务工' })
    const inbox = await t.db.selectFrom('messages').select(['kind', 'body']).where('user_id', '=', w.userId).where('kind', '=', 'subsidy_claim').execute()
    expect(inbox.map((m) => m.body)).toEqual([expect.stringContaining('已经返乡')])
    const audit = await findAudit(t.db, 'subsidy_claim', c.id)
    expect(audit.map((a) => a.action)).toEqual(['subsidy_claim.submit', 'subsidy_claim.refuse'])
    expect(JSON.parse(audit[1].after_json!)).toMatchObject({ status: 'refused' })
  })

  test('batch approve: each on its own; one that no longer qualifies and one unknown are listed with why', async () => {
    const one = await claimedWorker()
    const two = await claimedWorker()
    await t.patch(admin, `/api/staff/people/${two.w.personId}`, { poverty: 'general' })
    const res = await t.post(luomen, '/api/staff/subsidy-claims/decisions', { ids: [one.claim.id, two.claim.id, 2_000_000], decision: 'approve' })
    expect(res.statusCode).toBe(200)
    expect(res.json().decided.map((d: StaffSubsidyClaim) => [d.id, d.status])).toEqual([[one.claim.id, 'approved']])
    const failed = res.json().failed as { id: number; message: string }[]
    expect(failed.map((f) => f.id)).toEqual([two.claim.id, 2_000_000])
    expect(failed[0].message).toContain('一般户')
    expect((await findAudit(t.db, 'subsidy_claim', one.claim.id)).map((a) => [a.action, a.actor_kind])).toEqual([
      ['subsidy_claim.submit', 'worker'],
      ['subsidy_claim.approve', 'staff'],
    ])
  })
})

describe('公示, payment and totals', () => {
  test('the whole way: approve, 公示 masked 王*五 and 王*, objection in the period, payment sheet for admins only, paid', async () => {
    const five = await claimedWorker({ name: '王小五', villageId: v2 })
    const two = await claimedWorker({ name: '王五', villageId: v2 })
    for (const c of [five.claim, two.claim]) expect((await decide(luomen, c.id, 'approve')).statusCode).toBe(200)

    // A township officer publishes only their own township.
    expect((await t.post(luomen, '/api/staff/subsidy-publicity', { schemeId, township: '城关镇', startsOn: '2026-03-10' })).statusCode).toBe(403)
    const published = await t.post(luomen, '/api/staff/subsidy-publicity', { schemeId, startsOn: '2026-03-10' })
    expect(published.statusCode).toBe(201)
    expect(published.json().publicity).toMatchObject({ startsOn: '2026-03-10', endsOn: '2026-03-16' })
    expect(published.json().count).toBeGreaterThanOrEqual(2)

    const list = await t.get(luomen, `/api/staff/subsidy-publicity?scheme=${schemeId}`)
    expect(list.statusCode).toBe(200)
    const rows = list.json().items as { claimId: number; name: string; amountYuan: number }[]
    expect(rows.find((r) => r.claimId === five.claim.id)).toMatchObject({ name: '王*五', amountYuan: 600 })
    expect(rows.find((r) => r.claimId === two.claim.id)).toMatchObject({ name: '王*' })
    expect(list.body).not.toContain('王小五')
    // Another township's officer does not see 洛门镇's list.
    expect((await t.get(chengguan, `/api/staff/subsidy-publicity?scheme=${schemeId}`)).json().items.find((r: { claimId: number }) => r.claimId === five.claim.id)).toBeUndefined()

    const sheet = await t.get(luomen, `/api/staff/subsidy-publicity?scheme=${schemeId}&format=xlsx`)
    expect(sheet.statusCode).toBe(200)
    expect(sheet.headers['content-type']).toContain('spreadsheetml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer)
    const names = wb.worksheets[0].getColumn(2).values.map(String)
    expect(names).toEqual(expect.arrayContaining(['王*五', '王*']))
    expect(names).not.toContain('王小五')

    const objection = await t.post(luomen, `/api/staff/subsidy-claims/${two.claim.id}/objections`, { text: '村民反映此人今年没有外出' })
    expect(objection.statusCode).toBe(201)
    expect(objection.json().objections).toEqual([expect.objectContaining({ text: '村民反映此人今年没有外出' })])
    expect((await decide(luomen, two.claim.id, 'refuse', '核实后今年未外出务工')).json().status).toBe('refused')

    // The worker's bank card: masked to them, encrypted at rest.
    const card = await t.put(five.w.token, '/api/me/bank-account', { bankName: '甘肃省农村信用社', accountNumber: '6228 4800 1234 5678 901' })
    expect(card.statusCode).toBe(200)
    expect(card.json().account.accountNumber).toBe('6228 **** **** 8901')
    const stored = await t.db.selectFrom('bank_accounts').select('account_enc').where('user_id', '=', five.w.userId).executeTakeFirstOrThrow()
    expect(stored.account_enc).not.toContain('5678')
    expect((await mySubsidy(five.w)).body.bankAccount).toBe('6228 **** **** 8901')

    // Not payable while 公示 runs.
    expect((await t.post(admin, '/api/staff/subsidy-claims/paid', { ids: [five.claim.id], paidOn: '2026-03-10' })).json().failed[0].message).toContain('公示到2026-03-16')
    t.clock.set(new Date('2026-03-20T02:00:00.000Z'))
    expect((await t.post(luomen, `/api/staff/subsidy-claims/${five.claim.id}/objections`, { text: '过了公示期的异议' })).statusCode).toBe(409)

    expect((await t.get(luomen, `/api/staff/subsidy-payments?scheme=${schemeId}&format=xlsx`)).statusCode).toBe(403)
    expect((await t.get(luomen, `/api/staff/subsidy-payments?scheme=${schemeId}`)).statusCode).toBe(403)
    const preview = await t.get(admin, `/api/staff/subsidy-payments?scheme=${schemeId}`)
    expect(preview.statusCode).toBe(200)
    expect(preview.json().items.find((i: { claimId: number }) => i.claimId === five.claim.id)).toMatchObject({ name: '王小五', accountNumber: '6228 **** **** 8901' })
    expect(preview.json().items.find((i: { claimId: number }) => i.claimId === two.claim.id)).toBeUndefined()
    const logBefore = await t.db.selectFrom('access_log').select('id').where('action', '=', 'subsidy_payment_export').execute()
    expect(logBefore).toEqual([])

    const pay = await t.get(admin, `/api/staff/subsidy-payments?scheme=${schemeId}&format=xlsx`)
    expect(pay.statusCode).toBe(200)
    expect(pay.headers['cache-control']).toBe('no-store')
    const pwb = new ExcelJS.Workbook()
    await pwb.xlsx.load(pay.rawPayload as unknown as ArrayBuffer)
    const ws = pwb.worksheets[0]
    const header = (ws.getRow(1).values as unknown[]).slice(1)
    expect(header).toEqual(['编号', '姓名', '乡镇', '村', '补贴', '金额（元）', '开户银行', '账号', '发放结果', '发放日期'])
    let fiveRow = 0
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === five.claim.id) fiveRow = n
    })
    expect(ws.getRow(fiveRow).getCell(8).value).toBe('6228480012345678901')
    const log = await t.db.selectFrom('access_log').select(['staff_id', 'user_id', 'person_id']).where('action', '=', 'subsidy_payment_export').execute()
    expect(log).toEqual(expect.arrayContaining([expect.objectContaining({ user_id: five.w.userId, person_id: five.w.personId })]))

    // The finance bureau returns the sheet with 已发放; a row not paid is listed.
    ws.getRow(fiveRow).getCell(9).value = '已发放'
    ws.getRow(fiveRow).getCell(10).value = '2026-03-19'
    const extra = ws.addRow([999999, '某人', '洛门镇', '', '交通补助', 600, '', '', '退回', ''])
    extra.commit()
    // A day not on the calendar is a problem of its row, not a date kept.
    ws.addRow([five.claim.id, '王五', '洛门镇', '', '交通补助', 600, '', '', '已发放', '2026-02-30']).commit()
    const returned = Buffer.from(await pwb.xlsx.writeBuffer())
    const { payload, headers } = multipart(returned, 'returned.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect((await t.app.inject({ method: 'POST', url: '/api/staff/subsidy-payments/returned', headers: { ...bearer(luomen), ...headers }, payload })).statusCode).toBe(403)
    const imported = await t.app.inject({ method: 'POST', url: '/api/staff/subsidy-payments/returned', headers: { ...bearer(admin), ...headers }, payload })
    expect(imported.statusCode).toBe(200)
    expect(imported.json().paid).toBe(1)
    expect(imported.json().problems).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining('退回') })]))
    expect(imported.json().problems).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining('发放日期不对') })]))
    const again = await t.app.inject({ method: 'POST', url: '/api/staff/subsidy-payments/returned', headers: { ...bearer(admin), ...headers }, payload })
    expect(again.json()).toMatchObject({ paid: 0, unchanged: 1 })

    const mine = (await mySubsidy(five.w)).item.claim!
    expect(mine).toMatchObject({ status: 'paid', paidOn: '2026-03-19', publicity: { startsOn: '2026-03-10', endsOn: '2026-03-16' } })
    expect((await findAudit(t.db, 'subsidy_claim', five.claim.id)).map((a) => a.action)).toEqual([
      'subsidy_claim.submit',
      'subsidy_claim.approve',
      'subsidy_claim.publicise',
      'subsidy_claim.paid',
    ])
    const titles = (await t.db.selectFrom('messages').select('title').where('user_id', '=', five.w.userId).where('kind', '=', 'subsidy_claim').orderBy('id').execute()).map((m) => m.title)
    expect(titles).toEqual(['补贴审核通过', '补贴正在公示', '补贴已发放'])

    const figures = await t.get(luomen, '/api/staff/figures/subsidies?year=2026')
    expect(figures.statusCode).toBe(200)
    const f = figures.json()
    expect(f.byTownship.map((r: { township: string }) => r.township)).toEqual(['洛门镇'])
    expect(f.total.paidYuan).toBeGreaterThanOrEqual(600)
    expect(f.byMonth.map((m: { month: string }) => m.month)).toContain('2026-03')
    expect(f.byScheme[0]).toMatchObject({ schemeId, scheme: '交通补助' })
    const county = (await t.get(admin, '/api/staff/figures/subsidies?year=2026')).json()
    expect(county.total.claims).toBeGreaterThan(f.total.claims)
    expect((await t.get(kunshan, '/api/staff/figures/subsidies')).statusCode).toBe(403)
  })

  test('marking paid by hand: admins only, after 公示, the worker sees 已发放', async () => {
    const { w, claim: c } = await claimedWorker({ villageId: v2 })
    expect((await decide(admin, c.id, 'approve')).statusCode).toBe(200)
    expect((await t.post(admin, '/api/staff/subsidy-publicity', { schemeId, township: '洛门镇', startsOn: '2026-03-01' })).statusCode).toBe(201)
    expect((await t.post(luomen, '/api/staff/subsidy-claims/paid', { ids: [c.id], paidOn: '2026-03-09' })).statusCode).toBe(403)
    const noSuchDay = await t.post(admin, '/api/staff/subsidy-claims/paid', { ids: [c.id], paidOn: '2026-02-30' })
    expect(noSuchDay.statusCode).toBe(400)
    expect(noSuchDay.json().error.fields.paidOn).toBe('没有这一天，请核对发放日期')
    const paid = await t.post(admin, '/api/staff/subsidy-claims/paid', { ids: [c.id], paidOn: '2026-03-09' })
    expect(paid.json()).toEqual({ paid: [c.id], failed: [] })
    expect((await t.get(w.token, '/api/me/subsidy-claims')).json().items[0]).toMatchObject({ status: 'paid', paidOn: '2026-03-09' })
  })
})

describe('schemes are settings', () => {
  test('admins create and change a scheme; one per kind and year; others 403', async () => {
    const body = {
      kind: 'training',
      name: '培训补贴',
      year: 2026,
      rules: { poverty: ['alleviated', 'monitored', 'general'], mustBeAway: false, minMonthsAway: 0, mustHaveTrained: true },
      amounts: { byBand: null, flatYuan: 800, neighbourProvinces: [] },
      knownBy: ['course'],
      proofKinds: [],
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
    }
    expect((await t.post(luomen, '/api/staff/subsidy-schemes', body)).statusCode).toBe(403)
    const bad = await t.post(admin, '/api/staff/subsidy-schemes', { ...body, amounts: { byBand: null, flatYuan: null, neighbourProvinces: [] }, closesOn: '2025-12-31' })
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json().error.fields)).toEqual(expect.arrayContaining(['closesOn', 'amounts.flatYuan']))
    const created = await t.post(admin, '/api/staff/subsidy-schemes', body)
    expect(created.statusCode).toBe(201)
    expect((await t.post(admin, '/api/staff/subsidy-schemes', body)).statusCode).toBe(409)
    const changed = await t.put(admin, `/api/staff/subsidy-schemes/${created.json().id}`, { ...body, amounts: { ...body.amounts, flatYuan: 1000 } })
    expect(changed.json().amounts.flatYuan).toBe(1000)
    expect((await findAudit(t.db, 'subsidy_scheme', created.json().id)).map((a) => a.action)).toEqual(['subsidy_scheme.create', 'subsidy_scheme.update'])

    // Nobody has finished a course here: the training scheme says so in words.
    const w = await workerOnRoster()
    const item = (await t.get(w.token, '/api/me/subsidies')).json().items.find((i: MySubsidy) => i.scheme.id === created.json().id)
    expect(item).toMatchObject({ qualifies: false })
    expect(item.reason).toContain('培训并结业')
  })
})

describe('the payment account', () => {
  test('checked, masked, audited without the number; gone with the account, while the claim stays with the person', async () => {
    const { w, claim: c } = await claimedWorker()
    const bad = await t.put(w.token, '/api/me/bank-account', { bankName: '农业银行', accountNumber: '6228-48' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.fields.accountNumber).toBeDefined()
    expect((await t.get(w.token, '/api/me/bank-account')).json()).toEqual({ account: null })
    const set = await t.put(w.token, '/api/me/bank-account', { kind: 'social_security_card', bankName: '甘肃银行', accountNumber: '6214830012349876' })
    expect(set.json().account).toMatchObject({ kind: 'social_security_card', bankName: '甘肃银行', accountNumber: '6214 **** **** 9876' })
    const audit = await findAudit(t.db, 'user', w.userId)
    expect(audit.map((a) => a.action)).toContain('bank_account.set')
    expect(JSON.stringify(audit)).not.toContain('6214830012349876')
    const staffView = await t.get(luomen, `/api/staff/subsidy-claims?scheme=${schemeId}&limit=50`)
    expect(staffView.body).not.toContain('9876')
    expect((staffView.json().items as StaffSubsidyClaim[]).find((i) => i.id === c.id)!.hasBankAccount).toBe(true)

    // The worker's own export holds the number in full, and the claim.
    const exported = await t.get(w.token, '/api/me/export')
    expect(exported.statusCode).toBe(200)
    expect(exported.json().records.bankAccounts).toEqual([expect.objectContaining({ accountNumber: '6214830012349876', bankName: '甘肃银行' })])
    expect(exported.json().records.subsidyClaims).toEqual([expect.objectContaining({ id: c.id, scheme: '2026年交通补助', amountYuan: 600, statusLabel: '已申请，等待审核' })])

    const gone = await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(w.token) })
    expect(gone.statusCode).toBe(200)
    expect(await t.db.selectFrom('bank_accounts').select('user_id').where('user_id', '=', w.userId).executeTakeFirst()).toBeUndefined()
    const kept = await t.db.selectFrom('subsidy_claims').select(['user_id', 'person_id']).where('id', '=', c.id).executeTakeFirstOrThrow()
    expect(kept).toEqual({ user_id: null, person_id: w.personId })
  })
})
