import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { AssembledJson, route } from '../http/route'
import { applyToJob, listMyApplications, withdrawApplication } from '../jobs/applications.service'
import { JobCards } from '../jobs/job-cards'
import { getJob, listJobs } from '../jobs/jobs.service'
import { listLocalJobs } from '../jobs/local-jobs.service'
import { reportJob } from '../jobs/reports.service'
import { getEmployer } from '../jobs/employers.service'

export function jobRoutes(app: FastifyInstance): void {
  // 家门口就业 (local=true) is its own list: the county's work nearest first (jobs/local-jobs.service).
  const cards = new JobCards()
  app.decorate('jobCards', cards)
  route(
    app,
    api.listJobs,
    async ({ trx, query }) => {
      if (query.local) return listLocalJobs(trx, query, app.clock())
      const list = await listJobs(trx, query, app.clock(), cards)
      // Kept cards are checked JSON already: the page is joined, not parsed and serialised again.
      return 'cards' in list ? new AssembledJson(`{"items":[${list.cards.join(',')}],"nextCursor":${JSON.stringify(list.nextCursor)}}`) : list
    },
    { cache: true },
  )
  route(app, api.getJob, ({ trx, params, caller }) => getJob(trx, params.id, app.clock(), caller?.kind === 'worker' ? caller.userId : null), {
    cache: 'anonymous',
  })
  route(app, api.getEmployer, ({ trx, params }) => getEmployer(trx, params.id, app.clock()), { cache: true })
  route(app, api.applyToJob, ({ trx, params, body, caller }) => applyToJob(trx, caller.userId, params.id, body?.note, app.clock()))
  route(app, api.listMyApplications, ({ trx, query, caller }) => listMyApplications(trx, caller.userId, query, app.clock()))
  route(app, api.withdrawApplication, ({ trx, params, caller }) => withdrawApplication(trx, caller.userId, params.id, app.clock()))
  route(app, api.reportJob, ({ trx, params, body, caller }) => reportJob(trx, caller.userId, params.id, body, app.clock()))
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The public list's kept cards (jobs/job-cards.ts); counted in /metrics. */
    jobCards: JobCards
  }
}
