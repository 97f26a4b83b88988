import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import { listAccessLog } from '../staff/access-log.service'
import { createAccount, disableAccount, listAccounts, resetPassword, unlockAccount } from '../staff/accounts.service'
import { figures } from '../staff/figures.service'

/** Staff accounts and the access log (admins only), and the workbench figures (scoped by station). */
export function staffAdminRoutes(app: FastifyInstance): void {
  route(app, api.staffListAccounts, ({ caller }) => listAccounts(app.db, caller, app.clock()))
  route(app, api.staffCreateAccount, ({ trx, caller, body }) => createAccount(trx, caller, body, app.clock()))
  route(app, api.staffDisableAccount, ({ trx, caller, params }) => disableAccount(trx, caller, params.id, app.clock()))
  route(app, api.staffUnlockAccount, ({ trx, caller, params }) => unlockAccount(trx, caller, params.id, app.clock()))
  route(app, api.staffResetPassword, ({ caller, params }) => resetPassword(app.db, caller, params.id, app.clock()))
  route(app, api.staffAccessLog, ({ caller, query }) => listAccessLog(app.db, caller, query))
  route(app, api.staffGetFigures, ({ caller }) => figures(app.db, caller, app.clock()))
}
