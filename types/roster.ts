/**
 * 劳动力台账: the county's labour roster. Every working-age person of the county, with or without the app, kept by
 * township labour officers (乡镇劳务专干) and village informants (村级劳务信息员), household by household. Every
 * change keeps a version, so any list can be read as of the end of a China day.
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDate, isoDateTime, pageQuery, recordId, recordIdText } from './common'
import { townshipInput, townships } from './places'
import { tradeSchema } from './reference'
import { provinces } from './rights'
import { idNumberSchema, noHiddenChars, phoneSchema } from './validators'

export const HOME_PROVINCE = '甘肃省'

export const povertyStatuses = ['alleviated', 'monitored', 'general'] as const
export type PovertyStatus = (typeof povertyStatuses)[number]
export const povertyStatusLabel: Record<PovertyStatus, string> = {
  alleviated: '脱贫户',
  monitored: '监测户（边缘易致贫）',
  general: '一般户',
}

export const workAbilities = ['full', 'partial', 'none'] as const
export type WorkAbility = (typeof workAbilities)[number]
export const workAbilityLabel: Record<WorkAbility, string> = {
  full: '全劳力',
  partial: '半劳力（弱劳力）',
  none: '无劳动能力',
}

/** Where a person stands now. The two 外出务工 statuses are "working away" on every list and figure. */
export const personStatuses = [
  'away_other_province',
  'away_in_province',
  'local_work',
  'returned',
  'willing',
  'unwilling',
  'in_school',
  'military',
  'unable',
  'other',
] as const
export type PersonStatus = (typeof personStatuses)[number]
export const personStatusLabel: Record<PersonStatus, string> = {
  away_other_province: '外出务工（省外）',
  away_in_province: '外出务工（省内县外）',
  local_work: '县内务工',
  returned: '返乡回流',
  willing: '有意愿外出',
  unwilling: '暂无外出意愿',
  in_school: '在校学生',
  military: '服兵役',
  unable: '丧失劳动能力',
  other: '其他',
}
export const awayStatuses: readonly PersonStatus[] = ['away_other_province', 'away_in_province']
export const isAway = (status: PersonStatus | null | undefined) => status === 'away_other_province' || status === 'away_in_province'
/** Statuses where "how they went" means something: working, away or at home. */
export const workingStatuses: readonly PersonStatus[] = ['away_other_province', 'away_in_province', 'local_work']

export const returnReasons = ['family', 'illness', 'lost_job', 'wages_unpaid', 'injury', 'local_job', 'other'] as const
export type ReturnReason = (typeof returnReasons)[number]
export const returnReasonLabel: Record<ReturnReason, string> = {
  family: '照顾家庭',
  illness: '生病',
  lost_job: '没活干了',
  wages_unpaid: '工资被拖欠',
  injury: '受伤',
  local_job: '在家门口找到活',
  other: '其他',
}

/** Monthly income bands; `incomeBandMidYuan` is what an estimate of labour income counts per month. */
export const incomeBands = ['below_2000', '2000_3000', '3000_5000', '5000_8000', 'above_8000'] as const
export type IncomeBand = (typeof incomeBands)[number]
export const incomeBandLabel: Record<IncomeBand, string> = {
  below_2000: '2000元以下',
  '2000_3000': '2000–3000元',
  '3000_5000': '3000–5000元',
  '5000_8000': '5000–8000元',
  above_8000: '8000元以上',
}
export const incomeBandMidYuan: Record<IncomeBand, number> = { below_2000: 1500, '2000_3000': 2500, '3000_5000': 4000, '5000_8000': 6500, above_8000: 9000 }

export const howWentKinds = ['organised', 'self'] as const
export type HowWentKind = (typeof howWentKinds)[number]
export const howWentKindLabel: Record<HowWentKind, string> = { organised: '有组织输转', self: '自发外出' }

/** Who organised a move, and which record says so (station, 点对点 batch, posting, training placement) or the broker's name. */
export const organisedChannels = ['station', 'batch', 'posting', 'training', 'broker'] as const
export type OrganisedChannel = (typeof organisedChannels)[number]
export const organisedChannelLabel: Record<OrganisedChannel, string> = {
  station: '驻外劳务工作站',
  batch: '点对点专车',
  posting: '岗位招聘',
  training: '培训后定向输转',
  broker: '劳务经纪人或中介',
}

