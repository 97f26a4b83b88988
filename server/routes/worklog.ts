import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import {
  addPayment,
  correctDay,
  createEmployer,
  deleteDay,
  deletePayment,
  getEmployer,
  getMonth,
  getSummary,
  listEmployers,
  logDay,
  updateEmployer,
} from '../worklog/worklog.service'

export function worklogRoutes(app: FastifyInstance): void {
  route(app, api.getWorklogMonth, ({ caller, query }) => getMonth(app.db, app.keys, caller.userId, query.month, app.clock()))
  route(app, api.logWorklogDay, ({ trx, caller, body }) => logDay(trx, caller.userId, body, app.clock()))
  route(app, api.updateWorklogDay, ({ trx, caller, params, body }) => correctDay(trx, caller.userId, params.id, body, app.clock()))
  route(app, api.deleteWorklogDay, ({ caller, params }) => deleteDay(app.db, caller.userId, params.id))
  route(app, api.addWorklogPayment, ({ trx, caller, body }) => addPayment(trx, app.keys, caller.userId, body, app.clock()))
  route(app, api.deleteWorklogPayment, ({ caller, params }) => deletePayment(app.db, caller.userId, params.id, app.photos))
  route(app, api.listWorklogEmployers, ({ caller }) => listEmployers(app.db, caller.userId))
  route(app, api.createWorklogEmployer, ({ trx, caller, body }) => createEmployer(trx, caller.userId, body, app.clock()))
  route(app, api.updateWorklogEmployer, ({ trx, caller, params, body }) => updateEmployer(trx, caller.userId, params.id, body, app.clock()))
  route(app, api.getWorklogEmployer, ({ caller, params }) => getEmployer(app.db, app.keys, caller.userId, params.id, app.clock()))
  route(app, api.getWorklogSummary, ({ caller, query }) => getSummary(app.db, caller.userId, query.month))
}
