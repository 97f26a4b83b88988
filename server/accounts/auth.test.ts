import { z } from 'zod/mini'
import { api } from '../../types'
import { bearer, lastCode, nextIp, requestCode, signIn } from '../test-support/accounts'
import { buildTestApp, type TestApp } from '../test-support/test-app'

const T0 = new Date('2026-03-10T02:00:00.000Z') // 10:00 China time
let now = T0
const clock = () => now
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms)
}
const SEC = 1000
const MIN = 60 * SEC
const DAY = 24 * 60 * MIN

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ clock })
})
afterAll(() => t.close())
beforeEach(() => {
  now = T0
})

let phoneCounter = 0
/** A phone number no other test in this file used. */
const newPhone = () => `1390000${String(++phoneCounter).padStart(4, '0')}`

const login = (phone: string, code: string, extra: object = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, code, ...extra } })
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

describe('SMS codes', () => {
  test('a code is sent to a masked number and works once', async () => {
    const phone = newPhone()
    const res = await requestCode(t.app, phone)
    expect(res.statusCode).toBe(200)
    expect(z.parse(api.requestSmsCode.response, res.json())).toEqual({ sentTo: `139****${phone.slice(7)}`, resendAfterSeconds: 60, expiresInSeconds: 300 })
    const code = await lastCode(t.app, phone)
    expect(code).toMatch(/^\d{6}$/)
    const first = await login(phone, code)
    expect(first.statusCode).toBe(200)
    const again = await login(phone, code)
    expect(again.statusCode).toBe(400)
    expect(again.json().error.fields.code).toMatch(/验证码/)
  })

  test('codes are stored hashed', async () => {
    const phone = newPhone()
    await requestCode(t.app, phone)
    const code = await lastCode(t.app, phone)
    const rows = await t.db.selectFrom('sms_codes').select(['code_hash', 'phone_hash']).execute()
    expect(rows.some((r) => r.code_hash.includes(code) || r.phone_hash.includes(phone))).toBe(false)
  })

  test.each(['1390000000', '23900000000', '12900000000', '139000000001', 'abc'])('bad phone %s is a 400 naming phone in Chinese', async (phone) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone } })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields.phone).toMatch(/手机号/)
  })

  test('one code per phone per 60 s: 429 with retryAfter', async () => {
    const phone = newPhone()
    expect((await requestCode(t.app, phone)).statusCode).toBe(200)
    advance(20 * SEC)
    const res = await requestCode(t.app, phone)
    expect(res.statusCode).toBe(429)
    expect(res.json().error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 40 })
    expect(res.headers['retry-after']).toBe('40')
    advance(40 * SEC)
    expect((await requestCode(t.app, phone)).statusCode).toBe(200)
  })

  test('ten codes per phone per China day', async () => {
    const phone = newPhone()
    for (let i = 0; i < 10; i++) {
      expect((await requestCode(t.app, phone)).statusCode).toBe(200)
      advance(61 * SEC)
    }
    const res = await requestCode(t.app, phone)
    expect(res.statusCode).toBe(429)
    expect(res.json().error.message).toMatch(/明天/)
    // 10:11 China time → the next China midnight is 13h49m away.
    expect(res.json().error.retryAfter).toBe(Math.ceil((Date.parse('2026-03-11T00:00:00+08:00') - now.getTime()) / 1000))
    now = new Date('2026-03-10T16:00:30.000Z') // 00:00:30 on the 11th in China
    expect((await requestCode(t.app, phone)).statusCode).toBe(200)
  })

  test('a limit per IP address per hour', async () => {
    const limited = await buildTestApp({ clock, seed: false, config: (c) => ({ ...c, sms: { ...c.sms, ipLimitPerHour: 3 } }) })
    try {
      const ip = nextIp()
      for (let i = 0; i < 3; i++) expect((await requestCode(limited.app, newPhone(), ip)).statusCode).toBe(200)
      const res = await requestCode(limited.app, newPhone(), ip)
      expect(res.statusCode).toBe(429)
      expect(res.json().error.retryAfter).toBe(3600)
      expect((await requestCode(limited.app, newPhone(), nextIp())).statusCode).toBe(200)
      advance(60 * MIN + SEC)
      expect((await requestCode(limited.app, newPhone(), ip)).statusCode).toBe(200)
    } finally {
      await limited.close()
    }
  })

  test('a code expires after 5 minutes', async () => {
    const phone = newPhone()
    await requestCode(t.app, phone)
    const code = await lastCode(t.app, phone)
    advance(5 * MIN + SEC)
    const res = await login(phone, code)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields.code).toMatch(/过期/)
  })

  test('five wrong codes kill the code, and the message says to ask again', async () => {
    const phone = newPhone()
    await requestCode(t.app, phone)
    const code = await lastCode(t.app, phone)
    for (let i = 1; i <= 4; i++) {
      const res = await login(phone, wrongCode(code))
      expect(res.statusCode).toBe(400)
      expect(res.json().error.fields.code).toBe(`验证码不对，还可以再试${5 - i}次`)
    }
    const fifth = await login(phone, wrongCode(code))
    expect(fifth.json().error.fields.code).toMatch(/重新获取/)
    const right = await login(phone, code)
    expect(right.statusCode).toBe(400)
    expect(right.json().error.fields.code).toMatch(/失效.*重新获取/)
    advance(61 * SEC)
    await requestCode(t.app, phone)
    expect((await login(phone, await lastCode(t.app, phone))).statusCode).toBe(200)
  })

  test('login without ever asking for a code', async () => {
    const res = await login(newPhone(), '123456')
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields.code).toMatch(/获取/)
  })
})

