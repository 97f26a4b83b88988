import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import { getJob, listJobs } from '../jobs/jobs.service'

export function jobRoutes(app: FastifyInstance): void {
  route(app, api.listJobs, ({ trx, query }) => listJobs(trx, query, app.clock()))
  route(app, api.getJob, ({ trx, params }) => getJob(trx, params.id, app.clock()))
}
