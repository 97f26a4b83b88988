import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDateTime, listOf } from './common'
import { noHiddenChars } from './validators'

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

/** A city that has at least one organisation, for the "choose a city" fallback when there is no position. */
export const stationCity = z.object({
  province: z.string(),
  city: z.string(),
  /** GCJ-02: the city's Party branch if it has one, else its labour station, else its first organisation. */
  lat: z.number(),
  lng: z.number(),
  stationCount: z.number(),
})
export type StationCity = z.infer<typeof stationCity>

export const listStationCities = endpoint({
  method: 'GET',
  path: '/stations/cities',
  access: 'public',
  summary: 'Cities that have an organisation, each with a representative GCJ-02 point',
  response: z.object({ items: z.array(stationCity) }),
})

const memberName = z.string().check(noHiddenChars, 
  z.trim(),
  z.minLength(2, '姓名至少2个字'),
  z.maxLength(20, '姓名最多20个字'),
  z.regex(/^[\u4e00-\u9fa5·A-Za-z ]+$/, '姓名只能是汉字或字母'),
)

/** The first year anyone could have joined is 1921; the upper bound is checked against today on the server. */
export const partyMemberBody = z.object({
  name: memberName,
  joinedPartyYear: z.optional(
    z.nullable(z.number().check(z.int('请填写年份，例如 2008'), z.gte(1921, '年份不对'), z.lte(2100, '年份不对'))),
  ),
  note: z.optional(z.nullable(z.string().check(noHiddenChars, z.trim(), z.maxLength(200, '最多200个字')))),
})
export type PartyMemberBody = z.input<typeof partyMemberBody>

/** A worker's registration with a Party branch, as the worker sees it. */
export const partyMembership = z.object({
  id: z.number(),
  stationId: z.number(),
  stationName: z.string(),
  name: z.string(),
  joinedPartyYear: z.nullable(z.number()),
  note: z.nullable(z.string()),
  createdAt: isoDateTime,
})
export type PartyMembership = z.infer<typeof partyMembership>

/** The same registration as the branch's staff see it: the phone masked, as everywhere staff look. */
export const branchMember = z.object({
  id: z.number(),
  name: z.string(),
  /** 139****0002 */
  phone: z.string(),
  joinedPartyYear: z.nullable(z.number()),
  note: z.nullable(z.string()),
  createdAt: isoDateTime,
})
export type BranchMember = z.infer<typeof branchMember>

export const registerPartyMember = endpoint({
  method: 'POST',
  path: '/stations/:id/members',
  access: 'worker',
  idempotent: true,
  status: 201,
  summary: 'Register as a mobile Party member with a Party branch; needs the party_membership consent; once per branch',
  params: idParam,
  body: partyMemberBody,
  response: partyMembership,
})

export const listMyPartyMemberships = endpoint({
  method: 'GET',
  path: '/me/party-memberships',
  access: 'worker',
  summary: 'The branches I registered with',
  response: z.object({ items: z.array(partyMembership) }),
})

export const listBranchMembers = endpoint({
  method: 'GET',
  path: '/staff/stations/:id/members',
  access: 'staff',
  summary: "A branch's registered members: that branch's staff and admins only",
  params: idParam,
  response: z.object({ items: z.array(branchMember) }),
})
