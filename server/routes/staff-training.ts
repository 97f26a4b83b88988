import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import { getCourseRequestSummary } from '../training/course-requests.service'
import { completeEnrollment, createCourse, issueCertificate, listCourseEnrollments, listStaffCourses, updateCourse } from '../training/staff-courses.service'

/** Staff training routes: admins write, station staff read (see staff-courses.service). */
export function staffTrainingRoutes(app: FastifyInstance): void {
  route(app, api.staffListCourses, ({ query }) => listStaffCourses(app.db, query))
  route(app, api.staffCreateCourse, ({ trx, caller, body }) => createCourse(trx, caller, body, app.clock()))
  route(app, api.staffUpdateCourse, ({ trx, caller, params, body }) => updateCourse(trx, caller, params.id, body, app.clock()))
  route(app, api.staffCourseEnrollments, ({ params, caller }) => listCourseEnrollments(app.db, app.keys, caller, params.id, app.clock()))
  route(app, api.staffCompleteEnrollment, ({ caller, params }) => completeEnrollment(app.db, app.keys, caller, params.id, app.clock()))
  route(app, api.staffIssueCertificate, ({ trx, caller, params, body }) => issueCertificate(trx, app.keys, caller, params.id, body, app.clock()))
  route(app, api.courseRequestSummary, () => getCourseRequestSummary(app.db))
}
