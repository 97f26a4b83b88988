/** The HTTP SMS provider and WeChat sign-in, against fake gateways on 127.0.0.1. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod/mini'
import { api } from '../../types'
import { bearer, lastCode, nextIp, signIn } from '../test-support/accounts'
import { buildTestApp, type TestApp } from '../test-support/test-app'

interface Fake {
  url: string
  requests: { url: string; headers: http.IncomingHttpHeaders; body: string }[]
  respond: (req: { url: string; body: string }) => { status: number; body: string }
  close(): Promise<void>
}

async function fakeServer(respond: Fake['respond']): Promise<Fake> {
  const fake = { requests: [], respond } as unknown as Fake
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      fake.requests.push({ url: req.url ?? '', headers: req.headers, body })
      const answer = fake.respond({ url: req.url ?? '', body })
      res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  fake.close = () => new Promise((resolve) => server.close(() => resolve()))
  return fake
}

describe('HTTP SMS provider', () => {
  let gateway: Fake
  let t: TestApp
  beforeAll(async () => {
    gateway = await fakeServer(() => ({ status: 200, body: '{"ok":true}' }))
    t = await buildTestApp({
      seed: false,
      config: (c) => ({ ...c, sms: { ...c.sms, provider: 'http', httpUrl: `${gateway.url}/send`, httpKey: 'gw-key', template: 'SMS_123' } }),
    })
  })
  afterAll(async () => {
    await t.close()
    await gateway.close()
  })

  test('posts the code to the gateway with key and template; the code signs in', async () => {
    const phone = '13700000001'
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone }, remoteAddress: nextIp() })
    expect(res.statusCode).toBe(200)
    const sent = gateway.requests.at(-1)!
    expect(sent.url).toBe('/send')
    expect(sent.headers.authorization).toBe('Bearer gw-key')
    const body = JSON.parse(sent.body)
    expect(body).toMatchObject({ phone, template: 'SMS_123', params: { code: expect.stringMatching(/^\d{6}$/) } })
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, code: body.params.code } })
    expect(login.statusCode).toBe(200)
    // Nothing goes to the dev outbox with a real provider.
    expect(await t.db.selectFrom('dev_sms_outbox').select('id').execute()).toHaveLength(0)
  })

  test('a gateway failure is a clear 500 and leaves no usable code (and no resend wait)', async () => {
    const phone = '13700000002'
    gateway.respond = () => ({ status: 503, body: 'busy' })
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone }, remoteAddress: nextIp() })
    expect(res.statusCode).toBe(500)
    expect(res.json().error.message).toMatch(/短信发送失败/)
    const code = JSON.parse(gateway.requests.at(-1)!.body).params.code
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, code } })
    expect(login.statusCode).toBe(400)
    gateway.respond = () => ({ status: 200, body: 'ok' })
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone }, remoteAddress: nextIp() })).statusCode).toBe(200)
  })

  test('an unreachable gateway fails the same way', async () => {
    const down = await buildTestApp({
      seed: false,
      config: (c) => ({ ...c, sms: { ...c.sms, provider: 'http', httpUrl: 'http://127.0.0.1:1/send', httpKey: null, template: null } }),
    })
    try {
      const res = await down.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone: '13700000003' } })
      expect(res.statusCode).toBe(500)
      expect(res.json().error.message).toMatch(/短信发送失败/)
      expect(await down.db.selectFrom('sms_codes').select('id').execute()).toHaveLength(0)
    } finally {
      await down.close()
    }
  })
})

describe('WeChat sign-in', () => {
  let wechat: Fake
  let t: TestApp
  const openids: Record<string, string> = { 'code-a': 'openid-AAA', 'code-a2': 'openid-AAA', 'code-b': 'openid-BBB' }
  beforeAll(async () => {
    wechat = await fakeServer(({ url }) => {
      const q = new URL(url, 'http://x').searchParams
      if (q.get('appid') !== 'wx-app' || q.get('secret') !== 'wx-secret' || q.get('grant_type') !== 'authorization_code') {
        return { status: 200, body: JSON.stringify({ errcode: 40013, errmsg: 'invalid appid' }) }
      }
      const openid = openids[q.get('js_code') ?? '']
      return openid
        ? { status: 200, body: JSON.stringify({ openid, session_key: 'SESSION-KEY-SECRET' }) }
        : { status: 200, body: JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }) }
    })
    t = await buildTestApp({ seed: false, config: (c) => ({ ...c, wechat: { ...c.wechat, apiBase: wechat.url, appId: 'wx-app', secret: 'wx-secret' } }) })
  })
  afterAll(async () => {
    await t.close()
    await wechat.close()
  })
  const wx = (code: string, app = t.app) => app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code } })

  test('needs_phone → phone login with the ticket links → the next WeChat login signs in', async () => {
    const first = await wx('code-a')
    expect(first.statusCode).toBe(200)
    const pending = z.parse(api.wechatLogin.response, first.json())
    expect(pending.status).toBe('needs_phone')
    expect(wechat.requests.at(-1)!.url).toMatch(/^\/sns\/jscode2session\?/)

    const ticket = (pending as { wechatTicket: string }).wechatTicket
    const linked = await signIn(t.app, '13600000001', { wechatTicket: ticket })
    expect(linked.user.wechatLinked).toBe(true)
    // Single use: the ticket is gone once linked.
    await expect(signIn(t.app, '13600000009', { wechatTicket: ticket })).rejects.toThrow(/wechatTicket/)

    const again = z.parse(api.wechatLogin.response, (await wx('code-a2')).json())
    expect(again.status).toBe('signed_in')
    if (again.status !== 'signed_in') return
    expect(again.user.id).toBe(linked.user.id)
    expect((await t.app.inject({ url: '/api/me', headers: bearer(again.token) })).json().wechatLinked).toBe(true)

    // The openid is stored as a hash only, the session_key not at all.
    const users = await t.db.selectFrom('users').selectAll().execute()
    expect(JSON.stringify(users)).not.toMatch(/openid-AAA|SESSION-KEY/)
    const tickets = await t.db.selectFrom('wechat_tickets').selectAll().execute()
    expect(JSON.stringify(tickets)).not.toMatch(/openid-AAA|SESSION-KEY/)
  })

  test('an unknown ticket is refused without burning the code', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone: '13600000002' }, remoteAddress: nextIp() })
    expect(res.statusCode).toBe(200)
    const code = await lastCode(t.app, '13600000002')
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '13600000002', code, wechatTicket: 'not-a-ticket' } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.fields.wechatTicket).toMatch(/微信/)
    const good = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '13600000002', code } })
    expect(good.statusCode).toBe(200)
    expect(good.json().user.wechatLinked).toBe(false)
  })

  test('an invalid code from WeChat is a 400, not a crash', async () => {
    const res = await wx('code-unknown')
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields.code).toMatch(/微信登录/)
  })

  test('without appid/secret WeChat sign-in is refused clearly', async () => {
    const off = await buildTestApp({ seed: false })
    try {
      const res = await wx('code-a', off.app)
      expect(res.statusCode).toBe(403)
      expect(res.json().error.message).toMatch(/手机号登录/)
    } finally {
      await off.close()
    }
  })

  test('WeChat unreachable is a 500 with a plain message', async () => {
    const down = await buildTestApp({ seed: false, config: (c) => ({ ...c, wechat: { ...c.wechat, apiBase: 'http://127.0.0.1:1', appId: 'wx-app', secret: 'wx-secret' } }) })
    try {
      const res = await wx('code-a', down.app)
      expect(res.statusCode).toBe(500)
      expect(res.json().error.message).toMatch(/微信登录暂时不可用/)
    } finally {
      await down.close()
    }
  })
})