describe('sign-in and sessions', () => {
  test('the first login creates the worker, the second finds the same one', async () => {
    const phone = newPhone()
    const before = await t.db.selectFrom('users').select('id').execute()
    const first = await signIn(t.app, phone)
    expect(z.parse(api.login.response, first).user.phone).toBe(`139****${phone.slice(7)}`)
    advance(61 * SEC)
    const second = await signIn(t.app, phone)
    expect(second.user.id).toBe(first.user.id)
    expect(second.token).not.toBe(first.token)
    expect(await t.db.selectFrom('users').select('id').execute()).toHaveLength(before.length + 1)
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  test('tokens are stored as hashes only', async () => {
    const { token } = await signIn(t.app, newPhone())
    const rows = await t.db.selectFrom('sessions').select('token_hash').execute()
    expect(rows.some((r) => r.token_hash === token)).toBe(false)
  })

  test('sign-out kills the token', async () => {
    const { token } = await signIn(t.app, newPhone())
    expect((await t.app.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(200)
    const out = await t.app.inject({ method: 'DELETE', url: '/api/auth/session', headers: bearer(token) })
    expect(out.json()).toEqual({ signedOut: true })
    expect((await t.app.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(401)
  })

  test('sliding expiry: 30 days without use ends a session, use keeps it alive', async () => {
    const idle = await signIn(t.app, newPhone())
    const busy = await signIn(t.app, newPhone())
    for (let day = 0; day < 40; day += 10) {
      advance(10 * DAY)
      expect((await t.app.inject({ url: '/api/me', headers: bearer(busy.token) })).statusCode).toBe(200)
    }
    expect((await t.app.inject({ url: '/api/me', headers: bearer(idle.token) })).statusCode).toBe(401)
    advance(30 * DAY + SEC)
    expect((await t.app.inject({ url: '/api/me', headers: bearer(busy.token) })).statusCode).toBe(401)
  })

  test('the expiry is written at most once an hour', async () => {
    const { token, user } = await signIn(t.app, newPhone())
    const session = () => t.db.selectFrom('sessions').select(['last_used_at', 'expires_at']).where('user_id', '=', user.id).executeTakeFirstOrThrow()
    const start = await session()
    advance(30 * MIN)
    await t.app.inject({ url: '/api/me', headers: bearer(token) })
    expect(await session()).toEqual(start)
    advance(31 * MIN)
    await t.app.inject({ url: '/api/me', headers: bearer(token) })
    expect((await session()).expires_at).toBe(new Date(now.getTime() + 30 * DAY).toISOString())
  })

  test('two app instances on one database accept the same token', async () => {
    // Its own connection to the same database, as a second server process would have.
    const second = await t.secondInstance()
    const { token } = await signIn(t.app, newPhone())
    const res = await second.inject({ url: '/api/me', headers: bearer(token) })
    expect(res.statusCode).toBe(200)
    const fromSecond = await signIn(second, newPhone())
    expect((await t.app.inject({ url: '/api/me', headers: bearer(fromSecond.token) })).statusCode).toBe(200)
    // Limits are shared too: the second instance sees the first one's code.
    const phone = newPhone()
    expect((await requestCode(t.app, phone)).statusCode).toBe(200)
    expect((await requestCode(second, phone)).statusCode).toBe(429)
    await second.inject({ method: 'DELETE', url: '/api/auth/session', headers: bearer(token) })
    expect((await t.app.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(401)
  })
})
