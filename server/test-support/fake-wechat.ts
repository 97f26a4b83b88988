/**
 * A local WeChat for tests: the stable-token API, jscode2session and the subscribe-message send API. It records every
 * send, and on command answers token expired (42001) for the tokens it has issued, user refused (43101), another
 * errcode, slowly, or never.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export const FAKE_WECHAT_APPID = 'wx-fake-app'
export const FAKE_WECHAT_SECRET = 'fake-wechat-secret-do-not-log'

export interface FakeWechatSend {
  touser: string
  template_id: string
  page?: string
  data: Record<string, { value: string }>
  miniprogram_state: string
  token: string
}

export interface FakeWechat {
  /** WECHAT_API_BASE for the app. */
  url: string
  sends: FakeWechatSend[]
  /** Stable-token requests, with force_refresh. */
  tokenRequests: { forceRefresh: boolean }[]
  /** ok; refused (43101); an errcode; silent (held until close). */
  mode: 'ok' | 'refused' | 'silent' | number
  latencyMs: number
  /** Every token issued so far is expired from now on (send answers 42001 for it). */
  expireTokens(): void
  /**
   * The live token is refused by send (40001, as after the secret changed) while the stable-token API still hands it
   * out unless asked to force a new one.
   */
  revokeTokens(): void
  /** The openid WeChat gives for a wx.login code. */
  openidFor(code: string): string
  close(): Promise<void>
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const held: http.ServerResponse[] = []
  const live = new Set<string>()
  const revoked = new Set<string>()
  let issued = 0
  const fake: FakeWechat = {
    url: '',
    sends: [],
    tokenRequests: [],
    mode: 'ok',
    latencyMs: 0,
    expireTokens: () => live.clear(),
    revokeTokens: () => live.forEach((token) => revoked.add(token)),
    openidFor: (code) => `openid-${code}`,
    close: async () => undefined,
  }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake')
      // WeChat labels its JSON text/plain.
      const reply = (body: unknown) => res.writeHead(200, { 'content-type': 'text/plain' }).end(JSON.stringify(body))
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}
      if (url.pathname === '/cgi-bin/stable_token') {
        fake.tokenRequests.push({ forceRefresh: body.force_refresh === true })
        if (body.appid !== FAKE_WECHAT_APPID || body.secret !== FAKE_WECHAT_SECRET) return reply({ errcode: 40125, errmsg: 'invalid appsecret' })
        // Like WeChat: the same token while it is valid, unless forced.
        if (!live.size || body.force_refresh === true) {
          live.clear()
          live.add(`token-${++issued}`)
        }
        return reply({ access_token: [...live][0], expires_in: 7200 })
      }
      if (url.pathname === '/sns/jscode2session') {
        const code = url.searchParams.get('js_code') ?? ''
        if (code === 'bad-code') return reply({ errcode: 40029, errmsg: 'invalid code' })
        return reply({ openid: fake.openidFor(code), session_key: 'not-kept' })
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send') {
        // A caller that gave up waiting (timeout) has not sent anything, as far as the tests count.
        let gaveUp = false
        res.on('close', () => {
          if (!res.writableEnded) gaveUp = true
        })
        const answer = () => {
          if (gaveUp) return
          const token = url.searchParams.get('access_token') ?? ''
          if (fake.mode === 'silent') return void held.push(res)
          if (revoked.has(token)) return reply({ errcode: 40001, errmsg: 'invalid credential' })
          if (!live.has(token)) return reply({ errcode: token.startsWith('token-') ? 42001 : 40001, errmsg: 'access_token expired' })
          if (fake.mode === 'refused') return reply({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
          if (typeof fake.mode === 'number') return reply({ errcode: fake.mode, errmsg: 'error' })
          fake.sends.push({ ...body, token })
          reply({ errcode: 0, errmsg: 'ok' })
        }
        if (fake.latencyMs) setTimeout(answer, fake.latencyMs)
        else answer()
        return
      }
      res.writeHead(404).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  fake.close = async () => {
    for (const res of held) res.destroy()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  return fake
}
