/**
 * 记工: a worker's own log of days worked and pay received, per employer (老板/工地), and what is still owed.
 *
 * Money: every amount here is integer fen (`…Fen`). The rest of the codebase keeps whole yuan, but a piece rate can be
 * 3角5分 a brick, and a half day or 1.5 hours of a rate is not whole yuan: counting in fen keeps every sum exact.
 * Counts (days, hours, quantity) are decimals: days and hours in steps of half, quantity to two places.
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { isCalendarDate, isoDateTime, recordId, recordIdText } from './common'
import { attachmentSchema, uploadIdSchema } from './uploads'
import { noHiddenChars } from './validators'

/** 点工, 包工 by the day, 包工 by quantity, 借支 (an advance). */
export const worklogKinds = ['day_work', 'contract_day', 'contract_quantity', 'advance'] as const
export type WorklogKind = (typeof worklogKinds)[number]
export const worklogKindLabel: Record<WorklogKind, string> = {
  day_work: '点工',
  contract_day: '包工（按天）',
  contract_quantity: '包工（按量）',
  advance: '借支',
}

export const paymentMethods = ['cash', 'bank', 'wechat', 'other'] as const
export type PaymentMethod = (typeof paymentMethods)[number]
export const paymentMethodLabel: Record<PaymentMethod, string> = { cash: '现金', bank: '银行转账', wechat: '微信', other: '其他' }

const MONTH = /^(\d{4})-(\d{2})$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export const worklogMonth = z.string('请选择月份').check(
  z.regex(MONTH, '月份的写法应为 2026-05'),
  z.refine((v) => {
    const m = MONTH.exec(v)
    return !m || (Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= 2000)
  }, '没有这个月份'),
)
export const worklogDate = z.string('请选择日期').check(
  z.regex(DATE, '日期的写法应为 2026-05-01'),
  z.refine((v) => !DATE.test(v) || isCalendarDate(v), '没有这一天，请重新选择日期'),
  z.refine((v) => !DATE.test(v) || v >= '2000-01-01', '日期太早了，请核对'),
)

/** Multiples of a step (0.5 for days and hours, 0.01 for a quantity), checked on hundredths so 0.1 + 0.2 cannot fool it. */
const stepOf = (value: number, hundredths: number) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6 && Math.round(value * 100) % hundredths === 0

const count = (label: string, max: number, step: 'half' | 'hundredth', maxMessage: string) =>
  z.number(`请填写${label}（数字）`).check(
    z.gte(0, `${label}不能是负数`),
    z.lte(max, maxMessage),
    z.refine((v) => stepOf(v, step === 'half' ? 50 : 1), step === 'half' ? `${label}按半个算，例如 1 或 1.5` : `${label}最多两位小数`),
  )

const fen = (label: string) =>
  z.number(`请填写${label}（数字）`).check(z.int(`${label}要精确到分`), z.gte(0, `${label}不能是负数`), z.lte(100_000_000, `${label}太大了，请核对`))
const positiveFen = (label: string) => fen(label).check(z.gte(1, `${label}要大于0`))

const text = (max: number) => z.string().check(noHiddenChars, z.trim(), z.maxLength(max, `最多写${max}个字`))

/** Each field's own rule, so a form checks exactly what the server will. */
export const worklogFields = {
  employerName: z.string('请写老板或工地的名字').check(noHiddenChars, z.trim(), z.minLength(1, '请写老板或工地的名字'), z.maxLength(50, '最多写50个字')),
  site: text(200),
  dayRateFen: z.nullable(positiveFen('一天的工钱')),
  hourRateFen: z.nullable(positiveFen('一小时的工钱')),
  unitRateFen: z.nullable(positiveFen('单价')),
  unitLabel: z.nullable(z.string().check(noHiddenChars, z.trim(), z.minLength(1, '请写单位，例如 平方米'), z.maxLength(10, '单位最多写10个字'))),
  overtimeRateFen: z.nullable(positiveFen('加班一小时的工钱')),
  days: count('天数', 1, 'half', '一条只记一天，最多1天'),
  hours: count('小时', 24, 'half', '一天最多24小时'),
  overtimeHours: count('加班小时', 24, 'half', '一天最多24小时'),
  quantity: count('数量', 1_000_000, 'hundredth', '数量太大了，请核对'),
  amountFen: positiveFen('钱数'),
  note: text(200),
  method: z.enum(paymentMethods, '请选择怎么给的钱：现金、银行转账或微信'),
}

