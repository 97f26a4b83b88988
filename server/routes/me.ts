import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { deleteMe, exportMe, getMe, setConsent, updateMe } from '../accounts/me.service'
import { route } from '../http/route'

export function meRoutes(app: FastifyInstance): void {
  route(app, api.getMe, ({ caller }) => getMe(app.db, app.keys, caller.userId))
  route(app, api.updateMe, ({ trx, caller, body }) => updateMe(trx, app.keys, caller.userId, body, app.clock()))
  route(app, api.setConsent, ({ caller, body }) => setConsent(app.db, app.keys, caller.userId, body, app.clock()))
  route(app, api.exportMe, ({ caller, reply }) => {
    // Every personal field unmasked: no browser, proxy or WebView cache may keep a copy.
    reply.header('Cache-Control', 'no-store')
    return exportMe(app.db, app.keys, caller.userId, app.clock())
  })
  route(app, api.deleteMe, ({ caller }) => deleteMe(app.db, caller.userId, app.clock(), app.photos))
}
