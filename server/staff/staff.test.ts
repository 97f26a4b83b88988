import { z } from 'zod/mini'
import { api } from '../../types'
import { TEST_STAFF_PASSWORDS } from '../config'
import { seedStaff, staffSeedOptions } from './staff-seed'
import { bearer, staffSignIn } from '../test-support/accounts'
import { useTestApp } from '../test-support/harness'
import { hashPassword, verifyPassword } from './passwords'
import { SIGN_IN_FAILED } from './staff-auth.service'

const T0 = new Date('2026-03-10T02:00:00.000Z')

const t = useTestApp({ start: T0 })
const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password } })

test('the seed creates admin and two station accounts; passwords are scrypt hashes', async () => {
  const rows = await t.db.selectFrom('staff').selectAll().orderBy('id').execute()
  expect(rows.map((r) => [r.username, r.role, r.station_id !== null])).toEqual([
    ['admin', 'admin', false],
    ['wuxi', 'station', true],
    ['kunshan', 'station', true],
  ])
  for (const r of rows) expect(r.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/)
  expect(JSON.stringify(rows)).not.toContain(TEST_STAFF_PASSWORDS.admin)
  // Each account has a password of its own.
  expect(new Set(Object.values(TEST_STAFF_PASSWORDS)).size).toBe(3)
})

test('admin and station staff sign in; /staff/me names the station', async () => {
  const admin = await staffSignIn(t.app, 'admin', TEST_STAFF_PASSWORDS.admin)
  expect(z.parse(api.staffLogin.response, admin).staff).toMatchObject({ username: 'admin', role: 'admin', stationId: null, stationName: null })
  const wuxi = await staffSignIn(t.app, 'wuxi', TEST_STAFF_PASSWORDS.wuxi)
  const me = await t.app.inject({ url: '/api/staff/me', headers: bearer(wuxi.token) })
  expect(me.statusCode).toBe(200)
  expect(z.parse(api.staffMe.response, me.json())).toMatchObject({ role: 'station', stationName: '武山县驻江苏无锡流动党员党支部' })
  const out = await t.app.inject({ method: 'DELETE', url: '/api/staff/session', headers: bearer(wuxi.token) })
  expect(out.json()).toEqual({ signedOut: true })
  expect((await t.app.inject({ url: '/api/staff/me', headers: bearer(wuxi.token) })).statusCode).toBe(401)
})

test('a wrong password and an unknown user get the same generic 401', async () => {
  const wrong = await login('kunshan', 'nope')
  const unknown = await login('nobody', 'nope')
  expect(wrong.statusCode).toBe(401)
  expect(unknown.statusCode).toBe(401)
  expect(wrong.json()).toEqual(unknown.json())
  expect(wrong.json().error.message).toBe(SIGN_IN_FAILED)
  await staffSignIn(t.app, 'kunshan', TEST_STAFF_PASSWORDS.kunshan) // resets the count
})

test('five failures lock the account for 15 minutes, then it opens again', async () => {
  for (let i = 0; i < 5; i++) expect((await login('kunshan', 'wrong-' + i)).statusCode).toBe(401)
  t.clock.set(new Date(T0.getTime() + 10 * 60_000))
  // Locked: the right password gets the same answer as a wrong one.
  const locked = await login('kunshan', TEST_STAFF_PASSWORDS.kunshan)
  expect(locked.statusCode).toBe(401)
  expect(locked.json().error.message).toBe(SIGN_IN_FAILED)
  t.clock.set(new Date(T0.getTime() + 15 * 60_000 + 1000))
  expect((await login('kunshan', TEST_STAFF_PASSWORDS.kunshan)).statusCode).toBe(200)
  // The count starts over after a success.
  for (let i = 0; i < 4; i++) expect((await login('kunshan', 'wrong-' + i)).statusCode).toBe(401)
  expect((await login('kunshan', TEST_STAFF_PASSWORDS.kunshan)).statusCode).toBe(200)
})

test('seeding staff again adds nothing and keeps a changed password', async () => {
  const changed = await hashPassword('a-new-password')
  await t.db.updateTable('staff').set({ password_hash: changed }).where('username', '=', 'admin').execute()
  expect((await seedStaff(t.db, { ...staffSeedOptions(t.config), passwords: { admin: 'other' } })).added).toBe(0)
  const row = await t.db.selectFrom('staff').select('password_hash').where('username', '=', 'admin').executeTakeFirstOrThrow()
  expect(row.password_hash).toBe(changed)
  expect((await login('admin', 'a-new-password')).statusCode).toBe(200)
})

test('password hashes verify only the right password', async () => {
  const h = await hashPassword('密码-123')
  expect(await verifyPassword('密码-123', h)).toBe(true)
  expect(await verifyPassword('密码-124', h)).toBe(false)
  expect(await verifyPassword('x', 'garbage')).toBe(false)
})
