/** The workbench's ledgers, policy articles, and a staff member's own sign-in and password. */
import { request, useApi } from '@/api'
import { staffCreatePolicy, staffUpdatePolicy } from '@contract/policies'
import { staffChangePassword, staffLogin } from '@contract/staff'
import { staffLedger } from '@contract/staff-ledgers'
import type { BodyOf, ParamsOf, QueryOf } from './body-of'

export const useLedger = (kind: ParamsOf<typeof staffLedger>['kind'], query: QueryOf<typeof staffLedger>) => useApi(staffLedger, { params: { kind }, query })

/** Publishes an article (no id) or changes one. */
export function savePolicy(id: number | null, body: BodyOf<typeof staffCreatePolicy>, idempotencyKey: string) {
  return id ? request(staffUpdatePolicy, { params: { id }, body }, { idempotencyKey }) : request(staffCreatePolicy, { body }, { idempotencyKey })
}

export const staffSignIn = (username: string, password: string) => request(staffLogin, { body: { username, password } })
export const changePassword = (body: BodyOf<typeof staffChangePassword>) => request(staffChangePassword, { body })
