/**
 * Shapes of the seed records. Seed data is written against these (server/seed/data/*),
 * and the seeder turns them into rows. Dates are relative to the seeding clock so the
 * sample postings and courses stay current whenever the database is first created.
 * Every record has a stable `key`: seeding inserts what is missing and never duplicates.
 */
import type { Benefit, CourseMode, StationType, Trade } from '../../types'

export interface StationSeed {
  key: string
  type: StationType
  name: string
  province: string
  city: string
  district: string
  address: string
  /** GCJ-02 */
  lat: number
  lng: number
  phone: string
  contactPerson: string
  openingHours: string
  services: Array<'就业信息' | '创业指导' | '技能培训' | '权益维护' | '政策咨询'>
  memberCount: number | null
}

export interface BrandSeed {
  key: string
  name: string
  level: '省级' | '市级' | '县级'
  trade: Trade
  story: string
}

export interface JobSeed {
  key: string
  title: string
  employerName: string
  /** The employer's own line; shown only when the employer is verified. */
  employerPhone: string
  employerVerified: boolean
  /** Station key that verified the employer (null when unverified). */
  verifiedByKey: string | null
  /** Station key the posting came through. */
  sourceStationKey: string
  trade: Trade
  province: string
  city: string
  district: string
  address: string
  /** GCJ-02 */
  lat: number
  lng: number
  wageMinYuan: number
  wageMaxYuan: number
  wageUnit: 'month' | 'day' | 'piece'
  headcount: number
  ageMin: number
  ageMax: number
  benefits: Benefit[]
  shifts: string
  hoursPerDay: number
  requirements: string
  description: string
  postedDaysAgo: number
  /** Days from posting to expiry. */
  validDays: number
  status: 'open' | 'filled' | 'closed'
}

export interface CourseSeed {
  key: string
  title: string
  trade: Trade
  mode: CourseMode
  provider: string
  location: string
  /** Days from the seeding date. */
  startInDays: number
  durationDays: number
  enrollDeadlineInDays: number
  sessions: number
  capacity: number
  costYuan: number
  subsidyYuan: number
  certificate: string
  certificateLevel: string
  requirements: string
  description: string
  brandKey: string | null
  partnerEmployer: string | null
  destinationCity: string | null
  expectedWageYuan: number | null
  agreementText: string | null
}
