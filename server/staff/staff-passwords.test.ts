/** Each staff account its own password: one-time passwords at first seed and after an admin's reset, changed by their holder. */
import { findAudit } from '../audit/audit.repository'
import { loadConfig, TEST_STAFF_PASSWORDS } from '../config'
import { seed } from '../seed'
import { printGeneratedPasswords, seedStaff } from './staff-seed'
import { bearer, staffSignIn } from '../test-support/accounts'
import { buildTestApp, type TestApp } from '../test-support/test-app'

let t: TestApp
/** Seeded as development seeds: generated one-time passwords, to be changed at first sign-in. */
let generated: Record<string, string>
beforeAll(async () => {
  t = await buildTestApp({ seed: false })
  await seed(t.db)
  const result = await seedStaff(t.db, { passwords: { kunshan: 'kunshan-chosen-by-env' }, generateMissing: true, mustChange: true })
  expect(result.added).toBe(3)
  generated = Object.fromEntries(result.generated.map((g) => [g.username, g.password]))
})
afterAll(() => t.close())

const post = (token: string, url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: bearer(token), payload })
const get = (token: string, url: string) => t.app.inject({ url, headers: bearer(token) })

test('each seeded account gets its own password: generated ones are printed once, a given one is used', async () => {
  expect(Object.keys(generated).sort()).toEqual(['admin', 'wuxi'])
  expect(generated.admin).not.toBe(generated.wuxi)
  for (const p of Object.values(generated)) expect(p).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/)
  const lines: string[] = []
  printGeneratedPasswords([{ username: 'wuxi', password: generated.wuxi }], (l) => lines.push(l))
  expect(lines.join('\n')).toContain(`wuxi: ${generated.wuxi}`)
  // wuxi's password does not open kunshan, nor the other way round.
  expect((await t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'kunshan', password: generated.wuxi } })).statusCode).toBe(401)
  expect((await t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'wuxi', password: 'kunshan-chosen-by-env' } })).statusCode).toBe(401)
  expect((await staffSignIn(t.app, 'kunshan', 'kunshan-chosen-by-env')).staff).toMatchObject({ username: 'kunshan', mustChangePassword: true })
})

test('STAFF_PASSWORD_<USERNAME> sets one account; production needs one for each account it creates', async () => {
  expect(loadConfig({ STAFF_PASSWORD_WUXI: 'wuxi-own-password' }).staffPasswords).toEqual({ wuxi: 'wuxi-own-password' })
  expect(loadConfig({ NODE_ENV: 'test' }).staffPasswords).toEqual(TEST_STAFF_PASSWORDS)
  expect(() => loadConfig({ STAFF_STATION_PASSWORD: 'shared-by-two' })).toThrow(/STAFF_PASSWORD_<USERNAME>/)
  const empty = await buildTestApp({ seed: false })
  try {
    await seed(empty.db)
    await expect(seedStaff(empty.db, { passwords: { admin: 'admin-password-long' }, generateMissing: false, mustChange: true })).rejects.toThrow(/STAFF_PASSWORD_WUXI must be set/)
  } finally {
    await empty.close()
  }
})

