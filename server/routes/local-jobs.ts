import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import {
  confirmContactAttendance,
  confirmStaffAttendance,
  createContactLink,
  createDayJob,
  getContactSheet,
  getDayJobSignups,
  listMyDayJobSignups,
  listStaffDayJobs,
  setJobKind,
  signUpForDayJob,
} from '../jobs/local-jobs.service'

/** 家门口就业: 零工 days, sign-ups and attendance (the local list itself is `GET /jobs?local=true`, routes/jobs). */
export function localJobRoutes(app: FastifyInstance): void {
  route(app, api.signUpForDayJob, ({ trx, params, caller }) => signUpForDayJob(trx, caller.userId, params.id, app.clock()))
  route(app, api.listMyDayJobSignups, ({ trx, query, caller }) => listMyDayJobSignups(trx, caller.userId, query))
  route(app, api.staffSetJobKind, ({ trx, params, body, caller }) => setJobKind(trx, caller, params.id, body.kind, app.clock()))
  route(app, api.staffCreateDayJob, ({ trx, params, body, caller }) => createDayJob(trx, caller, params.id, body, app.clock()))
  route(app, api.staffListDayJobs, ({ trx, query, caller }) => listStaffDayJobs(trx, caller, query.from, app.clock()))
  route(app, api.staffDayJobSignups, ({ trx, params, caller }) => getDayJobSignups(trx, app.keys, caller, params.id))
  route(app, api.staffConfirmAttendance, ({ trx, params, body, caller }) => confirmStaffAttendance(trx, app.keys, caller, params.id, body, app.clock()))
  route(app, api.staffDayJobContactLink, ({ trx, params, caller }) => createContactLink(trx, app.keys, caller, params.id, app.clock()))
  route(app, api.getDayJobAttendanceSheet, ({ trx, query }) => getContactSheet(trx, app.keys, query.t, app.clock()))
  route(app, api.confirmDayJobAttendanceByContact, ({ trx, query, body }) => confirmContactAttendance(trx, app.keys, query.t, body, app.clock()))
}
