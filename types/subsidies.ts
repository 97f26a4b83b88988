/**
 * 补贴免审即享: subsidies a worker is owed by policy (交通补助, 一次性求职补贴, 培训补贴). Where the county already
 * knows (the worker rode its batch, was hired through a verified posting, finished its course) claiming is one tap;
 * otherwise the worker sends proof photos. Staff approve per township, publish the 公示 list, and pay through the
 * finance bureau's sheet. Amounts and rules are settings, because the county confirms them each year.
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { calendarDate, idParam, isoDate, isoDateTime, pageQuery, recordId, recordIdText } from './common'
import { townshipInput, townships } from './places'
import { povertyStatuses } from './roster'
import { attachmentSchema, uploadIdSchema } from './uploads'
import { noHiddenChars } from './validators'

const text = (min: number, max: number, what: string) =>
  z.string(`请填写${what}`).check(noHiddenChars, z.trim(), z.minLength(min, min > 1 ? `${what}至少${min}个字` : `请填写${what}`), z.maxLength(max, `${what}最多${max}个字`))
const yuan = z.number('金额要填数字').check(z.int('金额按整元填'), z.gte(0, '金额不能是负数'), z.lte(100_000, '金额太大了'))
const yearSchema = z.number('年份不对').check(z.int('年份不对'), z.gte(2020, '年份不对'), z.lte(2100, '年份不对'))
const yearText = z.coerce.number().check(z.int('年份不对'), z.gte(2020, '年份不对'), z.lte(2100, '年份不对'))

export const subsidyKinds = ['transport', 'job_seeking', 'training'] as const
export type SubsidyKind = (typeof subsidyKinds)[number]
export const subsidyKindLabel: Record<SubsidyKind, string> = { transport: '交通补助', job_seeking: '一次性求职补贴', training: '培训补贴' }

/**
 * Where the worker went, measured from 武山县 (天水市, 甘肃省). `neighbour` is the provinces the scheme names
 * (陕西省, 宁夏回族自治区 by default), paid less than the rest of 省外.
 */
export const destinationBands = ['other_province', 'neighbour_province', 'in_province', 'in_city'] as const
export type DestinationBand = (typeof destinationBands)[number]
export const destinationBandLabel: Record<DestinationBand, string> = {
  other_province: '省外',
  neighbour_province: '陕西、宁夏',
  in_province: '省内市外',
  in_city: '市内县外',
}
export const HOME_CITY = '天水市'
export const HOME_COUNTY = '武山县'

/** What the county already knows from the app's own records: any one of these makes a claim 免审即享. */
export const knownRecordKinds = ['batch', 'posting', 'course'] as const
export type KnownRecordKind = (typeof knownRecordKinds)[number]
export const knownRecordKindLabel: Record<KnownRecordKind, string> = { batch: '坐了县里组织的专车', posting: '通过核实过的岗位被录用', course: '参加了县里的培训并结业' }

/** Proof a worker uploads (photos) when the county does not already know. */
export const proofKinds = ['work_certificate', 'pay_slip', 'social_insurance', 'ticket', 'training_certificate'] as const
export type ProofKind = (typeof proofKinds)[number]
export const proofKindLabel: Record<ProofKind, string> = {
  work_certificate: '务工证明（劳动合同或单位开的证明）',
  pay_slip: '工资条或工资流水',
  social_insurance: '社保缴费记录',
  ticket: '车票或其他出行凭证',
  training_certificate: '培训结业证或职业技能证书',
}

/** Who qualifies: all must hold. */
export const subsidyRules = z.object({
  /** Poverty statuses on the roster that qualify (脱贫户, 监测户 by default). */
  poverty: z.array(z.enum(povertyStatuses, '没有这种类别')).check(z.minLength(1, '至少选一种户类别')),
  /** The roster says 外出务工 (省外 or 省内县外). */
  mustBeAway: z.boolean(),
  /** Months away this year, counted from the roster's 状态开始日期; 0 for none required. */
  minMonthsAway: z.number().check(z.int('月数按整数填'), z.gte(0, '月数不能是负数'), z.lte(12, '一年最多12个月')),
  /** Finished a county course this year (培训补贴). */
  mustHaveTrained: z.boolean(),
})
export type SubsidyRules = z.output<typeof subsidyRules>

