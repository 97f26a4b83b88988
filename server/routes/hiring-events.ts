import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import {
  createHiringEvent,
  listHiringEvents,
  listStaffHiringEvents,
  remindHiringEvent,
  signUpAtHiringEvent,
  updateHiringEvent,
} from '../hiring-events/hiring-events.service'

/** 直播带岗: workers read events, set reminders and sign up; staff schedule and read the funnel. */
export function hiringEventRoutes(app: FastifyInstance): void {
  route(app, api.listHiringEvents, ({ trx, caller }) => listHiringEvents(trx, caller?.kind === 'worker' ? caller.userId : null, app.clock()), {
    cache: 'anonymous',
  })
  route(app, api.remindHiringEvent, ({ trx, params, caller }) => remindHiringEvent(trx, caller.userId, params.id, app.clock()))
  route(app, api.signUpAtHiringEvent, ({ trx, params, body, caller }) => signUpAtHiringEvent(trx, caller.userId, params.id, body, app.clock()))
  route(app, api.staffCreateHiringEvent, ({ trx, body, caller }) => createHiringEvent(trx, caller, body, app.clock()))
  route(app, api.staffListHiringEvents, ({ trx, caller }) => listStaffHiringEvents(trx, caller, app.clock()))
  route(app, api.staffUpdateHiringEvent, ({ trx, params, body, caller }) => updateHiringEvent(trx, caller, params.id, body, app.clock()))
}
