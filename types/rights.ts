/**
 * Rights help (维权): a worker's request for help with unpaid wages, an injury, a contract or social
 * insurance, routed to a station and tracked to its close. Handled under the county's 首问负责制
 * (the officer who accepts a case answers for it to the end) and 首办告结制 (it is closed only when
 * the worker confirms, or 7 days after the outcome).
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { isoDateTime, recordId } from './common'
import { attachmentSchema, uploadIdSchema } from './uploads'
import { phoneSchema, noHiddenChars } from './validators'
import { countyCities } from './destinations'

export const rightsCategories = ['unpaid_wages', 'injury', 'contract', 'social_insurance', 'other'] as const
export type RightsCategory = (typeof rightsCategories)[number]
export const rightsCategoryLabel: Record<RightsCategory, string> = {
  unpaid_wages: '欠薪',
  injury: '工伤',
  contract: '劳动合同',
  social_insurance: '社保',
  other: '其他',
}
/** One line under each category card, in the worker's words. */
export const rightsCategoryHint: Record<RightsCategory, string> = {
  unpaid_wages: '干了活，老板不给钱或少给钱',
  injury: '干活时受了伤、得了病',
  contract: '不签合同、随便辞退、押证件',
  social_insurance: '不交社保、断交社保',
  other: '别的事也可以说',
}

export const rightsStatuses = ['submitted', 'accepted', 'in_progress', 'resolved', 'referred', 'closed'] as const
export type RightsStatus = (typeof rightsStatuses)[number]
export const rightsStatusLabel: Record<RightsStatus, string> = {
  submitted: '已提交，等待受理',
  accepted: '已受理',
  in_progress: '正在办理',
  resolved: '已解决',
  referred: '已转交有关部门',
  closed: '已结束',
}

/** The moves staff may make; everything else is 409. `closed` is reached only by the worker or the 7-day rule. */
export const rightsStaffTransitions: Record<RightsStatus, readonly RightsStatus[]> = {
  submitted: ['accepted'],
  accepted: ['in_progress'],
  in_progress: ['resolved', 'referred'],
  resolved: [],
  referred: [],
  closed: [],
}
/** States from which the worker may confirm and rate (and which close by themselves after 7 days). */
export const rightsConcludedStatuses: readonly RightsStatus[] = ['resolved', 'referred']
export const rightsAutoCloseDays = 7
/** A case still waiting to be accepted after this long is overdue in the staff queue. */
export const rightsAcceptWithinHours = 24

export const rightsReferralTargets = ['labour_inspection', 'arbitration'] as const
export type RightsReferralTarget = (typeof rightsReferralTargets)[number]
export const rightsReferralLabel: Record<RightsReferralTarget, string> = {
  labour_inspection: '劳动保障监察',
  arbitration: '劳动人事争议仲裁',
}

export const contactTimes = ['any', 'morning', 'noon', 'evening'] as const
export type ContactTime = (typeof contactTimes)[number]
export const contactTimeLabel: Record<ContactTime, string> = { any: '什么时候都行', morning: '上午', noon: '中午', evening: '晚上' }

/**
 * The destination cities of the county's workers (the seed's stations and postings), with their province:
 * a case is routed to a station in the province of its work city. A city not listed here is matched by a
 * province name at its start ("江苏常州"), else the case goes to the county service centre.
 */
export const destinationCities: Record<string, string> = {
  天津市: '天津市',
  上海市: '上海市',
  北京市: '北京市',
  惠州市: '广东省',
  大同市: '山西省',
  呼和浩特市: '内蒙古自治区',
  鄂尔多斯市: '内蒙古自治区',
  成都市: '四川省',
  西安市: '陕西省',
  兰州市: '甘肃省',
  天水市: '甘肃省',
  金昌市: '甘肃省',
  乌鲁木齐市: '新疆维吾尔自治区',
  昌吉回族自治州: '新疆维吾尔自治区',
  阿克苏地区: '新疆维吾尔自治区',
  烟台市: '山东省',
  无锡市: '江苏省',
  苏州市: '江苏省',
  昆山市: '江苏省',
  常州市: '江苏省',
  西宁市: '青海省',
  宁波市: '浙江省',
  金华市: '浙江省',
  // 江阴, 义乌, 晋江 …: routed to the stations of their prefecture (destinations.ts).
  ...Object.fromEntries(countyCities.map((c) => [c.city, c.province])),
}