/** Yuan per destination band; a flat scheme (培训补贴) pays `flatYuan` wherever the worker went. */
export const subsidyAmounts = z.object({
  byBand: z.nullable(z.object({ other_province: yuan, neighbour_province: yuan, in_province: yuan, in_city: yuan })),
  flatYuan: z.nullable(yuan),
  /** The provinces paid the `neighbour_province` amount. */
  neighbourProvinces: z.array(z.string().check(noHiddenChars, z.trim(), z.maxLength(20))),
})
export type SubsidyAmounts = z.output<typeof subsidyAmounts>

export const subsidyScheme = z.object({
  id: z.number(),
  kind: z.enum(subsidyKinds),
  name: z.string(),
  year: z.number(),
  rules: subsidyRules,
  amounts: subsidyAmounts,
  /** Records that make a claim 免审即享 (no proof needed). */
  knownBy: z.array(z.enum(knownRecordKinds)),
  /** What proof to photograph when none of `knownBy` holds. */
  proofKinds: z.array(z.enum(proofKinds)),
  /** Claim window, China dates, both days included. */
  opensOn: isoDate,
  closesOn: isoDate,
  /** Days a 公示 list stays up (7 by default). */
  publicityDays: z.number(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
})
export type SubsidyScheme = z.infer<typeof subsidyScheme>

export const subsidySchemeBody = z
  .object({
    kind: z.enum(subsidyKinds, '请选择补贴种类'),
    name: text(2, 30, '补贴名称'),
    year: yearSchema,
    rules: subsidyRules,
    amounts: subsidyAmounts,
    knownBy: z._default(z.array(z.enum(knownRecordKinds, '没有这种记录')), []),
    proofKinds: z._default(z.array(z.enum(proofKinds, '没有这种证明')), []),
    opensOn: isoDate,
    closesOn: isoDate,
    publicityDays: z._default(z.number().check(z.int('天数按整数填'), z.gte(5, '公示至少5天'), z.lte(30, '公示最多30天')), 7),
  })
  .check(
    z.superRefine((b, ctx) => {
      if (b.closesOn < b.opensOn) ctx.issues.push({ code: 'custom', message: '截止日期不能早于开始日期', path: ['closesOn'], input: b })
      if ((b.amounts.byBand === null) === (b.amounts.flatYuan === null))
        ctx.issues.push({ code: 'custom', message: '金额请按去向分档填，或填一个统一金额，二选一', path: ['amounts', 'flatYuan'], input: b })
      if (b.knownBy.length === 0 && b.proofKinds.length === 0)
        ctx.issues.push({ code: 'custom', message: '请至少选一种免审记录或一种证明材料', path: ['proofKinds'], input: b })
    }),
  )
export type SubsidySchemeBody = z.input<typeof subsidySchemeBody>

/** The one-tap path (the county knows), the proof path, or not at all. */
export const claimModes = ['instant', 'proof'] as const
export type ClaimMode = (typeof claimModes)[number]
export const claimModeLabel: Record<ClaimMode, string> = { instant: '免审即享', proof: '上传证明' }

export const claimStatuses = ['submitted', 'approved', 'publicised', 'paid', 'refused'] as const
export type ClaimStatus = (typeof claimStatuses)[number]
export const claimStatusLabel: Record<ClaimStatus, string> = {
  submitted: '已申请，等待审核',
  approved: '审核通过',
  publicised: '公示中',
  paid: '已发放',
  refused: '未通过',
}

/** One record the county holds that speaks for the claim: 2026年3月1日坐专车去无锡市. */
export const subsidyEvidence = z.object({ kind: z.enum(knownRecordKinds), id: z.number(), label: z.string(), at: isoDateTime })
export type SubsidyEvidence = z.infer<typeof subsidyEvidence>

export const publicityWindow = z.object({ id: z.number(), startsOn: isoDate, endsOn: isoDate })

/** A claim as the worker sees it. */
export const mySubsidyClaim = z.object({
  id: z.number(),
  schemeId: z.number(),
  schemeName: z.string(),
  year: z.number(),
  amountYuan: z.number(),
  band: z.nullable(z.enum(destinationBands)),
  mode: z.enum(claimModes),
  status: z.enum(claimStatuses),
  /** Why it was refused, in plain Chinese; null unless refused. */
  refusalReason: z.nullable(z.string()),
  proofs: z.array(attachmentSchema),
  submittedAt: isoDateTime,
  decidedAt: z.nullable(isoDateTime),
  publicity: z.nullable(publicityWindow),
  paidOn: z.nullable(isoDate),
})
export type MySubsidyClaim = z.infer<typeof mySubsidyClaim>

/** One scheme as it applies to the worker: whether, how much, why (one sentence), and how to claim. */
export const mySubsidy = z.object({
  scheme: z.object({ id: z.number(), kind: z.enum(subsidyKinds), name: z.string(), year: z.number(), opensOn: isoDate, closesOn: isoDate }),
  qualifies: z.boolean(),
  /** Null when the worker does not qualify. */
  amountYuan: z.nullable(z.number()),
  band: z.nullable(z.enum(destinationBands)),
  /** One plain sentence: 您是脱贫户，2026年3月1日坐县里的专车去了江苏省无锡市，可以领交通补助600元。 */
  reason: z.string(),
  /** instant: one tap; proof: photos of `proofKinds` needed; null when not qualifying. */
  mode: z.nullable(z.enum(claimModes)),
  proofKinds: z.array(z.enum(proofKinds)),
  evidence: z.array(subsidyEvidence),
  /** The claim window is open today (China date). */
  windowOpen: z.boolean(),
  /** The worker's claim on this scheme, if any. */
  claim: z.nullable(mySubsidyClaim),
})
export type MySubsidy = z.infer<typeof mySubsidy>

export const listMySubsidies = endpoint({
  method: 'GET',
  path: '/me/subsidies',
  access: 'worker',
  summary: 'The schemes of this year (or ?year=) and whether I qualify, how much and why, from my roster record and my records in the app',
  query: z.object({ year: z.optional(yearText) }),
  response: z.object({
    /** False: no roster record is linked to this account yet, so nothing can be checked (every item says so). */
    onRoster: z.boolean(),
    /** Masked (6222 **** **** 1234), or null when none is set: payment needs one. */
    bankAccount: z.nullable(z.string()),
    items: z.array(mySubsidy),
  }),
})

export const createSubsidyClaimBody = z.object({
  schemeId: recordId,
  /** Photos from POST /api/uploads (images only); needed when the claim is not 免审即享. */
  proofUploadIds: z._default(z.array(uploadIdSchema).check(z.maxLength(6, '最多6张照片')), []),
})
export type CreateSubsidyClaimBody = z.input<typeof createSubsidyClaimBody>

export const createSubsidyClaim = endpoint({
  method: 'POST',
  path: '/me/subsidy-claims',
  access: 'worker',
  idempotent: true,
  status: 201,
  summary: 'Claim a scheme (one per person per scheme per year; outside the window, not qualifying, or proof missing is 400/409 in plain Chinese)',
  body: createSubsidyClaimBody,
  response: mySubsidyClaim,
})

export const listMySubsidyClaims = endpoint({
  method: 'GET',
  path: '/me/subsidy-claims',
  access: 'worker',
  summary: 'My claims, newest first, with their state',
  response: z.object({ items: z.array(mySubsidyClaim) }),
})

/** The account the subsidy is paid into: a bank card, or the 社保卡's financial account. */
export const bankAccountKinds = ['bank_card', 'social_security_card'] as const
export const bankAccountKindLabel: Record<(typeof bankAccountKinds)[number], string> = { bank_card: '银行卡', social_security_card: '社保卡金融账户' }

export const bankAccountNumber = z.string('请填写卡号').check(
  z.trim(),
  z.regex(/^[0-9 ]+$/, '卡号只能是数字'),
  z.refine((v) => {
    const n = v.replace(/ /g, '').length
    return n >= 12 && n <= 30
  }, '卡号应是12到30位数字'),
)

/** Masked as 6222 **** **** 1234: the first four and last four digits. */
export function maskBankAccount(number: string): string {
  const digits = number.replace(/\D/g, '')
  return digits.length <= 8 ? '****' : `${digits.slice(0, 4)} **** **** ${digits.slice(-4)}`
}

export const myBankAccount = z.object({
  kind: z.enum(bankAccountKinds),
  bankName: z.string(),
  /** Always masked. */
  accountNumber: z.string(),
  updatedAt: isoDateTime,
})

export const getMyBankAccount = endpoint({
  method: 'GET',
  path: '/me/bank-account',
  access: 'worker',
  summary: 'The account my subsidies are paid into, masked; null when none is set',
  response: z.object({ account: z.nullable(myBankAccount) }),
})

export const setMyBankAccount = endpoint({
  method: 'PUT',
  path: '/me/bank-account',
  access: 'worker',
  summary: 'Set or replace the account (encrypted at rest); answers it masked',
  body: z.object({
    kind: z._default(z.enum(bankAccountKinds, '请选择银行卡或社保卡'), 'bank_card'),
    bankName: text(2, 30, '开户银行'),
    accountNumber: bankAccountNumber,
  }),
  response: z.object({ account: myBankAccount }),
})

// ——— staff ———

export const staffListSubsidySchemes = endpoint({
  method: 'GET',
  path: '/staff/subsidy-schemes',
  access: 'staff',
  summary: 'Every scheme, newest year first (admins, township and village staff)',
  query: z.object({ year: z.optional(yearText) }),
  response: z.object({ items: z.array(subsidyScheme) }),
})

export const staffCreateSubsidyScheme = endpoint({
  method: 'POST',
  path: '/staff/subsidy-schemes',
  access: 'staff',
  idempotent: true,
  status: 201,
  summary: 'Admins: a new scheme (name, year, rules, amounts, proof, window); one per kind per year (409 otherwise)',
  body: subsidySchemeBody,
  response: subsidyScheme,
})

export const staffUpdateSubsidyScheme = endpoint({
  method: 'PUT',
  path: '/staff/subsidy-schemes/:id',
  access: 'staff',
  summary: 'Admins: change a scheme (the amounts the county confirmed, the window); claims already made keep their amount',
  params: idParam,
  body: subsidySchemeBody,
  response: subsidyScheme,
})

export const subsidyObjection = z.object({
  id: z.number(),
  /** What was objected, as the officer wrote it down (who raised it stays on paper). */
  text: z.string(),
  staff: z.object({ id: z.number(), displayName: z.string() }),
  createdAt: isoDateTime,
})
export type SubsidyObjection = z.infer<typeof subsidyObjection>

/** A claim as staff see it in the review queue. */
export const staffSubsidyClaim = z.object({
  id: z.number(),
  scheme: z.object({ id: z.number(), kind: z.enum(subsidyKinds), name: z.string(), year: z.number() }),
  person: z.object({
    id: z.number(),
    name: z.string(),
    /** Masked: 6205**********123X */
    idNumber: z.nullable(z.string()),
    township: z.enum(townships),
    village: z.string(),
    poverty: z.enum(povertyStatuses),
  }),
  amountYuan: z.number(),
  band: z.nullable(z.enum(destinationBands)),
  mode: z.enum(claimModes),
  status: z.enum(claimStatuses),
  /** The eligibility sentence when claimed. */
  reason: z.string(),
  evidence: z.array(subsidyEvidence),
  proofs: z.array(attachmentSchema),
  refusalReason: z.nullable(z.string()),
  /** Whether a payment account is set (its number is never shown here). */
  hasBankAccount: z.boolean(),
  submittedAt: isoDateTime,
  decidedAt: z.nullable(isoDateTime),
  decidedBy: z.nullable(z.object({ id: z.number(), displayName: z.string() })),
  publicity: z.nullable(publicityWindow),
  objections: z.array(subsidyObjection),
  paidOn: z.nullable(isoDate),
})
export type StaffSubsidyClaim = z.infer<typeof staffSubsidyClaim>

export const staffSubsidyClaimsQuery = z.object({
  scheme: z.optional(recordIdText),
  status: z.optional(z.enum(claimStatuses, '没有这种状态')),
  township: z.optional(townshipInput),
  villageId: z.optional(recordIdText),
  ...pageQuery,
})

export const staffListSubsidyClaims = endpoint({
  method: 'GET',
  path: '/staff/subsidy-claims',
  access: 'staff',
  summary: "The review queue, oldest first: township officers their township's claims, village informants their village's, admins all; stations 403",
  query: staffSubsidyClaimsQuery,
  response: z.object({ items: z.array(staffSubsidyClaim), nextCursor: z.nullable(z.string()), total: z.number() }),
})

export const subsidyDecisions = ['approve', 'refuse'] as const
export const subsidyDecisionBody = z
  .object({
    decision: z.enum(subsidyDecisions, '请选择通过或不通过'),
    /** Required to refuse; the worker reads it. */
    reason: z._default(z.nullable(text(4, 200, '不通过的原因')), null),
  })
  .check(z.refine((b) => b.decision !== 'refuse' || !!b.reason, { message: '不通过要写明原因，申请人会看到', path: ['reason'] }))
export type SubsidyDecisionBody = z.input<typeof subsidyDecisionBody>

export const staffDecideSubsidyClaim = endpoint({
  method: 'POST',
  path: '/staff/subsidy-claims/:id/decision',
  access: 'staff',
  summary:
    'Approve (eligibility re-checked against the roster and records now: 409 with the reason when no longer met) or refuse with a reason; a submitted claim, or refuse an approved or publicised one after an objection',
  params: idParam,
  body: subsidyDecisionBody,
  response: staffSubsidyClaim,
})

export const staffDecideSubsidyClaims = endpoint({
  method: 'POST',
  path: '/staff/subsidy-claims/decisions',
  access: 'staff',
  summary: 'Batch approve or refuse: each claim decided on its own (one failing does not stop the rest); the answer says which and why',
  body: z.intersection(
    z.object({ ids: z.array(recordId).check(z.minLength(1, '请至少选一条'), z.maxLength(200, '一次最多200条')) }),
    subsidyDecisionBody,
  ),
  response: z.object({
    decided: z.array(staffSubsidyClaim),
    /** Claims not decided, each with why (再核对不符合：已不在外务工). */
    failed: z.array(z.object({ id: z.number(), message: z.string() })),
  }),
})

export const staffAddSubsidyObjection = endpoint({
  method: 'POST',
  path: '/staff/subsidy-claims/:id/objections',
  access: 'staff',
  idempotent: true,
  status: 201,
  summary: 'Record an objection raised during the 公示 period (the claim must be in 公示 and the period not over)',
  params: idParam,
  body: z.object({ text: text(4, 500, '异议内容') }),
  response: staffSubsidyClaim,
})

/** Name as the 公示 shows it: 王小五 → 王*五, 王五 → 王*, 欧阳小明 → 欧**明. */
export function maskPublicName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length <= 1) return name.trim()
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

