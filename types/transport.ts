import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDateTime, listOf, pageQuery } from './common'
import { townships } from './me'
import { noHiddenChars } from './validators'

/**
 * 点对点 transport: the county charters a bus (专车), a train (专列) or carriages on a train (专厢) and takes a
 * batch of workers straight from the township to the employer's city.
 */
export const vehicleKinds = ['bus', 'train', 'carriage'] as const
export type VehicleKind = (typeof vehicleKinds)[number]
/** The official names, for staff. */
export const vehicleKindLabel: Record<VehicleKind, string> = { bus: '专车', train: '专列', carriage: '专厢' }
/** What a worker sees: what they will actually ride. */
export const vehicleKindPlainLabel: Record<VehicleKind, string> = { bus: '专车', train: '包下的整趟火车', carriage: '火车上包下的车厢' }

/** `full` is never stored: an open batch with no seats left is full. */
export const batchStatuses = ['open', 'full', 'departed', 'cancelled'] as const
export type BatchStatus = (typeof batchStatuses)[number]
export const batchStatusLabel: Record<BatchStatus, string> = { open: '可以报名', full: '座位已满', departed: '已发车', cancelled: '已取消' }

export const townshipSchema = z.enum(townships)

export const transportBatch = z.object({
  id: z.number(),
  /** When the vehicle leaves */
  departAt: isoDateTime,
  departureTownship: townshipSchema,
  destinationProvince: z.string(),
  destinationCity: z.string(),
  /** The station (labour station, Party branch or recruitment point) the batch serves, if any. */
  station: z.nullable(z.object({ id: z.number(), name: z.string() })),
  /** The employer the workers go to, if one. */
  employer: z.nullable(z.string()),
  vehicleKind: z.enum(vehicleKinds),
  seats: z.number(),
  seatsLeft: z.number(),
  status: z.enum(batchStatuses),
  /** The boarding notice: where and when to meet, what to bring, anything else. */
  meetingPoint: z.string(),
  meetAt: isoDateTime,
  whatToBring: z.string(),
  notes: z.string(),
  /** Why the county cancelled the batch; null unless it is cancelled. */
  cancelReason: z.nullable(z.string()),
  isSample: z.boolean(),
})
export type TransportBatch = z.infer<typeof transportBatch>

export const transportSignupStatuses = ['active', 'cancelled'] as const

export const transportSignup = z.object({
  id: z.number(),
  batchId: z.number(),
  status: z.enum(transportSignupStatuses),
  createdAt: isoDateTime,
  cancelledAt: z.nullable(isoDateTime),
  batch: transportBatch,
})
export type TransportSignup = z.infer<typeof transportSignup>

export const transportBatchDetail = z.extend(transportBatch, {
  /** The caller's live seat on this batch, when a worker token is sent. */
  mySignup: z.nullable(z.object({ id: z.number(), createdAt: isoDateTime })),
})
export type TransportBatchDetail = z.infer<typeof transportBatchDetail>

// A real month of this century: 2026-13 or 9999-12 has no calendar window to search in.
const monthSchema = z.string().check(z.regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份不对，请按 2026-01 这样填'))

export const listTransportBatches = endpoint({
  method: 'GET',
  path: '/transport-batches',
  access: 'public',
  summary: 'Upcoming open batches by departure time; destination is a city (or province) name, month YYYY-MM (China time)',
  query: z.object({
    destination: z.optional(z.string().check(noHiddenChars, z.trim(), z.maxLength(30, '最多30个字'))),
    month: z.optional(monthSchema),
    ...pageQuery,
  }),
  response: listOf(transportBatch),
})

export const getTransportBatch = endpoint({
  method: 'GET',
  path: '/transport-batches/:id',
  access: 'optional',
  summary: 'One batch; with a worker token, mySignup is that worker\'s live seat (or null)',
  params: idParam,
  response: transportBatchDetail,
})

export const signUpForTransport = endpoint({
  method: 'POST',
  path: '/transport-batches/:id/signups',
  access: 'worker',
  idempotent: true,
  status: 201,
  summary:
    'Take a seat: exact under concurrency; one seat per worker per batch (a repeat returns it); ' +
    '409 when full, departed, cancelled or past the meeting time',
  params: idParam,
  response: transportSignup,
})

export const cancelTransportSignup = endpoint({
  method: 'DELETE',
  path: '/transport-signups/:id',
  access: 'worker',
  summary: 'Give my seat up (frees it at once); 409 once the vehicle has left; anyone else\'s is 404',
  params: idParam,
  response: transportSignup,
})

export const listMyTransportSignups = endpoint({
  method: 'GET',
  path: '/me/transport-signups',
  access: 'worker',
  summary: 'My seats, newest first, with the batch and its boarding notice',
  response: z.object({ items: z.array(transportSignup) }),
})

// ── Staff ──

const text = (max: number) => z.string().check(noHiddenChars, z.trim(), z.minLength(1, '请填写这一项'), z.maxLength(max, `最多${max}个字`))
const longText = (max: number) => z.string().check(noHiddenChars, z.trim(), z.maxLength(max, `最多${max}个字`))
const instant = z.string().check(
  z.refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), '时间格式应为 2026-01-31T08:00:00+08:00'),
)

