/** Signing in: a code by SMS, the phone and code, or WeChat's own login (which may ask for the phone after). */
import { request } from '@/api'
import { login, requestSmsCode, wechatLogin } from '@contract/auth'

export function sendSmsCode(phone: string) {
  return request(requestSmsCode, { body: { phone } })
}

export function signInWithCode(phone: string, code: string, wechatTicket?: string | null) {
  return request(login, { body: { phone, code, ...(wechatTicket ? { wechatTicket } : {}) } })
}

export function signInWithWechatCode(code: string) {
  return request(wechatLogin, { body: { code } })
}
