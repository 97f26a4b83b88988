import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { isLoopbackRequest } from '../http/client-address'
import { route } from '../http/route'
import { changePassword, getStaffMe, loginStaff, logoutStaff } from '../staff/staff-auth.service'

export function staffRoutes(app: FastifyInstance): void {
  route(app, api.staffLogin, ({ body, req }) => loginStaff(app, body.username, body.password, { ip: req.ip, loopback: isLoopbackRequest(req) }))
  route(app, api.staffMe, ({ caller }) => getStaffMe(app.db, caller.staffId))
  route(app, api.staffChangePassword, ({ caller, body }) => changePassword(app, caller, body))
  route(app, api.staffLogout, ({ caller }) => logoutStaff(app, caller.sessionId))
}
