import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import { listJobApplications, setApplicationStatus } from '../staff/applicants.service'
import { getStaffEmployer, suspendEmployer, verifyEmployerRecord } from '../staff/staff-employers.service'
import { createStaffJob, getStaffJob, listJobsUnderReview, listStaffJobs, reviewJob, updateStaffJob, verifyEmployer } from '../staff/staff-jobs.service'

/** Staff postings and applicants: station staff their station's, admins all (see staff/staff-scope). */
export function staffJobRoutes(app: FastifyInstance): void {
  route(app, api.staffListJobs, ({ caller, query }) => listStaffJobs(app.db, caller, query, app.clock()))
  route(app, api.staffJobsUnderReview, ({ caller }) => listJobsUnderReview(app.db, caller))
  route(app, api.staffGetJob, ({ caller, params }) => getStaffJob(app.db, caller, params.id, app.clock()))
  route(app, api.staffCreateJob, ({ trx, caller, body }) => createStaffJob(trx, caller, body, app.clock()))
  route(app, api.staffUpdateJob, ({ trx, caller, params, body }) => updateStaffJob(trx, caller, params.id, body, app.clock()))
  route(app, api.staffVerifyEmployer, ({ trx, caller, params }) => verifyEmployer(trx, caller, params.id, app.clock()))
  route(app, api.staffGetEmployer, ({ caller, params }) => getStaffEmployer(app.db, caller, params.id, app.clock()))
  route(app, api.staffVerifyEmployerRecord, ({ trx, caller, params, body }) => verifyEmployerRecord(trx, caller, params.id, body.creditCode, app.clock()))
  route(app, api.staffSuspendEmployer, ({ trx, caller, params, body }) => suspendEmployer(trx, caller, params.id, body.reason, app.clock()))
  route(app, api.staffReviewJob, ({ trx, caller, params, body }) => reviewJob(trx, caller, params.id, body, app.clock()))
  route(app, api.staffJobApplications, ({ caller, params }) => listJobApplications(app.db, app.keys, caller, params.id, app.clock()))
  route(app, api.staffSetApplicationStatus, ({ trx, caller, params, body }) => setApplicationStatus(trx, app.keys, caller, params.id, body.status, app.clock()))
}