export const provinces = [
  '北京市', '天津市', '上海市', '重庆市', '河北省', '山西省', '辽宁省', '吉林省', '黑龙江省', '江苏省', '浙江省', '安徽省',
  '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '海南省', '四川省', '贵州省', '云南省', '陕西省',
  '甘肃省', '青海省', '台湾省', '内蒙古自治区', '广西壮族自治区', '西藏自治区', '宁夏回族自治区', '新疆维吾尔自治区',
  '香港特别行政区', '澳门特别行政区',
] as const

/** The province of a work city as a worker types it: "苏州" and "苏州市" and "江苏苏州" all find 江苏省. */
export function provinceOfCity(city: string): string | null {
  const text = city.trim()
  if (!text) return null
  const exact = destinationCities[text] ?? destinationCities[`${text}市`]
  if (exact) return exact
  for (const province of provinces) {
    const short = province.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '')
    if (text.startsWith(short)) return province
  }
  return null
}

const text = (min: number, max: number, tooShort: string) =>
  z.string().check(noHiddenChars, z.trim(), z.minLength(min, tooShort), z.maxLength(max, `最多写${max}个字`))
const monthSchema = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '请选择年份和月份'))

/** Each field's own rule, so the app checks a step with exactly what the server will check. */
export const rightsFields = {
  category: z.enum(rightsCategories, '请选择遇到了什么事'),
  description: text(10, 2000, '请至少写10个字，说清楚发生了什么'),
  employerName: text(2, 100, '请写老板或单位的名字，至少2个字'),
  workCity: text(2, 30, '请写在哪个城市干活'),
  workAddress: text(2, 200, '请写干活的地方，大概位置也行'),
  workedFrom: monthSchema,
  workedTo: z.nullable(monthSchema),
  amountOwedYuan: z.nullable(
    z.number('请填写数字（元）').check(z.int('请填写整数（元）'), z.gte(0, '钱数不能是负数'), z.lte(100_000_000, '钱数太大了，请核对')),
  ),
  workersAffected: z.number('请填写人数').check(z.int('请填写整数'), z.gte(1, '至少1个人'), z.lte(10_000, '人数太多了，请核对')),
  contactName: z.nullable(
    z.string().check(noHiddenChars, z.trim(), z.minLength(2, '姓名至少2个字'), z.maxLength(20, '姓名最多20个字'), z.regex(/^[\u4e00-\u9fa5·A-Za-z ]+$/, '姓名只能是汉字或字母')),
  ),
  contactPhone: phoneSchema,
  contactTime: z.enum(contactTimes, '请选择方便接电话的时间'),
  attachmentIds: z.array(uploadIdSchema).check(z.maxLength(9, '最多传9张照片')),
  applicationId: z.nullable(recordId),
}

export const createRightsRequestBody = z
  .object({
    category: rightsFields.category,
    description: rightsFields.description,
    employerName: rightsFields.employerName,
    workCity: rightsFields.workCity,
    workAddress: rightsFields.workAddress,
    workedFrom: rightsFields.workedFrom,
    /** null or absent: still working there */
    workedTo: z.optional(rightsFields.workedTo),
    /** Required for unpaid wages. */
    amountOwedYuan: z.optional(rightsFields.amountOwedYuan),
    workersAffected: z._default(rightsFields.workersAffected, 1),
    /** Defaults to the account's name. */
    contactName: z.optional(rightsFields.contactName),
    /** Defaults to the account's phone. */
    contactPhone: z.optional(rightsFields.contactPhone),
    contactTime: z._default(rightsFields.contactTime, 'any'),
    attachmentIds: z._default(rightsFields.attachmentIds, []),
    /** The job application (one of the caller's) the trouble is about, if any. */
    applicationId: z.optional(rightsFields.applicationId),
    /** 记工: one of the caller's employers, whose log goes with the case as an evidence sheet (with its digest). */
    worklogEmployerId: z.optional(z.nullable(recordId)),
  })
  .check(
    // `when`: run even if another field failed, so the worker sees every problem at once.
    z.refine((b) => b.category !== 'unpaid_wages' || typeof b.amountOwedYuan === 'number', {
      message: '被欠工资，请填写欠了多少钱',
      path: ['amountOwedYuan'],
      when: (p) => (p.value as { category?: unknown })?.category === 'unpaid_wages',
    }),
    z.refine((b) => !b.workedTo || !b.workedFrom || b.workedTo >= b.workedFrom, {
      message: '结束时间不能早于开始时间',
      path: ['workedTo'],
      when: (p) => {
        const v = p.value as { workedFrom?: unknown; workedTo?: unknown }
        const month = /^\d{4}-(0[1-9]|1[0-2])$/
        return typeof v?.workedFrom === 'string' && typeof v?.workedTo === 'string' && month.test(v.workedFrom) && month.test(v.workedTo)
      },
    }),
  )