export const worklogEmployerBody = z
  .object({
    name: worklogFields.employerName,
    site: z._default(worklogFields.site, ''),
    dayRateFen: z._default(worklogFields.dayRateFen, null),
    hourRateFen: z._default(worklogFields.hourRateFen, null),
    unitRateFen: z._default(worklogFields.unitRateFen, null),
    unitLabel: z._default(worklogFields.unitLabel, null),
    overtimeRateFen: z._default(worklogFields.overtimeRateFen, null),
    /** A job application of mine this work came from, if any. */
    applicationId: z._default(z.nullable(recordId), null),
    note: z._default(worklogFields.note, ''),
  })
  .check(
    z.refine((b) => b.unitRateFen === null || b.unitLabel !== null, { message: '按量算钱，请写单位，例如 平方米', path: ['unitLabel'] }),
  )
export type WorklogEmployerBody = z.input<typeof worklogEmployerBody>

export const worklogEmployer = z.object({
  id: z.number(),
  name: z.string(),
  site: z.string(),
  dayRateFen: z.nullable(z.number()),
  hourRateFen: z.nullable(z.number()),
  unitRateFen: z.nullable(z.number()),
  unitLabel: z.nullable(z.string()),
  overtimeRateFen: z.nullable(z.number()),
  applicationId: z.nullable(z.number()),
  note: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
})
export type WorklogEmployer = z.infer<typeof worklogEmployer>

/**
 * One entry. 点工: `days` (1 or 0.5) or `hours`, plus `overtimeHours`; 包工 by the day: `days` plus `overtimeHours`;
 * 包工 by quantity: `quantity` at the employer's unit rate; 借支: `amountFen`. `rateFen` overrides the employer's agreed
 * rate for this entry (a different price that day). Logging the same employer, day and kind again replaces that entry
 * (a correction), except 借支, of which a day may have several.
 */
export const worklogEntryBody = z
  .object({
    employerId: recordId,
    date: worklogDate,
    kind: z.enum(worklogKinds, '请选择记什么：点工、包工或借支'),
    days: z._default(z.nullable(worklogFields.days), null),
    hours: z._default(z.nullable(worklogFields.hours), null),
    overtimeHours: z._default(worklogFields.overtimeHours, 0),
    quantity: z._default(z.nullable(worklogFields.quantity), null),
    rateFen: z._default(z.nullable(positiveFen('单价')), null),
    amountFen: z._default(z.nullable(worklogFields.amountFen), null),
    note: z._default(worklogFields.note, ''),
    /** When the worker made the entry, by the phone's clock (the server keeps its own time too). */
    clientEnteredAt: z.optional(z.iso.datetime({ message: '记录时间不对', offset: true })),
  })
  .check(
    z.superRefine((b, ctx) => {
      const issue = (path: string, message: string) => ctx.issues.push({ code: 'custom', path: [path], message, input: b })
      const work = b.kind === 'day_work' || b.kind === 'contract_day'
      if (work) {
        if (b.kind === 'day_work' && b.days !== null && b.hours !== null) issue('hours', '按天或按小时记，只选一种')
        else if (b.days === null && (b.kind === 'contract_day' || b.hours === null)) issue('days', b.kind === 'day_work' ? '请选干了一天、半天，或填几个小时' : '请选干了一天还是半天')
        else if (b.days === 0 || (b.days === null && b.hours === 0)) issue(b.days === 0 ? 'days' : 'hours', '干了多少不能是0')
        if (b.kind === 'contract_day' && b.hours !== null) issue('hours', '包工按天记，不填小时')
        if ((b.hours ?? 0) + b.overtimeHours > 24) issue('overtimeHours', '一天最多24小时')
      } else if (b.overtimeHours > 0) issue('overtimeHours', '这一种不记加班')
      if (b.kind === 'contract_quantity' && !b.quantity) issue('quantity', '请填写干了多少，例如 35 平方米')
      if (b.kind === 'advance' && b.amountFen === null) issue('amountFen', '请填写借了多少钱')
      if (b.kind !== 'advance' && b.amountFen !== null) issue('amountFen', '只有借支填钱数，工钱按约定算')
    }),
  )