export const householdRelations = ['head', 'spouse', 'child', 'child_in_law', 'grandchild', 'parent', 'sibling', 'other'] as const
export type HouseholdRelation = (typeof householdRelations)[number]
export const householdRelationLabel: Record<HouseholdRelation, string> = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  child_in_law: '儿媳或女婿',
  grandchild: '孙子女',
  parent: '父母',
  sibling: '兄弟姐妹',
  other: '其他',
}

export const sexes = ['male', 'female'] as const
export const sexLabel: Record<(typeof sexes)[number], string> = { male: '男', female: '女' }

/**
 * Who made a change: a staff member, the worker themself in the app, an import of the county's sheets, or the app
 * itself recording an organised move (a batch departing, a hire through a posting, a training placement).
 */
export const personSources = ['staff', 'self', 'import', 'system'] as const
export type PersonSource = (typeof personSources)[number]
export const personSourceLabel: Record<PersonSource, string> = { staff: '工作人员', self: '本人', import: '导入', system: '有组织输转记录' }

const text = (max: number) => z.string().check(noHiddenChars, z.trim(), z.maxLength(max, `最多${max}个字`))

export const howWent = z.object({
  kind: z.enum(howWentKinds, '请选择怎么出去的'),
  channel: z._default(z.nullable(z.enum(organisedChannels, '请选择由谁组织')), null),
  stationId: z._default(z.nullable(recordId), null),
  batchId: z._default(z.nullable(recordId), null),
  jobId: z._default(z.nullable(recordId), null),
  courseId: z._default(z.nullable(recordId), null),
  brokerName: z._default(z.nullable(text(20)), null),
})
export type HowWent = z.output<typeof howWent>

/** What a person's status says, the fields the status-consistency rule reads. */
export interface PersonStatusFields {
  status: PersonStatus
  workAbility: WorkAbility
  returnReason: ReturnReason | null
  destinationProvince: string | null
  destinationCity: string | null
  howWent: HowWent | null
}

/**
 * A status that contradicts itself, field by field (the form and the server read the same rule): working away needs
 * a province, and the province must fit 省外 / 省内; only 返乡回流 has a reason; only people at work went some way.
 */
export function personStatusProblems(p: PersonStatusFields): Record<string, string> {
  const problems: Record<string, string> = {}
  if (isAway(p.status)) {
    if (!p.destinationProvince) problems.destinationProvince = '外出务工要填去了哪个省'
    else if (p.status === 'away_other_province' && p.destinationProvince === HOME_PROVINCE) problems.destinationProvince = '省外务工，省份不能是甘肃省'
    else if (p.status === 'away_in_province' && p.destinationProvince !== HOME_PROVINCE) problems.destinationProvince = '省内县外务工，省份应是甘肃省'
  } else {
    if (p.destinationProvince) problems.destinationProvince = '不在外务工，去向省份请留空'
    if (p.destinationCity) problems.destinationCity = '不在外务工，去向城市请留空'
  }
  if (p.status === 'returned' && !p.returnReason) problems.returnReason = '返乡回流要选返乡原因'
  if (p.status !== 'returned' && p.returnReason) problems.returnReason = '只有返乡回流才填返乡原因'
  if (p.status === 'unable' && p.workAbility !== 'none') problems.workAbility = '丧失劳动能力的人，劳动能力应选“无劳动能力”'
  if (p.howWent) {
    const h = p.howWent
    if (!workingStatuses.includes(p.status)) problems.howWent = '没有在务工，不用填怎么出去的'
    else if (h.kind === 'self' && (h.channel || h.stationId || h.batchId || h.jobId || h.courseId || h.brokerName)) problems['howWent.channel'] = '自发外出不用填组织方'
    else if (h.kind === 'organised') {
      if (!h.channel) problems['howWent.channel'] = '有组织输转要选由谁组织'
      else if (h.channel === 'station' && !h.stationId) problems['howWent.stationId'] = '请选择哪个工作站'
      else if (h.channel === 'batch' && !h.batchId) problems['howWent.batchId'] = '请选择哪一趟专车'
      else if (h.channel === 'posting' && !h.jobId) problems['howWent.jobId'] = '请选择哪个岗位'
      else if (h.channel === 'training' && !h.courseId) problems['howWent.courseId'] = '请选择哪期培训'
      else if (h.channel === 'broker' && !h.brokerName) problems['howWent.brokerName'] = '请写劳务经纪人或中介的名字'
    }
  }
  return problems
}