test('a one-time password allows only changing it; the change ends every other session and opens the workbench', async () => {
  const first = await staffSignIn(t.app, 'wuxi', generated.wuxi)
  expect(first.staff).toMatchObject({ username: 'wuxi', mustChangePassword: true })
  const second = await staffSignIn(t.app, 'wuxi', generated.wuxi)
  expect((await get(first.token, '/api/staff/me')).json()).toMatchObject({ mustChangePassword: true })
  const refused = await get(first.token, '/api/staff/figures')
  expect(refused.statusCode).toBe(403)
  expect(refused.json().error.message).toContain('请先修改密码')
  expect((await get(first.token, '/api/staff/ledgers/all')).statusCode).toBe(403)

  const change = (body: object) => post(first.token, '/api/staff/me/password', body)
  const wrongOld = await change({ oldPassword: 'not-it', newPassword: 'a-brand-new-password' })
  expect(wrongOld.statusCode).toBe(400)
  expect(wrongOld.json().error.fields).toEqual({ oldPassword: '原密码不对' })
  const short = await change({ oldPassword: generated.wuxi, newPassword: 'short' })
  expect(short.statusCode).toBe(400)
  expect(short.json().error.fields).toEqual({ newPassword: '密码至少12位' })
  expect((await change({ oldPassword: generated.wuxi, newPassword: generated.wuxi })).json().error.fields).toEqual({ newPassword: '新密码不能和原密码一样' })
  expect((await change({ oldPassword: generated.wuxi, newPassword: TEST_STAFF_PASSWORDS.wuxi })).json().error.fields).toEqual({ newPassword: '这是公开过的默认密码，请换一个' })
  expect((await change({ oldPassword: generated.wuxi })).json().error.fields).toHaveProperty('newPassword')

  const changed = await change({ oldPassword: generated.wuxi, newPassword: '无锡站的新密码-2026' })
  expect(changed.statusCode).toBe(200)
  expect(changed.json()).toMatchObject({ username: 'wuxi', mustChangePassword: false })
  expect((await get(first.token, '/api/staff/figures')).statusCode).toBe(200)
  expect((await get(second.token, '/api/staff/me')).statusCode).toBe(401)
  expect((await t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'wuxi', password: generated.wuxi } })).statusCode).toBe(401)
  expect((await staffSignIn(t.app, 'wuxi', '无锡站的新密码-2026')).staff).toMatchObject({ mustChangePassword: false })
  const audit = await findAudit(t.db, 'staff', first.staff.id as number)
  expect(audit.map((a) => a.action)).toEqual(['staff.password_change'])
  expect(JSON.stringify(audit)).not.toContain('新密码')
})

test('guessing the old password through a session counts towards the lock', async () => {
  const admin = await staffSignIn(t.app, 'admin', generated.admin)
  for (let i = 0; i < 5; i++) expect((await post(admin.token, '/api/staff/me/password', { oldPassword: `guess-${i}`, newPassword: 'admin-new-password-1' })).statusCode).toBe(400)
  const locked = await post(admin.token, '/api/staff/me/password', { oldPassword: generated.admin, newPassword: 'admin-new-password-1' })
  expect(locked.statusCode).toBe(429)
  await t.db.updateTable('staff').set({ failed_attempts: 0, locked_until: null }).where('username', '=', 'admin').execute()
  expect((await post(admin.token, '/api/staff/me/password', { oldPassword: generated.admin, newPassword: 'admin-new-password-1' })).statusCode).toBe(200)
})

test('an admin resets a password: a new one-time password shown once, the old one and its sessions end', async () => {
  const admin = await staffSignIn(t.app, 'admin', 'admin-new-password-1')
  const wuxi = await staffSignIn(t.app, 'wuxi', '无锡站的新密码-2026')
  const wuxiId = wuxi.staff.id as number
  expect((await post(wuxi.token, `/api/staff/accounts/${wuxiId}/password-reset`)).statusCode).toBe(403)
  expect((await post(admin.token, `/api/staff/accounts/${admin.staff.id}/password-reset`)).statusCode).toBe(409)
  const reset = await post(admin.token, `/api/staff/accounts/${wuxiId}/password-reset`)
  expect(reset.statusCode).toBe(200)
  const { password, account } = reset.json()
  expect(account).toMatchObject({ username: 'wuxi', mustChangePassword: true, locked: false })
  expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/)
  expect((await get(wuxi.token, '/api/staff/me')).statusCode).toBe(401)
  expect((await t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'wuxi', password: '无锡站的新密码-2026' } })).statusCode).toBe(401)
  expect((await staffSignIn(t.app, 'wuxi', password)).staff).toMatchObject({ mustChangePassword: true })
  const audit = await findAudit(t.db, 'staff', wuxiId)
  expect(audit.map((a) => a.action)).toContain('staff.password_reset')
  expect(JSON.stringify(audit)).not.toContain(password)
  // Not stored for replay: the one-time password is nowhere in the database.
  expect(JSON.stringify(await t.db.selectFrom('idempotency_keys').selectAll().execute())).not.toContain(password)
})
