import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { route } from '../http/route'
import { createPolicy, getPolicy, listPolicies, listPolicyFaqs, updatePolicy } from '../policies/policies.service'

export function policyRoutes(app: FastifyInstance): void {
  route(app, api.listPolicies, ({ query }) => listPolicies(app.db, query))
  route(app, api.getPolicy, ({ params }) => getPolicy(app.db, params.id))
  route(app, api.listPolicyFaqs, () => listPolicyFaqs(app.db))
  route(app, api.staffCreatePolicy, ({ trx, caller, body }) => createPolicy(trx, caller, body, app.clock()))
  route(app, api.staffUpdatePolicy, ({ trx, caller, params, body }) => updatePolicy(trx, caller, params.id, body, app.clock()))
}