export const publicityRow = z.object({
  claimId: z.number(),
  /** Masked: 王*五 */
  name: z.string(),
  township: z.enum(townships),
  village: z.string(),
  scheme: z.string(),
  amountYuan: z.number(),
})
export type PublicityRow = z.infer<typeof publicityRow>

export const staffPublishSubsidyClaims = endpoint({
  method: 'POST',
  path: '/staff/subsidy-publicity',
  access: 'staff',
  idempotent: true,
  status: 201,
  summary: "Put a scheme's approved claims (in the caller's township, or one an admin names) on the 公示 list from a date for the scheme's days",
  body: z.object({ schemeId: recordId, township: z._default(z.nullable(townshipInput), null), startsOn: isoDate }),
  response: z.object({ publicity: publicityWindow, count: z.number() }),
})

export const staffSubsidyPublicity = endpoint({
  method: 'GET',
  path: '/staff/subsidy-publicity',
  access: 'staff',
  summary: 'The 公示 list of a scheme (names masked 王*五, village, amount, dates) as JSON for the printable page, or ?format=xlsx',
  query: z.object({
    scheme: recordIdText,
    township: z.optional(townshipInput),
    format: z._default(z.enum(['json', 'xlsx']), 'json'),
  }),
  files: ['xlsx'],
  response: z.object({
    scheme: z.object({ id: z.number(), name: z.string(), year: z.number() }),
    township: z.nullable(z.enum(townships)),
    /** The publication periods the rows were published in. */
    windows: z.array(publicityWindow),
    items: z.array(z.extend(publicityRow, { startsOn: isoDate, endsOn: isoDate })),
    totalYuan: z.number(),
  }),
})

