import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import { checkSurveyPerson, getSurveyProgress, getSurveyVillage, listSurveyRounds, openSurveyRound, surveyVillageStamp } from '../survey/survey.service'

/** 摸排: rounds, a village's list, checks and progress; scope and rules live in the service. */
export function surveyRoutes(app: FastifyInstance): void {
  route(app, api.staffOpenSurveyRound, ({ trx, caller, body }) => openSurveyRound(trx, caller, body, app.clock()))
  route(app, api.staffListSurveyRounds, ({ caller }) => listSurveyRounds(app.db, caller))
  route(app, api.staffSurveyVillage, ({ caller, params, query }) => getSurveyVillage(app.db, caller, params.id, query), {
    // The list's version stamp: a repeat read is a 304 without building the list, and officers of one township reading
    // the same village share one build (built-answers.ts).
    validator: ({ db, caller, params, query, reply }) => {
      // Names of a village's people: never kept by a browser or a proxy (the app keeps its own copy).
      reply.header('cache-control', 'no-store')
      return surveyVillageStamp(db, caller, params.id, query)
    },
  })
  route(app, api.staffCheckSurveyPerson, ({ trx, caller, params, body }) => checkSurveyPerson(trx, app.keys, caller, params.id, body, app.clock()))
  route(app, api.staffSurveyProgress, ({ caller, params, query }) => getSurveyProgress(app.db, caller, params.id, query))
}
