/**
 * Two officers saving one person at the same instant: both writes land (the later one wins), both are in the history,
 * and neither answer is a 404 or a 500. A write that names a version no longer current is a 409 in Chinese.
 */
import { bearer, staffSignIn } from '../test-support/accounts'
import { freshKey, idNumberFor, openAccount, personBody, villageOf } from '../test-support/roster'
import { buildTestApp, type TestApp } from '../test-support/test-app'

jest.setTimeout(90_000)

let t: TestApp
let admin = ''
let personId = 0
const villages: { id: number; name: string }[] = []

beforeAll(async () => {
  t = await buildTestApp()
  admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  const village = await villageOf(t.app, admin, '洛门镇', 0)
  villages.push(village, await villageOf(t.app, admin, '洛门镇', 1))
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/staff/people',
    headers: { ...bearer(admin), 'idempotency-key': freshKey('race') },
    payload: personBody({ name: '并发人', idNumber: idNumberFor(931), township: '洛门镇', villageId: village.id }),
  })
  expect(res.statusCode).toBe(201)
  personId = res.json().id
})
afterAll(() => t.close())

const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: `/api/staff/people/${personId}`, headers: bearer(admin), payload })

test('two PATCHes of one person at once both land, in order, and both are in the history', async () => {
  for (let round = 0; round < 5; round++) {
    const before = (await t.app.inject({ url: `/api/staff/people/${personId}`, headers: bearer(admin) })).json().person.version as number
    const answers = await Promise.all([patch({ employer: `甲厂${round}` }), patch({ employer: `乙厂${round}`, status: 'willing' })])
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200])
    const versions = answers.map((a) => a.json().version as number).sort((a, b) => a - b)
    expect(versions).toEqual([before + 1, before + 2])
    const latest = answers.find((a) => a.json().version === before + 2)!.json()
    const now = (await t.app.inject({ url: `/api/staff/people/${personId}`, headers: bearer(admin) })).json().person
    expect(now.employer).toBe(latest.employer)
    const history = (await t.app.inject({ url: `/api/staff/people/${personId}/history?limit=2`, headers: bearer(admin) })).json().items
    expect(history.map((h: { version: number }) => h.version)).toEqual([before + 2, before + 1])
  }
})

test('two PATCHes at once that move the person to another village both land', async () => {
  for (let round = 0; round < 4; round++) {
    const before = (await t.app.inject({ url: `/api/staff/people/${personId}`, headers: bearer(admin) })).json().person
    const other = villages.find((v) => v.id !== before.villageId)!
    const answers = await Promise.all([patch({ villageId: other.id }), patch({ employer: `丙厂${round}` })])
    expect(answers.map((a) => [a.statusCode, a.json().message ?? null])).toEqual([[200, null], [200, null]])
    const now = (await t.app.inject({ url: `/api/staff/people/${personId}`, headers: bearer(admin) })).json().person
    expect(now.version).toBe(before.version + 2)
    expect(now.villageId).toBe(other.id)
  }
})

test('two PATCHes at once over the same version: one lands, the other is a 409 saying so in Chinese', async () => {
  const before = (await t.app.inject({ url: `/api/staff/people/${personId}`, headers: bearer(admin) })).json().person
  const other = villages.find((v) => v.id !== before.villageId)!
  const answers = await Promise.all([patch({ version: before.version, villageId: other.id }), patch({ version: before.version, employer: '丁厂' })])
  expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409])
  expect(answers.find((a) => a.statusCode === 409)!.json()).toMatchObject({ error: { message: '这条记录刚被别人改过，请刷新后再改' } })
  const now = (await t.app.inject({ url: `/api/staff/people/${personId}`, headers: bearer(admin) })).json().person
  expect(now.version).toBe(before.version + 1)
})

test('a survey check and a PATCH that moves the person, at once: both land, and a check over the older version is flagged', async () => {
  const round = await t.app.inject({ method: 'POST', url: '/api/staff/survey-rounds', headers: { ...bearer(admin), 'idempotency-key': freshKey('race-round') }, payload: { name: '并发摸排', dueDate: '2099-12-31' } })
  expect(round.statusCode).toBe(201)
  const roundId = round.json().id as number
  const luomen = await openAccount(t.app, admin, 'race-luomen', { role: 'township', township: '洛门镇' })
  for (const status of ['unwilling', 'willing', 'unwilling']) {
    const before = (await t.app.inject({ url: `/api/staff/people/${personId}`, headers: bearer(admin) })).json().person
    const other = villages.find((v) => v.id !== before.villageId)!
    const [moved, checked] = await Promise.all([
      t.app.inject({ method: 'PATCH', url: `/api/staff/people/${personId}`, headers: bearer(luomen), payload: { villageId: other.id } }),
      t.app.inject({
        method: 'POST',
        url: `/api/staff/survey-rounds/${roundId}/checks`,
        headers: { ...bearer(admin), 'idempotency-key': freshKey('race-check') },
        payload: { personId, baseVersion: before.version, status },
      }),
    ])
    expect([moved.statusCode, checked.statusCode]).toEqual([200, 200])
    const now = (await t.app.inject({ url: `/api/staff/people/${personId}`, headers: bearer(admin) })).json().person
    expect(now.villageId).toBe(other.id)
    expect(now.status).toBe(status)
    expect(now.version).toBe(before.version + 2)
    // The check is a conflict exactly when the officer's move landed first, over the version the checker saw.
    expect(checked.json().check.conflict).toBe(moved.json().version === before.version + 1)
  }
})
