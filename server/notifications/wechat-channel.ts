/**
 * WeChat's send API for subscribe messages, with the access token from the stable-token API. The token is cached in
 * this process until shortly before it expires, fetched by one call at a time; the stable-token API hands every
 * caller the same token while it is valid, so several processes never invalidate each other's. A send refused with
 * 40001/42001 (token invalid or expired) refreshes the token once and tries again.
 * The app secret goes only in the token request's body; nothing here logs a request, a URL or a body.
 */
import type { WechatConfig } from '../config'

export interface WechatSendInput {
  openid: string
  templateId: string
  /** The mini-program page the message opens, without a leading slash. */
  page: string | null
  data: Record<string, string>
}

export interface WechatSender {
  send(input: WechatSendInput): Promise<void>
}

/** Why a WeChat call failed: WeChat's errcode, an HTTP status, or neither (network, timeout). */
export class WechatError extends Error {
  constructor(
    readonly errcode: number | null,
    readonly status: number | null = null,
  ) {
    super(errcode !== null ? `WeChat errcode ${errcode}` : status !== null ? `WeChat HTTP ${status}` : 'WeChat unreachable or timed out')
  }
}

/** The user refused, or their allowance for this template is used up: it will not go without a new one. */
export const WECHAT_REFUSED = 43101
const TOKEN_INVALID = new Set([40001, 42001])
/** A token is refreshed this long before WeChat says it expires. */
const TOKEN_MARGIN_MS = 5 * 60 * 1000

type Answer = { errcode?: number; errmsg?: string; access_token?: string; expires_in?: number }

export function wechatSender(config: WechatConfig, now: () => number = Date.now): WechatSender {
  let cached: { token: string; expiresAt: number } | null = null
  let fetching: Promise<string> | null = null

  async function post(path: string, body: unknown): Promise<Answer> {
    let res: Response
    try {
      res = await fetch(`${config.apiBase}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(config.timeoutMs),
      })
    } catch {
      // The error could carry the URL (with the token) or the body (with the secret): none of it is kept.
      throw new WechatError(null)
    }
    const text = await res.text().catch(() => '')
    if (!res.ok) throw new WechatError(null, res.status)
    try {
      // WeChat answers JSON, sometimes labelled text/plain.
      return JSON.parse(text) as Answer
    } catch {
      throw new WechatError(null, res.status)
    }
  }

  async function fetchToken(forceRefresh: boolean): Promise<string> {
    if (!config.appId || !config.secret) throw new WechatError(null)
    const answer = await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: config.appId, secret: config.secret, force_refresh: forceRefresh })
    if (answer.errcode || typeof answer.access_token !== 'string' || !answer.access_token) throw new WechatError(answer.errcode ?? null)
    cached = { token: answer.access_token, expiresAt: now() + Number(answer.expires_in ?? 7200) * 1000 - TOKEN_MARGIN_MS }
    return cached.token
  }

  /** One token request at a time in this process; the others wait for it. */
  function token(forceRefresh = false): Promise<string> {
    if (!forceRefresh && cached && cached.expiresAt > now()) return Promise.resolve(cached.token)
    fetching ??= fetchToken(forceRefresh).finally(() => {
      fetching = null
    })
    return fetching
  }

  const sendWith = (accessToken: string, input: WechatSendInput) =>
    post(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(accessToken)}`, {
      touser: input.openid,
      template_id: input.templateId,
      ...(input.page ? { page: input.page } : {}),
      data: Object.fromEntries(Object.entries(input.data).map(([k, value]) => [k, { value }])),
      miniprogram_state: config.miniprogramState,
      lang: 'zh_CN',
    })

  return {
    async send(input) {
      const first = await token()
      let answer = await sendWith(first, input)
      if (answer.errcode && TOKEN_INVALID.has(answer.errcode)) {
        if (cached?.token === first) cached = null
        // The stable token may still be the one WeChat just refused (40001 after a secret change): then force.
        let fresh = await token()
        if (fresh === first) fresh = await token(true)
        answer = await sendWith(fresh, input)
      }
      if (answer.errcode) throw new WechatError(answer.errcode)
    },
  }
}

// WeChat's limits on a keyword's value, by the keyword's prefix (characters, not bytes).
const LIMITS: Record<string, number> = { thing: 20, phrase: 5, name: 10, character_string: 32, number: 32, letter: 32, symbol: 5, car_number: 8, phone_number: 17, amount: 10 }

/** Cuts a value to what WeChat accepts for the keyword, whole characters only, with … where it was cut. */
export function fitKeyword(keyword: string, value: string): string {
  const prefix = keyword.replace(/\d+$/, '')
  let text = value.replace(/\s+/g, ' ').trim()
  // character_string takes letters, digits and symbols only.
  if (prefix === 'character_string') text = text.replace(/[^\x21-\x7e]/g, '')
  const max = LIMITS[prefix] ?? 20
  const chars = Array.from(text)
  if (chars.length <= max) return text
  return prefix === 'thing' || prefix === 'name' ? chars.slice(0, max - 1).join('') + '…' : chars.slice(0, max).join('')
}

/** WeChat's time keyword: 2026年3月10日 10:00, in China time. */
export function wechatTime(at: Date): string {
  const wall = new Date(at.getTime() + 8 * 60 * 60 * 1000)
  const hh = String(wall.getUTCHours()).padStart(2, '0')
  const mm = String(wall.getUTCMinutes()).padStart(2, '0')
  return `${wall.getUTCFullYear()}年${wall.getUTCMonth() + 1}月${wall.getUTCDate()}日 ${hh}:${mm}`
}
