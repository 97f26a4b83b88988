import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { getCourse, listCourses } from '../courses/courses.service'
import { route } from '../http/route'

export function courseRoutes(app: FastifyInstance): void {
  route(app, api.listCourses, ({ trx, query }) => listCourses(trx, query))
  route(app, api.getCourse, ({ trx, params }) => getCourse(trx, params.id))
}
