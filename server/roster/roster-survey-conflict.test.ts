/**
 * The roster's person record carries the 摸排 conflict flag of the current round: raised when an informant's check was
 * made over a version someone else has since changed, cleared when a township officer checks the person again, and
 * gone once a newer round is opened.
 */
import { bearer, staffSignIn } from '../test-support/accounts'
import { freshKey, idNumberFor, openAccount, personBody, villageOf } from '../test-support/roster'
import { buildTestApp, type TestApp } from '../test-support/test-app'

jest.setTimeout(90_000)

let t: TestApp
const tok = { admin: '', luomen: '', informant: '' }
let personId = 0
let roundId = 0

const post = (token: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { ...bearer(token), 'idempotency-key': freshKey('flag') }, payload })
const record = async (token = tok.luomen) => {
  const res = await t.app.inject({ url: `/api/staff/people/${personId}`, headers: bearer(token) })
  expect(res.statusCode).toBe(200)
  return res.json() as { person: { version: number }; surveyConflict: { roundId: number; round: string; checkedAt: string } | null }
}
const openRound = async (name: string) => {
  const res = await post(tok.admin, '/api/staff/survey-rounds', { name, dueDate: '2099-12-31' })
  expect(res.statusCode).toBe(201)
  return res.json().id as number
}

beforeAll(async () => {
  t = await buildTestApp()
  tok.admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  const village = await villageOf(t.app, tok.admin, '洛门镇', 0)
  tok.luomen = await openAccount(t.app, tok.admin, 'flag-luomen', { role: 'township', township: '洛门镇' })
  tok.informant = await openAccount(t.app, tok.admin, 'flag-village', { role: 'village', township: '洛门镇', village: village.name })
  const res = await post(tok.admin, '/api/staff/people', personBody({ name: '冲突人', idNumber: idNumberFor(901), township: '洛门镇', villageId: village.id }))
  expect(res.statusCode).toBe(201)
  personId = res.json().id
})
afterAll(() => t.close())

test('no round yet, or a round without a conflict: no flag', async () => {
  expect((await record()).surveyConflict).toBeNull()
  roundId = await openRound('2026年12月摸排')
  const v = (await record()).person.version
  expect((await post(tok.informant, `/api/staff/survey-rounds/${roundId}/checks`, { personId, baseVersion: v, unchanged: true })).statusCode).toBe(200)
  expect((await record()).surveyConflict).toBeNull()
})

test('a check over a version someone else changed flags the person until a township officer checks them', async () => {
  const seen = (await record()).person.version
  const patch = await t.app.inject({ method: 'PATCH', url: `/api/staff/people/${personId}`, headers: bearer(tok.luomen), payload: { status: 'local_work', trade: '家政服务员' } })
  expect(patch.statusCode).toBe(200)
  const check = await post(tok.informant, `/api/staff/survey-rounds/${roundId}/checks`, { personId, baseVersion: seen, status: 'returned', returnReason: 'family' })
  expect(check.json().check.conflict).toBe(true)

  const flagged = await record()
  expect(flagged.surveyConflict).toEqual({ roundId, round: '2026年12月摸排', checkedAt: check.json().check.checkedAt })
  // The informant, the admin and the township officer all see it; it is the person's, not the viewer's.
  expect((await record(tok.informant)).surveyConflict).toMatchObject({ roundId })
  expect((await record(tok.admin)).surveyConflict).toMatchObject({ roundId })

  const cleared = await post(tok.luomen, `/api/staff/survey-rounds/${roundId}/checks`, { personId, baseVersion: flagged.person.version, unchanged: true })
  expect(cleared.json().check.conflict).toBe(false)
  expect((await record()).surveyConflict).toBeNull()
})

test('a flag of an older round is not shown once a newer round is open', async () => {
  const seen = (await record()).person.version
  await t.app.inject({ method: 'PATCH', url: `/api/staff/people/${personId}`, headers: bearer(tok.luomen), payload: { status: 'willing' } })
  expect((await post(tok.informant, `/api/staff/survey-rounds/${roundId}/checks`, { personId, baseVersion: seen, status: 'local_work' })).json().check?.conflict).toBe(true)
  expect((await record()).surveyConflict).toMatchObject({ roundId })
  await openRound('2027年3月摸排')
  expect((await record()).surveyConflict).toBeNull()
})
