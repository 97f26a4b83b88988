/**
 * Mini-program sign-in: exchanges a wx.login code for the openid at jscode2session.
 * The session_key is never kept; the openid only as an HMAC.
 */
import type { WechatConfig } from '../config'
import { AppError, forbidden, validationFailed } from '../http/app-error'

const TIMEOUT_MS = 10_000

export async function code2session(config: WechatConfig, code: string): Promise<string> {
  if (!config.appId || !config.secret) throw forbidden('微信登录还没有开通，请用手机号登录')
  const query = new URLSearchParams({ appid: config.appId, secret: config.secret, js_code: code, grant_type: 'authorization_code' })
  let body: { openid?: unknown; errcode?: unknown }
  try {
    // The URL carries the app secret: it must never be logged, so errors here carry no cause.
    const res = await fetch(`${config.apiBase}/sns/jscode2session?${query}`, { signal: AbortSignal.timeout(TIMEOUT_MS) })
    if (!res.ok) throw new Error(`status ${res.status}`)
    // WeChat answers JSON with a text/plain content type.
    body = JSON.parse(await res.text())
  } catch {
    throw new AppError('INTERNAL', '微信登录暂时不可用，请用手机号登录')
  }
  if (typeof body.openid === 'string' && body.openid && !body.errcode) return body.openid
  throw validationFailed({ code: '微信登录没有成功，请重新打开小程序再试' }, '微信登录没有成功，请重新打开小程序再试')
}
