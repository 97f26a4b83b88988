/**
 * The worker and the roster, and what follows an organised move: people a worker registered themself, waiting for
 * their township officer to confirm them or merge them into the county's own record; contacts after a move
 * (输转后回访) and the roster updates they bring; the people at risk of falling back into poverty (防返贫监测).
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDate, isoDateTime, pageQuery, recordId, recordIdText } from './common'
import { townshipInput } from './places'
import { provinces } from './rights'
import { person, returnReasons } from './roster'
import { noHiddenChars } from './validators'

const text = (max: number) => z.string().check(noHiddenChars, z.trim(), z.maxLength(max, `最多${max}个字`))

const placeQuery = {
  township: z.optional(townshipInput),
  villageId: z.optional(recordIdText),
}

// ---------------------------------------------------------------------------------------------------------------
// People the workers registered themselves

export const unconfirmedPerson = z.object({
  person,
  /** Records the county already has in the same township with the same name: what the officer may merge it into. */
  candidates: z.array(person),
})
export type UnconfirmedPerson = z.infer<typeof unconfirmedPerson>

export const staffUnconfirmedPeople = endpoint({
  method: 'GET',
  path: '/staff/roster/unconfirmed',
  access: 'staff',
  summary: 'People who registered themselves in the app and match no record, for their township officer to confirm or merge',
  query: z.object({ ...placeQuery, ...pageQuery }),
  response: z.object({ items: z.array(unconfirmedPerson), nextCursor: z.nullable(z.string()), total: z.number() }),
})

export const staffConfirmPerson = endpoint({
  method: 'POST',
  path: '/staff/people/:id/confirm',
  access: 'staff',
  idempotent: true,
  summary: 'Confirm a self-registered person as a record of the roster (a repeat changes nothing)',
  params: idParam,
  body: z.object({}),
  response: person,
})

export const staffMergePerson = endpoint({
  method: 'POST',
  path: '/staff/people/:id/merge',
  access: 'staff',
  idempotent: true,
  summary: "Merge a self-registered person into the county's record of the same person: the app account moves there, the duplicate goes",
  params: idParam,
  body: z.object({ intoId: recordId }),
  response: z.object({ person, mergedId: z.number() }),
})

// ---------------------------------------------------------------------------------------------------------------
// Contacts (输转后回访)

export const contactChannels = ['call', 'visit', 'wechat'] as const
export type ContactChannel = (typeof contactChannels)[number]
export const contactChannelLabel: Record<ContactChannel, string> = { call: '电话', visit: '上门', wechat: '微信' }

export const contactOutcomes = ['still_working', 'changed_job', 'wages_unpaid', 'injured', 'came_home', 'unreachable'] as const
export type ContactOutcome = (typeof contactOutcomes)[number]
export const contactOutcomeLabel: Record<ContactOutcome, string> = {
  still_working: '还在干',
  changed_job: '换了工作',
  wages_unpaid: '工资被拖欠',
  injured: '受伤了',
  came_home: '回家了',
  unreachable: '没联系上',
}

export const recordContactBody = z.object({
  channel: z.enum(contactChannels, '请选择怎么联系的'),
  outcome: z.enum(contactOutcomes, '请选择联系的结果'),
  note: z._default(text(500), ''),
  /** The China day of the contact; today when left out. */
  contactedOn: z.optional(isoDate),
  /** came_home: why (返乡原因); 其他 when left out. */
  returnReason: z.optional(z.enum(returnReasons, '请选择返乡原因')),
  /** changed_job: where and for whom they work now. */
  destinationProvince: z.optional(z.enum(provinces, '请从列表里选省份')),
  destinationCity: z.optional(text(20)),
  employer: z.optional(text(40)),
})
export type RecordContactBody = z.input<typeof recordContactBody>

export const personContact = z.object({
  id: z.number(),
  personId: z.number(),
  channel: z.enum(contactChannels),
  outcome: z.enum(contactOutcomes),
  note: z.string(),
  contactedOn: z.string(),
  staff: z.nullable(z.object({ id: z.number(), displayName: z.string() })),
  createdAt: isoDateTime,
})
export type PersonContact = z.infer<typeof personContact>

