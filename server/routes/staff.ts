import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { isLoopbackRequest } from '../http/client-address'
import { route } from '../http/route'
import { changeOwnPassword, getStaffMember, staffLogin, staffLogout } from '../staff/staff-auth.service'

export function staffRoutes(app: FastifyInstance): void {
  route(app, api.staffLogin, ({ body, req }) => staffLogin(app, body.username, body.password, { ip: req.ip, loopback: isLoopbackRequest(req) }))
  route(app, api.staffMe, ({ caller }) => getStaffMember(app.db, caller.staffId))
  route(app, api.staffChangePassword, ({ caller, body }) => changeOwnPassword(app, caller, body))
  route(app, api.staffLogout, ({ caller }) => staffLogout(app, caller.sessionId))
}