/** A payment row: the account in full only in the .xlsx (admins, access-logged); masked in the JSON preview. */
export const paymentRow = z.object({
  claimId: z.number(),
  name: z.string(),
  township: z.enum(townships),
  village: z.string(),
  scheme: z.string(),
  amountYuan: z.number(),
  bankName: z.nullable(z.string()),
  accountNumber: z.nullable(z.string()),
})

/** The finance bureau's sheet: the columns it returns with 发放结果 and 发放日期 filled in. */
export const paymentSheetColumns = ['编号', '姓名', '乡镇', '村', '补贴', '金额（元）', '开户银行', '账号', '发放结果', '发放日期'] as const

export const staffSubsidyPayments = endpoint({
  method: 'GET',
  path: '/staff/subsidy-payments',
  access: 'staff',
  summary: 'Admins only: claims ready to pay (公示 over, not yet paid) as .xlsx for the finance bureau (accounts in full, access-logged) or a masked JSON preview',
  query: z.object({ scheme: recordIdText, format: z._default(z.enum(['json', 'xlsx']), 'json') }),
  files: ['xlsx'],
  response: z.object({ items: z.array(paymentRow), totalYuan: z.number(), missingAccounts: z.number() }),
})

export const staffMarkSubsidyClaimsPaid = endpoint({
  method: 'POST',
  path: '/staff/subsidy-claims/paid',
  access: 'staff',
  summary: 'Admins: mark claims paid by hand (each must be in 公示 with the period over); marking again changes nothing',
  body: z.object({
    ids: z.array(recordId).check(z.minLength(1, '请至少选一条'), z.maxLength(500, '一次最多500条')),
    paidOn: calendarDate('没有这一天，请核对发放日期'),
  }),
  response: z.object({ paid: z.array(z.number()), failed: z.array(z.object({ id: z.number(), message: z.string() })) }),
})

