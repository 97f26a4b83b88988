/** Staff sign-in under attack: parallel guesses, guesses from one address, and what a failure reveals. */
import { findAudit } from '../audit/audit.repository'
import { TEST_STAFF_PASSWORDS } from '../config'
import { bearer, requestCode, staffSignIn } from '../test-support/accounts'
import { useTestApp } from '../test-support/harness'
import * as passwords from './passwords'
import { ADDRESS_FAILURES_PER_WINDOW, SIGN_IN_FAILED } from './staff-auth.service'

// Every sign-in runs one scrypt check: on a busy machine the many here take a while.
jest.setTimeout(60_000)

const T0 = new Date('2026-03-10T02:00:00.000Z')

const t = useTestApp({ start: T0 })

const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password }, remoteAddress })

test('150 wrong passwords at once check at most five against the account; the right one is refused while locked', async () => {
  const row = await t.db.selectFrom('staff').select(['id', 'password_hash']).where('username', '=', 'wuxi').executeTakeFirstOrThrow()
  const verify = jest.spyOn(passwords, 'verifyPassword')
  try {
    const answers = await Promise.all(Array.from({ length: 150 }, (_, i) => login('wuxi', `wrong-${i}`, `10.1.${Math.floor(i / 200)}.${(i % 200) + 1}`)))
    const checked = verify.mock.calls.filter(([, stored]) => stored === row.password_hash).length
    expect(checked).toBeLessThanOrEqual(5)
    expect(answers.every((a) => a.statusCode !== 200)).toBe(true)
    const right = await login('wuxi', t.config.staffPasswords.wuxi)
    expect(right.statusCode).not.toBe(200)
    const after = await t.db.selectFrom('staff').select(['failed_attempts', 'locked_until']).where('id', '=', row.id).executeTakeFirstOrThrow()
    // The lock keeps the count: it is not reset to zero when the account locks.
    expect(after.failed_attempts).toBe(5)
    expect(after.locked_until).not.toBeNull()
  } finally {
    verify.mockRestore()
  }
})

test('unknown user, wrong password, disabled and locked accounts all get the same 401, each after one password check', async () => {
  const hash = await passwords.hashPassword('held-password-1')
  const at = T0.toISOString()
  await t.db
    .insertInto('staff')
    .values([
      { username: 'gone', display_name: '已停用', role: 'admin', station_id: null, password_hash: hash, failed_attempts: 0, created_at: at, disabled_at: at },
      { username: 'held', display_name: '已锁定', role: 'admin', station_id: null, password_hash: hash, failed_attempts: 5, locked_until: new Date(T0.getTime() + 600_000).toISOString(), created_at: at },
      { username: 'open', display_name: '正常', role: 'admin', station_id: null, password_hash: hash, failed_attempts: 0, created_at: at },
    ])
    .execute()
  const verify = jest.spyOn(passwords, 'verifyPassword')
  try {
    const answers = []
    for (const [username, password] of [['nobody', 'held-password-1'], ['open', 'wrong-password'], ['gone', 'held-password-1'], ['held', 'held-password-1']]) {
      verify.mockClear()
      const res = await login(username, password, '10.3.0.1')
      expect(verify).toHaveBeenCalledTimes(1)
      answers.push({ status: res.statusCode, body: res.json() })
    }
    expect(answers[0]).toEqual({ status: 401, body: { error: { code: 'UNAUTHORIZED', message: SIGN_IN_FAILED } } })
    for (const a of answers) expect(a).toEqual(answers[0])
  } finally {
    verify.mockRestore()
  }
  expect((await login('open', 'held-password-1', '10.3.0.1')).statusCode).toBe(200)
})

