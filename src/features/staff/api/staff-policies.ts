/** Policy articles as the administrator publishes them (the list and one article read through features/policies). */
import { request } from '@/api'
import { staffCreatePolicy, staffUpdatePolicy } from '@contract/policies'
import type { BodyOf } from './request-parts'

/** Publishes an article (no id) or changes one. */
export function savePolicy(id: number | null, body: BodyOf<typeof staffCreatePolicy>, idempotencyKey: string) {
  return id ? request(staffUpdatePolicy, { params: { id }, body }, { idempotencyKey }) : request(staffCreatePolicy, { body }, { idempotencyKey })
}
