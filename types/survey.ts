/**
 * 摸排: a round of door-to-door checks of the labour roster. An admin opens a round with a due date; village informants
 * walk their village household by household and check each person (无变化 in one tap, or what changed); township
 * officers and admins follow the round's progress, villages that are behind first.
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDate, isoDateTime, recordId, recordIdText } from './common'
import { townshipInput, townships } from './places'
import { tradeSchema } from './reference'
import { rosterLink } from './roster-activity'
import { provinces } from './rights'
import {
  householdRelations,
  howWent,
  incomeBands,
  personStatuses,
  personStatusProblems,
  povertyStatuses,
  returnReasons,
  sexes,
  isAway,
  workingStatuses,
  type HowWent,
  type PersonStatus,
  type PersonStatusFields,
} from './roster'
import { noHiddenChars } from './validators'

const text = (max: number) => z.string().check(noHiddenChars, z.trim(), z.maxLength(max, `最多${max}个字`))

export const surveyRound = z.object({
  id: z.number(),
  name: z.string(),
  dueDate: z.string(),
  openedAt: isoDateTime,
  /** The newest round: the one the phones work on. */
  current: z.boolean(),
})
export type SurveyRound = z.infer<typeof surveyRound>

export const openSurveyRoundBody = z.object({
  name: z.string('请填写这一轮摸排的名字').check(noHiddenChars, z.trim(), z.minLength(2, '名字至少2个字'), z.maxLength(30, '名字最多30个字')),
  dueDate: isoDate,
})
export type OpenSurveyRoundBody = z.input<typeof openSurveyRoundBody>

export const staffOpenSurveyRound = endpoint({
  method: 'POST',
  path: '/staff/survey-rounds',
  access: 'staff',
  idempotent: true,
  status: 201,
  summary: 'Open a round of the village survey (摸排), e.g. 2026年12月摸排, with its due date; admins only',
  body: openSurveyRoundBody,
  response: surveyRound,
})

export const staffListSurveyRounds = endpoint({
  method: 'GET',
  path: '/staff/survey-rounds',
  access: 'staff',
  summary: 'The survey rounds, the current one first',
  response: z.object({ items: z.array(surveyRound) }),
})

/** One person as the survey screen shows them: the fields a check may change, and where they stand this round. */
export const surveyPerson = z.object({
  id: z.number(),
  name: z.string(),
  sex: z.nullable(z.enum(sexes)),
  birthYear: z.nullable(z.number()),
  householdId: z.number(),
  relation: z.enum(householdRelations),
  group: z.nullable(z.string()),
  poverty: z.enum(povertyStatuses),
  status: z.enum(personStatuses),
  returnReason: z.nullable(z.enum(returnReasons)),
  destinationProvince: z.nullable(z.string()),
  destinationCity: z.nullable(z.string()),
  trade: z.nullable(tradeSchema),
  incomeBand: z.nullable(z.enum(incomeBands)),
  howWent: z.nullable(howWent),
  /** The station, batch, posting or course `howWent` names, by name: the phone shows it without signal. */
  howWentLink: z.nullable(rosterLink),
  /** The roster version the screen shows; a check sends it back as its baseVersion. */
  version: z.number(),
  /** Checked in this round (or registered after it opened). */
  checked: z.boolean(),
  checkedAt: z.nullable(isoDateTime),
  /** Someone else changed the person between what a checker saw and their check: both writes are in the history. */
  conflict: z.boolean(),
  note: z.nullable(z.string()),
})
export type SurveyPerson = z.infer<typeof surveyPerson>

export const surveyHousehold = z.object({ id: z.number(), members: z.array(surveyPerson) })
export type SurveyHousehold = z.infer<typeof surveyHousehold>

export const surveyVillageQuery = z.object({
  /** Township officers and admins name the village; an informant always gets their own. */
  villageId: z.optional(recordIdText),
})

/**
 * Households with someone left to check first, and within each the people left first, the head before the rest
 * (server and phone order alike, so a check made offline moves its person down the list at once).
 */
export function orderForSurvey(people: SurveyPerson[]): SurveyHousehold[] {
  const byHousehold = new Map<number, SurveyPerson[]>()
  for (const p of people) byHousehold.set(p.householdId, [...(byHousehold.get(p.householdId) ?? []), p])
  const households = [...byHousehold.entries()].map(([id, members]) => ({
    id,
    members: members.sort((a, b) => Number(a.checked) - Number(b.checked) || Number(b.relation === 'head') - Number(a.relation === 'head') || a.id - b.id),
  }))
  const done = (h: SurveyHousehold) => h.members.every((m) => m.checked)
  return households.sort((a, b) => Number(done(a)) - Number(done(b)) || a.id - b.id)
}

export const staffSurveyVillage = endpoint({
  method: 'GET',
  path: '/staff/survey-rounds/:id/village',
  access: 'staff',
  summary: "A village's households and people for a round, those not yet checked first: the list the phone keeps for work without signal",
  params: idParam,
  query: surveyVillageQuery,
  response: z.object({
    round: surveyRound,
    village: z.object({ id: z.number(), name: z.string(), township: z.enum(townships) }),
    households: z.array(surveyHousehold),
    checked: z.number(),
    total: z.number(),
  }),
})

