/** Staff sign-in under attack: parallel guesses, guesses from one address, and what a failure reveals. */
import * as passwords from './passwords'
import { buildTestApp, type TestApp } from '../test-support/test-app'

const T0 = new Date('2026-03-10T02:00:00.000Z')
let now = T0
const clock = () => now

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ clock })
})
afterAll(() => t.close())
beforeEach(() => {
  now = T0
})

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
}, 60_000)
