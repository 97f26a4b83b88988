/** The calls after a move: contacts with a person, the follow-up and risk lists, self-registered people to confirm. */
import { request, useApiList } from '@/api'
import {
  staffConfirmPerson,
  staffFollowUps,
  staffMergePerson,
  staffPersonContacts,
  staffRecordContact,
  staffRecordRiskAction,
  staffRisks,
  staffUnconfirmedPeople,
  type RecordContactBody,
  type RiskActionKind,
} from '@contract/roster-follow-up'
import { rosterSaved } from './roster'

export function usePersonContacts(id: number) {
  return useApiList(staffPersonContacts, { params: { id }, query: {} }, { cache: rosterSaved('person-contacts', id) })
}

export function recordContact(id: number, body: RecordContactBody, idempotencyKey: string) {
  return request(staffRecordContact, { params: { id }, body }, { idempotencyKey })
}

export function useFollowUps() {
  return useApiList(staffFollowUps, { query: {} }, { cache: rosterSaved('follow-ups') })
}

export function useRisks() {
  return useApiList(staffRisks, { query: {} }, { cache: rosterSaved('risks') })
}

export function recordRiskAction(id: number, body: { action: RiskActionKind; note?: string }, idempotencyKey: string) {
  return request(staffRecordRiskAction, { params: { id }, body }, { idempotencyKey })
}

export function useUnconfirmedPeople() {
  return useApiList(staffUnconfirmedPeople, { query: {} }, { cache: rosterSaved('unconfirmed') })
}

export function confirmPerson(id: number, idempotencyKey: string) {
  return request(staffConfirmPerson, { params: { id }, body: {} }, { idempotencyKey })
}

export function mergePerson(id: number, intoId: number, idempotencyKey: string) {
  return request(staffMergePerson, { params: { id }, body: { intoId } }, { idempotencyKey })
}