const personName = z.string().check(noHiddenChars, z.trim(), z.minLength(2, '姓名至少2个字'), z.maxLength(20, '姓名最多20个字'))
const groupName = text(10)
const destinationProvince = z.enum(provinces, '请从列表里选省份')

/** Everything about a person that staff write; POST takes all of it, PATCH any part. */
const personFields = {
  name: personName,
  idNumber: idNumberSchema,
  phone: z.nullable(phoneSchema),
  township: townshipInput,
  villageId: recordId,
  /** 组 (社): 3组 */
  group: z.nullable(groupName),
  poverty: z.enum(povertyStatuses, '请选择脱贫户、监测户或一般户'),
  workAbility: z.enum(workAbilities, '请选择劳动能力'),
  status: z.enum(personStatuses, '请选择目前状态'),
  returnReason: z.nullable(z.enum(returnReasons, '请选择返乡原因')),
  destinationProvince: z.nullable(destinationProvince),
  destinationCity: z.nullable(text(20)),
  employer: z.nullable(text(40)),
  trade: z.nullable(tradeSchema),
  incomeBand: z.nullable(z.enum(incomeBands, '请选择月收入')),
  howWent: z.nullable(howWent),
  /** Since when the current status holds (China date). */
  statusSince: z.nullable(isoDate),
  /** Where they stood a year ago: 去年外出今年未出 reads it. */
  statusLastYear: z.nullable(z.enum(personStatuses, '请选择去年的状态')),
}

const householdFields = {
  /** An existing household to join; null opens a new household (户) with this person in it. */
  householdId: z.nullable(recordId),
  relation: z.enum(householdRelations, '请选择与户主的关系'),
}

export const createPersonBody = z
  .object({
    name: personFields.name,
    idNumber: personFields.idNumber,
    phone: z._default(personFields.phone, null),
    township: personFields.township,
    villageId: personFields.villageId,
    group: z._default(personFields.group, null),
    householdId: z._default(householdFields.householdId, null),
    relation: z._default(householdFields.relation, 'head'),
    poverty: personFields.poverty,
    workAbility: z._default(personFields.workAbility, 'full'),
    status: personFields.status,
    returnReason: z._default(personFields.returnReason, null),
    destinationProvince: z._default(personFields.destinationProvince, null),
    destinationCity: z._default(personFields.destinationCity, null),
    employer: z._default(personFields.employer, null),
    trade: z._default(personFields.trade, null),
    incomeBand: z._default(personFields.incomeBand, null),
    howWent: z._default(personFields.howWent, null),
    statusSince: z._default(personFields.statusSince, null),
    statusLastYear: z._default(personFields.statusLastYear, null),
  })
  .check(
    z.superRefine((b, ctx) => {
      for (const [path, message] of Object.entries(personStatusProblems(b))) ctx.issues.push({ code: 'custom', message, path: path.split('.'), input: b })
    }),
  )
export type CreatePersonBody = z.input<typeof createPersonBody>

/** Any part of a person; null clears a field. The merged record must still pass the status rule (checked by the server). */
export const updatePersonBody = z.object({
  name: z.optional(personFields.name),
  idNumber: z.optional(personFields.idNumber),
  phone: z.optional(personFields.phone),
  township: z.optional(personFields.township),
  villageId: z.optional(personFields.villageId),
  group: z.optional(personFields.group),
  householdId: z.optional(householdFields.householdId),
  relation: z.optional(householdFields.relation),
  poverty: z.optional(personFields.poverty),
  workAbility: z.optional(personFields.workAbility),
  status: z.optional(personFields.status),
  returnReason: z.optional(personFields.returnReason),
  destinationProvince: z.optional(personFields.destinationProvince),
  destinationCity: z.optional(personFields.destinationCity),
  employer: z.optional(personFields.employer),
  trade: z.optional(personFields.trade),
  incomeBand: z.optional(personFields.incomeBand),
  howWent: z.optional(personFields.howWent),
  statusSince: z.optional(personFields.statusSince),
  statusLastYear: z.optional(personFields.statusLastYear),
  /** The version the editor saw; a newer one on the server is 409 (someone else changed the record meanwhile). */
  version: z.optional(z.number().check(z.int(), z.positive())),
})
export type UpdatePersonBody = z.input<typeof updatePersonBody>

