import type { SmsConfig } from '../../config'
import { AppError } from '../../http/app-error'
import type { SmsProvider } from './index'

const TIMEOUT_MS = 10_000

/**
 * A generic gateway: POST SMS_HTTP_URL with JSON { phone, template, params: { code } } and
 * `Authorization: Bearer SMS_HTTP_KEY`. Any non-2xx answer, timeout or network error fails the send.
 */
export function httpSms(config: SmsConfig): SmsProvider {
  const post = async (payload: Record<string, unknown>) => {
    let status: number
    try {
      const res = await fetch(config.httpUrl!, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(config.httpKey ? { authorization: `Bearer ${config.httpKey}` } : {}),
        },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
      status = res.status
      await res.arrayBuffer().catch(() => undefined)
    } catch {
      // The error may echo the URL or body; neither goes anywhere.
      throw new AppError('INTERNAL', '短信发送失败，请稍后再试')
    }
    if (status < 200 || status >= 300) {
      // The status goes to the log with the error (pino serialises own properties), not to the worker.
      throw Object.assign(new AppError('INTERNAL', '短信发送失败，请稍后再试'), { gatewayStatus: status })
    }
  }
  return {
    name: 'http',
    send: ({ phone, code }) => post({ phone, template: config.template, params: { code } }),
    // Notices use the gateway's template named after the kind (registered with the SMS vendor).
    sendNotice: ({ phone, kind, title, text }) => post({ phone, template: `notice_${kind}`, params: { title, text } }),
  }
}