export type WorklogEntryBody = z.input<typeof worklogEntryBody>

export const worklogEntry = z.object({
  id: z.number(),
  employerId: z.number(),
  date: z.string(),
  kind: z.enum(worklogKinds),
  days: z.nullable(z.number()),
  hours: z.nullable(z.number()),
  overtimeHours: z.number(),
  quantity: z.nullable(z.number()),
  rateFen: z.nullable(z.number()),
  amountFen: z.nullable(z.number()),
  /** What this entry earned at the agreed pay (0 for an advance); null when the pay it needs was never agreed. */
  earnedFen: z.nullable(z.number()),
  note: z.string(),
  /** Server time of the first sync. */
  enteredAt: isoDateTime,
  /** The phone's time of entry. */
  clientEnteredAt: isoDateTime,
  /** Entered on the day it is about: worth more as evidence. */
  onTheDay: z.boolean(),
  /** Last changed after it was first entered, if ever. */
  correctedAt: z.nullable(isoDateTime),
  /** A 零工 day the county confirmed the worker came to (县里确认). */
  countyConfirmed: z.optional(z.boolean()),
})
export type WorklogEntry = z.infer<typeof worklogEntry>

export const worklogPaymentBody = z.object({
  employerId: recordId,
  date: worklogDate,
  amountFen: worklogFields.amountFen,
  method: worklogFields.method,
  note: z._default(worklogFields.note, ''),
  /** A photo of the pay slip or transfer (POST /uploads first). */
  photoId: z._default(z.nullable(uploadIdSchema), null),
  clientEnteredAt: z.optional(z.iso.datetime({ message: '记录时间不对', offset: true })),
})
export type WorklogPaymentBody = z.input<typeof worklogPaymentBody>

export const worklogPayment = z.object({
  id: z.number(),
  employerId: z.number(),
  date: z.string(),
  amountFen: z.number(),
  method: z.enum(paymentMethods),
  note: z.string(),
  photo: z.nullable(attachmentSchema),
  enteredAt: isoDateTime,
  clientEnteredAt: isoDateTime,
  onTheDay: z.boolean(),
})
export type WorklogPayment = z.infer<typeof worklogPayment>

/** Totals of one employer over a month (or over everything): what was worked, earned, received and is still owed. */
export const worklogTotals = z.object({
  /** Days counted (点工 and 包工 by the day). */
  days: z.number(),
  /** 点工 hours counted by the hour. */
  hours: z.number(),
  overtimeHours: z.number(),
  quantity: z.number(),
  earnedFen: z.number(),
  paidFen: z.number(),
  advancesFen: z.number(),
  /** earned − paid − advances; negative when more was paid than earned. */
  owedFen: z.number(),
  /** How it was counted, a line each, in plain words. */
  breakdown: z.array(z.string()),
})
export type WorklogTotals = z.infer<typeof worklogTotals>

export const worklogEmployerSummary = z.object({
  employer: worklogEmployer,
  /** Every month with something logged, newest first. */
  months: z.array(z.object({ month: z.string(), totals: worklogTotals })),
  total: worklogTotals,
})
export type WorklogEmployerSummary = z.infer<typeof worklogEmployerSummary>

export const getWorklogMonth = endpoint({
  method: 'GET',
  path: '/me/worklog',
  access: 'worker',
  summary: 'My log of one month: entries, payments and my employers (owner only)',
  query: z.object({ month: worklogMonth }),
  response: z.object({
    month: z.string(),
    /** Today in China, so the calendar marks it the same on every phone. */
    today: z.string(),
    employers: z.array(worklogEmployer),
    entries: z.array(worklogEntry),
    payments: z.array(worklogPayment),
    /** The employer logged most recently: the one a quick tap logs for. */
    lastEmployerId: z.nullable(z.number()),
  }),
})

