import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { listDevSmsOutbox, loginWithCode, loginWithWechat, logout, requestSmsCode } from '../accounts/auth.service'
import { notFound } from '../http/app-error'
import { isLoopbackRequest } from '../http/client-address'
import { route } from '../http/route'

export function authRoutes(app: FastifyInstance): void {
  route(app, api.requestSmsCode, ({ body, req }) => requestSmsCode(app, body.phone, req.ip))
  route(app, api.login, ({ body }) => loginWithCode(app, body))
  route(app, api.wechatLogin, ({ body }) => loginWithWechat(app, body.code))
  route(app, api.logout, ({ caller }) => logout(app, caller.sessionId))
  // The console provider's outbox: development and tests only, never registered in production, and only for a
  // client on this machine (it holds live sign-in codes for any phone: a development server reached by mistake).
  if (app.config.nodeEnv !== 'production') {
    route(app, api.devSmsOutbox, ({ query, req }) => {
      if (!isLoopbackRequest(req)) throw notFound()
      return listDevSmsOutbox(app, query.phone)
    })
  }
}
