import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import {
  addWorklogPayment,
  updateWorklogDay,
  createWorklogEmployer,
  deleteWorklogDay,
  deleteWorklogPayment,
  getWorklogEmployer,
  getWorklogMonth,
  getWorklogSummary,
  listWorklogEmployers,
  logWorklogDay,
  updateWorklogEmployer,
} from '../worklog/worklog.service'

export function worklogRoutes(app: FastifyInstance): void {
  route(app, api.getWorklogMonth, ({ caller, query }) => getWorklogMonth(app.db, app.keys, caller.userId, query.month, app.clock()))
  route(app, api.logWorklogDay, ({ trx, caller, body }) => logWorklogDay(trx, caller.userId, body, app.clock()))
  route(app, api.updateWorklogDay, ({ trx, caller, params, body }) => updateWorklogDay(trx, caller.userId, params.id, body, app.clock()))
  route(app, api.deleteWorklogDay, ({ caller, params }) => deleteWorklogDay(app.db, caller.userId, params.id))
  route(app, api.addWorklogPayment, ({ trx, caller, body }) => addWorklogPayment(trx, app.keys, caller.userId, body, app.clock()))
  route(app, api.deleteWorklogPayment, ({ caller, params }) => deleteWorklogPayment(app.db, caller.userId, params.id, app.photos))
  route(app, api.listWorklogEmployers, ({ caller }) => listWorklogEmployers(app.db, caller.userId))
  route(app, api.createWorklogEmployer, ({ trx, caller, body }) => createWorklogEmployer(trx, caller.userId, body, app.clock()))
  route(app, api.updateWorklogEmployer, ({ trx, caller, params, body }) => updateWorklogEmployer(trx, caller.userId, params.id, body, app.clock()))
  route(app, api.getWorklogEmployer, ({ caller, params }) => getWorklogEmployer(app.db, app.keys, caller.userId, params.id, app.clock()))
  route(app, api.getWorklogSummary, ({ caller, query }) => getWorklogSummary(app.db, caller.userId, query.month))
}