/** What a check may change on a person; anything left out stays as it is. */
export const surveyChangeFields = {
  status: z.optional(z.enum(personStatuses, '请选择目前状态')),
  returnReason: z.optional(z.nullable(z.enum(returnReasons, '请选择返乡原因'))),
  destinationProvince: z.optional(z.nullable(z.enum(provinces, '请从列表里选省份'))),
  destinationCity: z.optional(z.nullable(text(20))),
  trade: z.optional(z.nullable(tradeSchema)),
  incomeBand: z.optional(z.nullable(z.enum(incomeBands, '请选择月收入'))),
  howWent: z.optional(z.nullable(howWent)),
}

export const surveyCheckBody = z
  .object({
    personId: recordId,
    /** The version the checker saw. An older one than the server's is still applied (the later write wins) and flagged. */
    baseVersion: z.number('缺少版本号').check(z.int('版本号不对'), z.positive('版本号不对')),
    /** 无变化: the person stands as the screen showed them. */
    unchanged: z._default(z.boolean(), false),
    ...surveyChangeFields,
    note: z._default(z.nullable(text(200)), null),
  })
  .check(
    z.superRefine((b, ctx) => {
      const changed = Object.keys(surveyChangeFields).some((k) => (b as Record<string, unknown>)[k] !== undefined)
      if (b.unchanged && changed) ctx.issues.push({ code: 'custom', message: '选了“无变化”就不要再改内容', path: ['unchanged'], input: b })
      if (!b.unchanged && !changed && !b.note) ctx.issues.push({ code: 'custom', message: '请选“无变化”，或者改一项内容', path: ['unchanged'], input: b })
    }),
  )
export type SurveyCheckBody = z.input<typeof surveyCheckBody>

export const surveyCheck = z.object({
  roundId: z.number(),
  personId: z.number(),
  unchanged: z.boolean(),
  conflict: z.boolean(),
  checkedAt: isoDateTime,
})

export const staffCheckSurveyPerson = endpoint({
  method: 'POST',
  path: '/staff/survey-rounds/:id/checks',
  access: 'staff',
  idempotent: true,
  summary: 'Check one person in a round: 无变化, or what changed (written into the roster with its history); a stale baseVersion is applied and flagged as a conflict',
  params: idParam,
  body: surveyCheckBody,
  response: z.object({ check: surveyCheck, person: surveyPerson }),
})

export const surveyProgressRow = z.object({
  township: z.enum(townships),
  checked: z.number(),
  total: z.number(),
  conflicts: z.number(),
})
export const surveyVillageProgress = z.object({
  villageId: z.number(),
  village: z.string(),
  township: z.enum(townships),
  checked: z.number(),
  total: z.number(),
  conflicts: z.number(),
})
export type SurveyVillageProgress = z.infer<typeof surveyVillageProgress>

export const staffSurveyProgress = endpoint({
  method: 'GET',
  path: '/staff/survey-rounds/:id/progress',
  access: 'staff',
  summary: "Checked / total per township and village for a round, the villages behind first; township officers see their township, informants their village, admins all (or one township)",
  params: idParam,
  query: z.object({ township: z.optional(townshipInput) }),
  response: z.object({
    round: surveyRound,
    checked: z.number(),
    total: z.number(),
    townships: z.array(surveyProgressRow),
    villages: z.array(surveyVillageProgress),
  }),
})

/** Share checked, for "behind first": an empty village is not behind. */
export const surveyShare = (row: { checked: number; total: number }) => (row.total === 0 ? 1 : row.checked / row.total)

/**
 * The person as a check leaves them, read by the same status rule as the roster's form and server: a new status drops
 * what only the old one meant (as a roster edit does), unless the check says otherwise.
 */
export function surveyCheckProblems(
  person: { status: PersonStatus; returnReason: string | null; destinationProvince: string | null; destinationCity: string | null; howWent: HowWent | null },
  body: Partial<Record<keyof typeof surveyChangeFields, unknown>>,
): Record<string, string> {
  const merged = { ...person, ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) } as typeof person
  if (body.status !== undefined && body.status !== person.status) {
    if (merged.status !== 'returned' && body.returnReason === undefined) merged.returnReason = null
    if (!isAway(merged.status) && body.destinationProvince === undefined) merged.destinationProvince = null
    if (!isAway(merged.status) && body.destinationCity === undefined) merged.destinationCity = null
    if (!workingStatuses.includes(merged.status) && body.howWent === undefined) merged.howWent = null
  }
  // 丧失劳动能力 sets the work ability with it (the server does the same), so that rule never stops a check.
  const { workAbility: _ability, ...problems } = personStatusProblems({ ...merged, workAbility: 'none' } as PersonStatusFields)
  return problems
}
