import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import { getStaffMember, staffLogin, staffLogout } from '../staff/staff-auth.service'

export function staffRoutes(app: FastifyInstance): void {
  route(app, api.staffLogin, ({ body }) => staffLogin(app, body.username, body.password))
  route(app, api.staffMe, ({ caller }) => getStaffMember(app, caller.staffId))
  route(app, api.staffLogout, ({ caller }) => staffLogout(app, caller.sessionId))
}