/** multipart/form-data, the finance bureau's returned .xlsx in the field `file` (the payment sheet, 发放结果 已发放). */
export const subsidyPaymentFileField = 'file'
export const subsidyPaymentMaxBytes = 5 * 1024 * 1024

export const staffImportSubsidyPayments = endpoint({
  method: 'POST',
  path: '/staff/subsidy-payments/returned',
  access: 'staff',
  summary: 'Admins: the returned payment sheet; every row 已发放 with a date marks its claim paid, every other row is listed with why',
  response: z.object({
    paid: z.number(),
    /** Already paid before this file. */
    unchanged: z.number(),
    problems: z.array(z.object({ row: z.number(), message: z.string() })),
  }),
})

export const subsidyTotalsRow = z.object({ claims: z.number(), claimedYuan: z.number(), approvedYuan: z.number(), paidYuan: z.number(), refused: z.number() })
export const staffSubsidyFigures = endpoint({
  method: 'GET',
  path: '/staff/figures/subsidies',
  access: 'staff',
  summary: "Totals by scheme, township and month (of claiming) for a year: admins the county's, township officers their township's",
  query: z.object({ year: z.optional(yearText) }),
  response: z.object({
    year: z.number(),
    total: subsidyTotalsRow,
    byScheme: z.array(z.object({ schemeId: z.number(), scheme: z.string(), ...subsidyTotalsRow.shape })),
    byTownship: z.array(z.object({ township: z.enum(townships), ...subsidyTotalsRow.shape })),
    byMonth: z.array(z.object({ month: z.string(), ...subsidyTotalsRow.shape })),
  }),
})

/** The worker's subsidy page, where an inbox message about a claim opens (the app's subpackage route). */
export const mySubsidiesPagePath = '/packages/subsidies/pages/mine/index'

/** The area's endpoints, for the contract's list (types/index.ts); pages import each endpoint by its own name. */
export const subsidyEndpoints = {
  listMySubsidies,
  createSubsidyClaim,
  listMySubsidyClaims,
  getMyBankAccount,
  setMyBankAccount,
  staffListSubsidySchemes,
  staffCreateSubsidyScheme,
  staffUpdateSubsidyScheme,
  staffListSubsidyClaims,
  staffDecideSubsidyClaim,
  staffDecideSubsidyClaims,
  staffAddSubsidyObjection,
  staffPublishSubsidyClaims,
  staffSubsidyPublicity,
  staffSubsidyPayments,
  staffMarkSubsidyClaimsPaid,
  staffImportSubsidyPayments,
  staffSubsidyFigures,
} as const
