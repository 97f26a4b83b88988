import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, listOf } from './common'

export const stationTypes = ['party_branch', 'labour_station', 'recruitment_point', 'service_centre'] as const
export type StationType = (typeof stationTypes)[number]
export const stationTypeLabel: Record<StationType, string> = {
  party_branch: '流动党员党支部',
  labour_station: '驻外劳务工作站',
  recruitment_point: '企业直招点',
  service_centre: '县劳务输转服务中心',
}

/** The five services every organisation offers in some measure (五位一体). */
export const stationServices = ['就业信息', '创业指导', '技能培训', '权益维护', '政策咨询'] as const

export const station = z.object({
  id: z.number(),
  type: z.enum(stationTypes),
  name: z.string(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  address: z.string(),
  /** GCJ-02 */
  lat: z.number(),
  lng: z.number(),
  phone: z.string(),
  contactPerson: z.string(),
  openingHours: z.string(),
  services: z.array(z.enum(stationServices)),
  /** Party branches only */
  memberCount: z.nullable(z.number()),
  isSample: z.boolean(),
  /** Present when the request gave a position */
  distanceKm: z.optional(z.number()),
})
export type Station = z.infer<typeof station>

const latitude = z.coerce.number().check(z.gte(-90, '纬度应在 -90 到 90 之间'), z.lte(90, '纬度应在 -90 到 90 之间'))
const longitude = z.coerce
  .number()
  .check(z.gte(-180, '经度应在 -180 到 180 之间'), z.lte(180, '经度应在 -180 到 180 之间'))

export const listStations = endpoint({
  method: 'GET',
  path: '/stations',
  access: 'public',
  summary: 'Organisations; nearest first with distanceKm when lat/lng (GCJ-02) are given, else by province',
  query: z
    .object({
      type: z.optional(z.enum(stationTypes)),
      lat: z.optional(latitude),
      lng: z.optional(longitude),
      limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 100),
    })
    .check(
      z.refine((q) => (q.lat === undefined) === (q.lng === undefined), {
        message: '经纬度要一起提供',
        path: ['lng'],
      }),
    ),
  response: listOf(station),
})

export const getStation = endpoint({
  method: 'GET',
  path: '/stations/:id',
  access: 'public',
  summary: 'One organisation',
  params: idParam,
  response: station,
})
