import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import { createCourseRequest } from '../training/course-requests.service'
import { getCourse, listCourses } from '../training/courses.service'
import { cancelEnrollment, enrollInCourse, listMyEnrollments } from '../training/enrollments.service'

export function trainingRoutes(app: FastifyInstance): void {
  route(app, api.listCourses, ({ trx, query }) => listCourses(trx, query), { cache: true })
  route(app, api.getCourse, ({ trx, params, caller }) => getCourse(trx, params.id, caller?.kind === 'worker' ? caller.userId : null))
  route(app, api.enrollInCourse, ({ trx, params, body, caller }) => enrollInCourse(trx, caller.userId, params.id, body, app.clock()))
  route(app, api.cancelEnrollment, ({ params, caller }) => cancelEnrollment(app.db, caller.userId, params.id, app.clock()))
  route(app, api.listMyEnrollments, ({ caller }) => listMyEnrollments(app.db, caller.userId))
  route(app, api.createCourseRequest, ({ trx, body, caller }) => createCourseRequest(trx, caller.userId, body, app.clock()))
}
