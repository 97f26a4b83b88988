import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { FileAnswer } from '../http/file-answer'
import { route } from '../http/route'
import { labourFiguresXlsx } from '../roster-imports/figures-xlsx'
import { labourFigures } from '../roster/labour-figures.service'
import { personActivity, rosterLinks } from '../roster/person-activity.service'
import { createVillage, listVillages, renameVillage, villagesOverview } from '../roster/places.service'
import { createPerson, getPerson, listPeople, personHistory, updatePerson } from '../roster/roster.service'

/** The labour roster and its places; scope and rules live in the services (staff-scope's peopleScopeOf). */
export function rosterRoutes(app: FastifyInstance): void {
  route(app, api.staffListVillages, ({ query }) => listVillages(app.db, query.township))
  route(app, api.staffCreateVillage, ({ trx, caller, body }) => createVillage(trx, caller, body, app.clock()))
  route(app, api.staffRenameVillage, ({ caller, params, body }) => renameVillage(app.db, caller, params.id, body, app.clock()))
  route(app, api.staffVillagesOverview, ({ caller }) => villagesOverview(app.db, caller))
  route(app, api.staffRosterLinks, ({ caller, query }) => rosterLinks(app.db, caller, query))

  route(app, api.staffListPeople, ({ caller, query, reply }) => {
    // Personal data: never kept by a browser or a proxy.
    reply.header('cache-control', 'no-store')
    return listPeople(app.db, app.keys, caller, query, app.clock())
  })
  route(app, api.staffCreatePerson, ({ trx, caller, body }) => createPerson(trx, app.keys, caller, body, app.clock()))
  route(app, api.staffGetPerson, ({ caller, params, reply }) => {
    reply.header('cache-control', 'no-store')
    return getPerson(app.db, app.keys, caller, params.id, app.clock())
  })
  route(app, api.staffUpdatePerson, ({ caller, params, body }) => updatePerson(app.db, app.keys, caller, params.id, body, app.clock()))
  route(app, api.staffLabourFigures, async ({ caller, query }) => {
    const figures = await labourFigures(app.db, caller, query, app.clock())
    if (query.format !== 'xlsx') return figures
    return new FileAnswer('xlsx', `劳务输转-${figures.township ?? '全县'}-${figures.asOf}`, `labour-figures-${figures.asOf}`, labourFiguresXlsx(figures))
  })
  route(app, api.staffPersonActivity, ({ caller, params, reply }) => {
    reply.header('cache-control', 'no-store')
    return personActivity(app.db, caller, params.id)
  })
  route(app, api.staffPersonHistory, ({ caller, params, query }) => personHistory(app.db, caller, params.id, query))
}