export type CreateRightsRequestBody = z.input<typeof createRightsRequestBody>

export const rightsEventKinds = ['submitted', 'status', 'message', 'note', 'call'] as const
export const rightsEvent = z.object({
  id: z.number(),
  /**
   * submitted: the request itself; status: a move; message: the worker added information; note: staff wrote
   * without a move; call: the first-responsible officer tapped 打电话 (internal, never in the worker's view)
   */
  kind: z.enum(rightsEventKinds),
  fromStatus: z.nullable(z.enum(rightsStatuses)),
  toStatus: z.nullable(z.enum(rightsStatuses)),
  text: z.string(),
  author: z.enum(['worker', 'staff', 'system']),
  /** The staff member's display name, for staff entries. */
  staffName: z.nullable(z.string()),
  /**
   * Always true in a worker's view: internal notes are left out of it, and a move made with an internal
   * note shows the move with empty `text`.
   */
  visibleToWorker: z.boolean(),
  attachments: z.array(attachmentSchema),
  at: isoDateTime,
})
export type RightsEvent = z.infer<typeof rightsEvent>

export const rightsStationRef = z.object({ id: z.number(), name: z.string(), phone: z.string() })

export const rightsRequest = z.object({
  trackingNo: z.string(),
  category: z.enum(rightsCategories),
  status: z.enum(rightsStatuses),
  /** Not accepted within 24 hours of submission. */
  overdue: z.boolean(),
  /** 只留电话，请回电: only the category and a phone were given; the text fields below are empty. Optional so older copies parse. */
  callbackOnly: z.optional(z.boolean()),
  description: z.string(),
  employerName: z.string(),
  workCity: z.string(),
  workProvince: z.nullable(z.string()),
  workAddress: z.string(),
  workedFrom: z.string(),
  workedTo: z.nullable(z.string()),
  amountOwedYuan: z.nullable(z.number()),
  workersAffected: z.number(),
  /** null when the worker left no name, or once the account is deleted (then `requesterDeleted`). */
  contactName: z.nullable(z.string()),
  /** Masked (139****0002) for everyone but the first-responsible officer; null once the account is deleted. */
  contactPhone: z.nullable(z.string()),
  /** The worker deleted the account: name and phone are erased. Always sent; optional so older copies parse. */
  requesterDeleted: z.optional(z.boolean()),
  /** The reader sees the whole number and may call it (the first-responsible officer); each call is recorded. */
  mayCall: z.optional(z.boolean()),
  contactTime: z.enum(contactTimes),
  attachments: z.array(attachmentSchema),
  applicationId: z.nullable(z.number()),
  /** Who handles it: the station of the work city's province, else the county service centre. */
  station: z.nullable(rightsStationRef),
  /** 首问负责人: the officer who accepted the case. */
  firstResponsible: z.nullable(z.object({ name: z.string() })),
  referredTo: z.nullable(z.enum(rightsReferralTargets)),
  rating: z.nullable(z.number()),
  ratingComment: z.nullable(z.string()),
  submittedAt: isoDateTime,
  acceptedAt: z.nullable(isoDateTime),
  /** When it was resolved or referred. */
  concludedAt: z.nullable(isoDateTime),
  /** When it closes by itself unless the worker confirms first. */
  autoCloseAt: z.nullable(isoDateTime),
  closedAt: z.nullable(isoDateTime),
  timeline: z.array(rightsEvent),
})
export type RightsRequest = z.infer<typeof rightsRequest>

/**
 * A tracking number a worker can read out on the phone: the year and a six-digit number, 2026-000123. Numbers given
 * out before carried a WS- prefix (WS-2026-000123); they are still accepted and mean the same case.
 */
export const trackingNoPattern = /^(?:WS-)?\d{4}-\d{6}$/i
/** WS-2026-000123 (an old number, any case, with stray spaces) → 2026-000123, the form stored and shown. */
export const normaliseTrackingNo = (no: string): string => no.trim().replace(/^WS-/i, '')
export const formatTrackingNo = (year: number, seq: number): string => `${year}-${String(seq).padStart(6, '0')}`
export const createRightsRequest = endpoint({
  method: 'POST',
  path: '/rights-requests',
  access: 'worker',
  idempotent: true,
  status: 201,
  summary: 'Ask for help; routed to a station, answered with the case and its tracking number',
  body: createRightsRequestBody,
  response: rightsRequest,
})

/** 在办: the cases someone still has to act on. */
export const rightsOpenStatuses: readonly RightsStatus[] = ['submitted', 'accepted', 'in_progress']