test('one address gets 20 failures across all accounts, then 429; other addresses and later sign-ins are not held up', async () => {
  for (let i = 0; i < ADDRESS_FAILURES_PER_WINDOW; i++) expect((await login(`nobody-${i}`, 'guess', '10.4.0.1')).statusCode).toBe(401)
  const held = await login('admin', TEST_STAFF_PASSWORDS.admin, '10.4.0.1')
  expect(held.statusCode).toBe(429)
  expect(held.json().error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 900 })
  // admin itself was never tried, so it is not locked: from another address it signs in.
  expect((await login('admin', TEST_STAFF_PASSWORDS.admin, '127.0.0.2')).statusCode).toBe(200)
  t.clock.set(new Date(T0.getTime() + 15 * 60_000 + 1000))
  expect((await login('nobody', 'guess', '10.4.0.1')).statusCode).toBe(401)
  // Successful sign-ins do not count against an address (a station office behind one router).
  for (let i = 0; i < ADDRESS_FAILURES_PER_WINDOW + 1; i++) expect((await login('kunshan', TEST_STAFF_PASSWORDS.kunshan, '127.0.0.3')).statusCode).toBe(200)
})

test('an admin sees a locked account and unlocks it; its holder signs in at once', async () => {
  const admin = await staffSignIn(t.app, 'admin', TEST_STAFF_PASSWORDS.admin)
  const station = await staffSignIn(t.app, 'kunshan', TEST_STAFF_PASSWORDS.kunshan)
  for (let i = 0; i < 5; i++) await login('kunshan', `wrong-${i}`, `10.5.0.${i + 1}`)
  expect((await login('kunshan', TEST_STAFF_PASSWORDS.kunshan)).statusCode).toBe(401)
  const list = await t.app.inject({ url: '/api/staff/accounts', headers: bearer(admin.token) })
  expect(list.json().items.find((a: { username: string }) => a.username === 'kunshan')).toMatchObject({ locked: true })
  const kunshanId = list.json().items.find((a: { username: string }) => a.username === 'kunshan').id
  const unlock = (token: string, key: string) =>
    t.app.inject({ method: 'POST', url: `/api/staff/accounts/${kunshanId}/unlock`, headers: { ...bearer(token), 'idempotency-key': key } })
  expect((await unlock(station.token, 'unlock-1')).statusCode).toBe(403)
  const unlocked = await unlock(admin.token, 'unlock-2')
  expect(unlocked.statusCode).toBe(200)
  expect(unlocked.json()).toMatchObject({ username: 'kunshan', locked: false })
  expect((await login('kunshan', TEST_STAFF_PASSWORDS.kunshan)).statusCode).toBe(200)
  expect((await findAudit(t.db, 'staff', kunshanId)).map((a) => a.action)).toContain('staff.unlock')
})

test('published default passwords are accepted only from this machine', async () => {
  const fromAfar = await login('admin', TEST_STAFF_PASSWORDS.admin, '203.0.113.7')
  expect(fromAfar.statusCode).toBe(401)
  expect(fromAfar.json().error.message).toBe(SIGN_IN_FAILED)
  // Through a proxy on this machine: the socket is local but the client is not.
  const proxied = await t.app.inject({
    method: 'POST',
    url: '/api/staff/login',
    payload: { username: 'admin', password: TEST_STAFF_PASSWORDS.admin },
    headers: { 'x-forwarded-for': '203.0.113.7' },
  })
  expect(proxied.statusCode).toBe(401)
  expect((await login('admin', TEST_STAFF_PASSWORDS.admin, '127.0.0.1')).statusCode).toBe(200)
  expect((await login('admin', TEST_STAFF_PASSWORDS.admin, '::1')).statusCode).toBe(200)
})

test('the dev SMS outbox answers only a client on this machine', async () => {
  const phone = '13900007001'
  expect((await requestCode(t.app, phone)).statusCode).toBe(200)
  expect((await t.app.inject({ url: `/api/dev/sms-outbox?phone=${phone}`, remoteAddress: '203.0.113.8' })).statusCode).toBe(404)
  expect((await t.app.inject({ url: `/api/dev/sms-outbox?phone=${phone}`, headers: { 'x-forwarded-for': '203.0.113.8' } })).statusCode).toBe(404)
  const local = await t.app.inject({ url: `/api/dev/sms-outbox?phone=${phone}` })
  expect(local.statusCode).toBe(200)
  expect(local.json().items).toHaveLength(1)
})