export const createTransportBatchBody = z.object({
  departAt: instant,
  /** Defaults to one hour before departAt. */
  meetAt: z.optional(instant),
  departureTownship: townshipSchema,
  meetingPoint: text(100),
  destinationProvince: text(20),
  destinationCity: text(30),
  /** Station staff: their own station (the default). Admins: any station or none. */
  stationId: z.optional(z.nullable(z.number().check(z.int('编号不对'), z.positive('编号不对')))),
  employer: z._default(z.nullable(text(60)), null),
  vehicleKind: z.enum(vehicleKinds),
  seats: z.number().check(z.int('请填写整数'), z.gte(1, '至少1个座位'), z.lte(2000, '最多2000个座位')),
  whatToBring: z._default(longText(300), '身份证、手机和充电器、换洗衣服、路上吃的'),
  notes: z._default(longText(1000), ''),
})
export type CreateTransportBatchBody = z.input<typeof createTransportBatchBody>

export const staffCreateTransportBatch = endpoint({
  method: 'POST',
  path: '/staff/transport-batches',
  access: 'staff',
  idempotent: true,
  status: 201,
  summary: 'Admins (any station), station staff (their own station): schedule a batch; departure in the future, meeting before it',
  body: createTransportBatchBody,
  response: transportBatch,
})

export const manifestRider = z.object({
  seq: z.number(),
  signupId: z.number(),
  name: z.nullable(z.string()),
  /** Masked unless the caller is an admin. */
  phone: z.string(),
  hometownTownship: z.nullable(z.string()),
  signedUpAt: isoDateTime,
})
export type ManifestRider = z.infer<typeof manifestRider>

export const manifestQuery = z.object({ format: z._default(z.enum(['json', 'csv']), 'json') })
export const transportManifest = z.object({ batch: transportBatch, riders: z.array(manifestRider) })

/**
 * `format=csv` answers text/csv (UTF-8 with BOM so Excel reads the Chinese, headers in Chinese) instead of this JSON.
 */
export const staffTransportManifest = endpoint({
  method: 'GET',
  path: '/staff/transport-batches/:id/manifest',
  access: 'staff',
  summary: 'Admins and the batch\'s own station: who rides, in sign-up order; phones masked unless admin',
  params: idParam,
  query: manifestQuery,
  files: ['csv'],
  response: transportManifest,
})

export const staffDepartTransportBatch = endpoint({
  method: 'POST',
  path: '/staff/transport-batches/:id/depart',
  access: 'staff',
  summary: 'Admins and the batch\'s own station: mark it departed; its riders count as sent out (a repeat is a no-op)',
  params: idParam,
  response: z.extend(transportBatch, { riders: z.number() }),
})

/** A batch as staff run it: how many seats are taken, and when it left or was called off. */
export const staffTransportBatch = z.extend(transportBatch, {
  seatsTaken: z.number(),
  departedAt: z.nullable(isoDateTime),
  cancelledAt: z.nullable(isoDateTime),
})
export type StaffTransportBatch = z.infer<typeof staffTransportBatch>

/** What is stored (`full` is an open batch with no seats left, so it is found under `open`). */
export const staffBatchFilters = ['open', 'departed', 'cancelled'] as const

export const staffListTransportBatches = endpoint({
  method: 'GET',
  path: '/staff/transport-batches',
  access: 'staff',
  summary: "Admins every batch, station staff their own station's: latest departure first, with seats taken",
  query: z.object({ status: z.optional(z.enum(staffBatchFilters)), ...pageQuery }),
  response: listOf(staffTransportBatch),
})

export const cancelTransportBatchBody = z.object({
  /** What the riders read in 我报名的车, e.g. 用工单位推迟到下月开工. */
  reason: text(200),
})

export const staffCancelTransportBatch = endpoint({
  method: 'POST',
  path: '/staff/transport-batches/:id/cancel',
  access: 'staff',
  summary:
    "Admins and the batch's own station: call the batch off with a reason; every seat is given back and the riders " +
    'see it cancelled with the reason; 409 once departed (a repeat changes nothing)',
  params: idParam,
  body: cancelTransportBatchBody,
  response: z.extend(transportBatch, { released: z.number() }),
})

export const updateTransportBatchBody = z.object({
  departAt: z.optional(instant),
  /** Without it, a moved departure keeps its gap to the meeting time. */
  meetAt: z.optional(instant),
  meetingPoint: z.optional(text(100)),
})
export type UpdateTransportBatchBody = z.input<typeof updateTransportBatchBody>

export const staffUpdateTransportBatch = endpoint({
  method: 'PATCH',
  path: '/staff/transport-batches/:id',
  access: 'staff',
  idempotent: true,
  summary:
    "Admins and the batch's own station: move the departure time, the meeting time or the meeting point; every rider " +
    'with a seat is told in the same transaction (inbox, and SMS by default); 400 once departed or cancelled',
  params: idParam,
  body: updateTransportBatchBody,
  response: z.extend(transportBatch, { told: z.number() }),
})

/** The manifest's CSV columns, in order. */
export const manifestCsvHeaders = ['序号', '姓名', '手机号', '家乡乡镇', '报名时间'] as const

export const announceTransportBatchBody = z.object({
  /** What every rider reads, e.g. 集合地点改到县汽车站; short, as an SMS and a WeChat notice carry it. */
  text: text(60),
})

export const staffAnnounceTransportBatch = endpoint({
  method: 'POST',
  path: '/staff/transport-batches/:id/announce',
  access: 'staff',
  idempotent: true,
  summary:
    "Admins and the batch's own station: a short message to every rider of the batch (inbox, and WeChat or SMS as " +
    'each chose), through the notification queue; audited; a replay with the same key sends nothing again',
  params: idParam,
  body: announceTransportBatchBody,
  response: z.object({ riders: z.number() }),
})