export const logWorklogDay = endpoint({
  method: 'POST',
  path: '/me/worklog/days',
  access: 'worker',
  idempotent: true,
  summary: 'Log a day (or hours, a quantity, an advance); the same employer, day and kind again replaces it',
  body: worklogEntryBody,
  response: worklogEntry,
})

export const updateWorklogDay = endpoint({
  method: 'PATCH',
  path: '/me/worklog/days/:id',
  access: 'worker',
  idempotent: true,
  summary: 'Correct one of my entries (kept as first entered: enteredAt and onTheDay do not change)',
  params: z.object({ id: recordIdText }),
  body: worklogEntryBody,
  response: worklogEntry,
})

export const deleteWorklogDay = endpoint({
  method: 'DELETE',
  path: '/me/worklog/days/:id',
  access: 'worker',
  summary: 'Delete one of my entries',
  params: z.object({ id: recordIdText }),
  response: z.object({ deleted: z.literal(true) }),
})

export const addWorklogPayment = endpoint({
  method: 'POST',
  path: '/me/worklog/payments',
  access: 'worker',
  idempotent: true,
  status: 201,
  summary: 'Record pay received from an employer, with an optional photo',
  body: worklogPaymentBody,
  response: worklogPayment,
})

export const deleteWorklogPayment = endpoint({
  method: 'DELETE',
  path: '/me/worklog/payments/:id',
  access: 'worker',
  summary: 'Delete a payment I recorded (its photo goes too)',
  params: z.object({ id: recordIdText }),
  response: z.object({ deleted: z.literal(true) }),
})

export const listWorklogEmployers = endpoint({
  method: 'GET',
  path: '/me/worklog/employers',
  access: 'worker',
  summary: 'My employers, the one logged most recently first',
  response: z.object({ items: z.array(worklogEmployer) }),
})

export const createWorklogEmployer = endpoint({
  method: 'POST',
  path: '/me/worklog/employers',
  access: 'worker',
  idempotent: true,
  status: 201,
  summary: 'Add an employer or site with the agreed pay',
  body: worklogEmployerBody,
  response: worklogEmployer,
})

export const updateWorklogEmployer = endpoint({
  method: 'PATCH',
  path: '/me/worklog/employers/:id',
  access: 'worker',
  idempotent: true,
  summary: 'Change an employer’s name, site or agreed pay (totals are counted again at the new pay)',
  params: z.object({ id: recordIdText }),
  body: worklogEmployerBody,
  response: worklogEmployer,
})

export const getWorklogEmployer = endpoint({
  method: 'GET',
  path: '/me/worklog/employers/:id',
  access: 'worker',
  summary: 'One employer: agreed pay, payments, and what is owed per month and in all',
  params: z.object({ id: recordIdText }),
  response: z.object({ ...worklogEmployerSummary.shape, payments: z.array(worklogPayment) }),
})

export const getWorklogSummary = endpoint({
  method: 'GET',
  path: '/me/worklog/summary',
  access: 'worker',
  summary: 'Per employer and month: days, overtime, earned, paid, advances, owed, and how it was counted',
  query: z.object({ month: z.optional(worklogMonth) }),
  response: z.object({ employers: z.array(worklogEmployerSummary) }),
})

/** ¥1,234.50 → "1234.5元"; whole yuan without decimals. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const rest = abs % 100
  return `${sign}${yuan}${rest ? '.' + String(rest).padStart(2, '0').replace(/0$/, '') : ''}元`
}

/** "12.5" yuan typed in a form → 1250 fen; null when it is not a money amount with at most two decimals. */
export function yuanTextToFen(text: string): number | null {
  const t = text.trim()
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(t)) return null
  const [whole, part = ''] = t.split('.')
  return Number(whole) * 100 + Number(part.padEnd(2, '0'))
}