export const person = z.object({
  id: z.number(),
  name: z.string(),
  /** Masked (6205**********123X) unless the caller may see it in full (`piiMasked` says which). */
  idNumber: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  piiMasked: z.boolean(),
  sex: z.nullable(z.enum(sexes)),
  birthYear: z.nullable(z.number()),
  township: z.enum(townships),
  villageId: z.number(),
  village: z.string(),
  group: z.nullable(z.string()),
  householdId: z.number(),
  relation: z.enum(householdRelations),
  poverty: z.enum(povertyStatuses),
  workAbility: z.enum(workAbilities),
  status: z.enum(personStatuses),
  returnReason: z.nullable(z.enum(returnReasons)),
  destinationProvince: z.nullable(z.string()),
  destinationCity: z.nullable(z.string()),
  employer: z.nullable(z.string()),
  trade: z.nullable(tradeSchema),
  incomeBand: z.nullable(z.enum(incomeBands)),
  howWent: z.nullable(howWent),
  statusSince: z.nullable(z.string()),
  statusLastYear: z.nullable(z.enum(personStatuses)),
  /** The worker's app account when linked; null for most people. */
  userId: z.nullable(z.number()),
  /** Counts every change; PATCH may send it back to refuse a stale edit. */
  version: z.number(),
  /** Who made the latest change. */
  source: z.enum(personSources),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
})
export type Person = z.infer<typeof person>

export const peopleQuery = z.object({
  township: z.optional(townshipInput),
  villageId: z.optional(recordIdText),
  status: z.optional(z.enum(personStatuses, '没有这种状态')),
  poverty: z.optional(z.enum(povertyStatuses, '没有这种类别')),
  destinationProvince: z.optional(destinationProvince),
  trade: z.optional(tradeSchema),
  /** Part of a name. */
  q: z.optional(z.string().check(noHiddenChars, z.trim(), z.maxLength(20, '最多20个字'))),
  /** The roster as it stood at the end of this China day. */
  asOf: z.optional(isoDate),
  ...pageQuery,
})
export type PeopleQuery = z.input<typeof peopleQuery>

export const staffListPeople = endpoint({
  method: 'GET',
  path: '/staff/people',
  access: 'staff',
  summary: "The roster, filtered and paged, with the total; township officers see their township, village informants their village, station staff the people working in their station's city; asOf reads it as it stood",
  query: peopleQuery,
  response: z.object({ items: z.array(person), nextCursor: z.nullable(z.string()), total: z.number(), asOf: z.nullable(z.string()) }),
})

export const staffCreatePerson = endpoint({
  method: 'POST',
  path: '/staff/people',
  access: 'staff',
  idempotent: true,
  status: 201,
  summary: 'Add a person to the roster (a registered ID number is 409 naming the record)',
  body: createPersonBody,
  response: person,
})

export const staffGetPerson = endpoint({
  method: 'GET',
  path: '/staff/people/:id',
  access: 'staff',
  summary: 'One person and their household; ID number and phone in full for the officers who keep the record (access-logged)',
  params: idParam,
  response: z.object({
    person,
    household: z.object({ id: z.number(), members: z.array(person) }),
    /**
     * The person is flagged in the current 摸排 round: someone changed them between what a checker saw and the check
     * (the later write won; both are in the history). Null when not flagged, or no round is open.
     */
    surveyConflict: z.nullable(z.object({ roundId: z.number(), round: z.string(), checkedAt: isoDateTime })),
  }),
})

export const staffUpdatePerson = endpoint({
  method: 'PATCH',
  path: '/staff/people/:id',
  access: 'staff',
  summary: 'Change any part of a person; the change is kept in their history',
  params: idParam,
  body: updatePersonBody,
  response: person,
})

export const personChange = z.object({
  field: z.string(),
  /** Shown as the record shows it; ID numbers and phones masked. */
  before: z.unknown(),
  after: z.unknown(),
})

export const personHistoryEntry = z.object({
  version: z.number(),
  at: isoDateTime,
  source: z.enum(personSources),
  /** The staff member who made it (source staff). */
  staff: z.nullable(z.object({ id: z.number(), displayName: z.string() })),
  /** The worker's account (source self). */
  userId: z.nullable(z.number()),
  changes: z.array(personChange),
})
export type PersonHistoryEntry = z.infer<typeof personHistoryEntry>

export const staffPersonHistory = endpoint({
  method: 'GET',
  path: '/staff/people/:id/history',
  access: 'staff',
  summary: "A person's changes, newest first",
  params: idParam,
  query: z.object({ ...pageQuery }),
  response: z.object({ items: z.array(personHistoryEntry), nextCursor: z.nullable(z.string()) }),
})
