import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { phoneSchema, smsCodeSchema, noHiddenChars } from './validators'
import { me } from './me'

export const requestSmsCode = endpoint({
  method: 'POST',
  path: '/auth/sms-code',
  access: 'public',
  summary: 'Send a 6-digit sign-in code by SMS (one per 60 s, 10 a day per phone)',
  body: z.object({ phone: phoneSchema }),
  response: z.object({ sentTo: z.string(), resendAfterSeconds: z.number(), expiresInSeconds: z.number() }),
})

export const session = z.object({ token: z.string(), user: me })

export const login = endpoint({
  method: 'POST',
  path: '/auth/login',
  access: 'public',
  summary: 'Sign in with phone and SMS code; links a pending WeChat identity when wechatTicket is given',
  body: z.object({
    phone: phoneSchema,
    code: smsCodeSchema,
    wechatTicket: z.optional(z.string().check(noHiddenChars, z.maxLength(200))),
  }),
  response: session,
})

export const wechatLogin = endpoint({
  method: 'POST',
  path: '/auth/wechat',
  access: 'public',
  summary: 'Mini-program sign-in with a Taro.login code; an unlinked identity must sign in by phone once',
  body: z.object({ code: z.string().check(noHiddenChars, z.minLength(1), z.maxLength(200)) }),
  response: z.discriminatedUnion('status', [
    z.object({ status: z.literal('signed_in'), token: z.string(), user: me }),
    z.object({ status: z.literal('needs_phone'), wechatTicket: z.string() }),
  ]),
})

export const logout = endpoint({
  method: 'DELETE',
  path: '/auth/session',
  access: 'worker',
  summary: 'Sign out: the token stops working',
  response: z.object({ signedOut: z.literal(true) }),
})

export const devSmsOutbox = endpoint({
  method: 'GET',
  path: '/dev/sms-outbox',
  access: 'public',
  summary: 'Codes the console SMS provider would have sent (absent in production)',
  query: z.object({ phone: phoneSchema }),
  response: z.object({ items: z.array(z.object({ code: z.string(), sentAt: z.string() })) }),
})