export const staffRecordContact = endpoint({
  method: 'POST',
  path: '/staff/people/:id/contacts',
  access: 'staff',
  idempotent: true,
  status: 201,
  summary: 'Record a call, visit or WeChat message with a person and its outcome; the roster follows it (came home → 返乡回流, changed job → the new place)',
  params: idParam,
  body: recordContactBody,
  response: z.object({ contact: personContact, person }),
})

export const staffPersonContacts = endpoint({
  method: 'GET',
  path: '/staff/people/:id/contacts',
  access: 'staff',
  summary: "A person's contacts, newest first",
  params: idParam,
  query: z.object({ ...pageQuery }),
  response: z.object({ items: z.array(personContact), nextCursor: z.nullable(z.string()) }),
})

export const followUp = z.object({
  person,
  batch: z.object({
    id: z.number(),
    departedAt: isoDateTime,
    destinationProvince: z.string(),
    destinationCity: z.string(),
    stationId: z.nullable(z.number()),
  }),
  /** The latest contact before the departure, if any (none since: that is why they are listed). */
  lastContact: z.nullable(personContact),
})
export type FollowUp = z.infer<typeof followUp>

export const staffFollowUps = endpoint({
  method: 'GET',
  path: '/staff/follow-ups',
  access: 'staff',
  summary: 'Riders of batches that departed a month ago or more with no contact since, longest waiting first (输转后回访)',
  query: z.object({ ...placeQuery, ...pageQuery }),
  response: z.object({ items: z.array(followUp), nextCursor: z.nullable(z.string()), total: z.number() }),
})

// ---------------------------------------------------------------------------------------------------------------
// Risk (防返贫监测)

/** A 脱贫户 or 监测户 person without work this many days or more is at risk. */
export const RISK_DAYS_WITHOUT_WORK = 30

export const riskKinds = ['no_work', 'wages_unpaid', 'injured'] as const
export type RiskKind = (typeof riskKinds)[number]
export const riskKindLabel: Record<RiskKind, string> = { no_work: '没有活干满30天', wages_unpaid: '工资被拖欠', injured: '受伤' }

export const riskReason = z.object({
  kind: z.enum(riskKinds),
  /** China date the risk began: the first day without work, or the day of the contact that reported it. */
  since: z.string(),
  days: z.number(),
  contactId: z.nullable(z.number()),
})

export const riskActionKinds = ['job_referral', 'public_welfare_job', 'training', 'wage_claim', 'medical_aid', 'assistance', 'other'] as const
export type RiskActionKind = (typeof riskActionKinds)[number]
export const riskActionLabel: Record<RiskActionKind, string> = {
  job_referral: '推荐了工作',
  public_welfare_job: '安排了公益性岗位',
  training: '安排了技能培训',
  wage_claim: '帮助讨要工资',
  medical_aid: '协助就医或工伤认定',
  assistance: '落实了帮扶或救助',
  other: '其他',
}

export const riskAction = z.object({
  id: z.number(),
  personId: z.number(),
  action: z.enum(riskActionKinds),
  note: z.string(),
  staff: z.nullable(z.object({ id: z.number(), displayName: z.string() })),
  createdAt: isoDateTime,
})
export type RiskAction = z.infer<typeof riskAction>

export const personAtRisk = z.object({
  person,
  reasons: z.array(riskReason),
  /** What was last done for them (before the risks now listed began). */
  lastAction: z.nullable(riskAction),
})
export type PersonAtRisk = z.infer<typeof personAtRisk>

export const staffRisks = endpoint({
  method: 'GET',
  path: '/staff/risks',
  access: 'staff',
  summary: '脱贫户 and 监测户 people without work 30 days or more, or who reported unpaid wages or an injury, until an officer records what was done',
  query: z.object({ ...placeQuery, ...pageQuery }),
  response: z.object({ items: z.array(personAtRisk), nextCursor: z.nullable(z.string()), total: z.number() }),
})

export const recordRiskActionBody = z.object({
  action: z.enum(riskActionKinds, '请选择做了什么'),
  note: z._default(text(500), ''),
})

export const staffRecordRiskAction = endpoint({
  method: 'POST',
  path: '/staff/people/:id/risk-actions',
  access: 'staff',
  idempotent: true,
  status: 201,
  summary: 'Record what was done for a person at risk; it takes the risks that began before it off the list',
  params: idParam,
  body: recordRiskActionBody,
  response: z.object({ action: riskAction, person }),
})
