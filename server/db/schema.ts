/**
 * Row types, one interface per table, as stored on both dialects:
 * timestamps are ISO-8601 UTC text, dates 'YYYY-MM-DD' text, booleans 0/1,
 * arrays JSON text, money integer yuan.
 */
import type { Generated, Insertable, Selectable } from 'kysely'

/** 0 or 1: SQLite has no boolean type, so PostgreSQL stores the same integers. */
export type Flag = 0 | 1

export interface StationTable {
  id: Generated<number>
  seed_key: string | null
  type: string
  name: string
  province: string
  city: string
  district: string
  address: string
  lat: number
  lng: number
  phone: string
  contact_person: string
  opening_hours: string
  /** JSON array of stationServices */
  services: string
  member_count: number | null
  is_sample: Flag
  created_at: string
}

export interface BrandTable {
  id: Generated<number>
  seed_key: string | null
  name: string
  level: string
  trade: string
  story: string
  is_sample: Flag
  created_at: string
}

export interface JobTable {
  id: Generated<number>
  seed_key: string | null
  title: string
  employer_name: string
  employer_phone: string
  employer_verified: Flag
  verified_by_station_id: number | null
  verified_at: string | null
  source_station_id: number
  trade: string
  province: string
  city: string
  district: string
  address: string
  lat: number
  lng: number
  wage_min_yuan: number
  wage_max_yuan: number
  wage_unit: string
  /** JSON array of benefits */
  benefits: string
  headcount: number
  age_min: number
  age_max: number
  shifts: string
  hours_per_day: number
  requirements: string
  description: string
  status: string
  posted_at: string
  /** Last day the posting is shown, inclusive (China date). */
  expires_at: string
  is_sample: Flag
  created_at: string
}

export interface CourseTable {
  id: Generated<number>
  seed_key: string | null
  title: string
  trade: string
  mode: string
  provider: string
  location: string
  start_date: string
  end_date: string
  enroll_deadline: string
  sessions: number
  capacity: number
  /** Kept in step with enrollments (same transaction) once enrolment exists; seatsLeft = capacity - this. */
  enrolled_count: number
  cost_yuan: number
  subsidy_yuan: number
  certificate: string
  certificate_level: string
  requirements: string
  description: string
  brand_id: number | null
  partner_employer: string | null
  destination_city: string | null
  expected_wage_yuan: number | null
  agreement_text: string | null
  is_sample: Flag
  created_at: string
}

export interface IdempotencyKeyTable {
  id: Generated<number>
  /** caller + method + path template + concrete params */
  scope: string
  key: string
  request_hash: string
  status_code: number
  /** JSON text of the first response */
  response_body: string
  created_at: string
}

export interface UserTable {
  id: Generated<number>
  /** HMAC of the phone number; null on a deleted account. */
  phone_hash: string | null
  /** AES-GCM of the phone number */
  phone_enc: string | null
  wechat_openid_hash: string | null
  name: string | null
  hometown_township: string | null
  hometown_village: string | null
  /** AES-GCM of the ID number */
  id_number_enc: string | null
  /** JSON array of trades */
  trades: string
  skills: string
  working_away: Flag
  current_city: string | null
  returned_home: Flag
  willing_to_go_out: Flag
  poverty_alleviated: Flag
  created_at: string
  updated_at: string
  deleted_at: string | null
}

export interface ConsentTable {
  id: Generated<number>
  user_id: number
  kind: string
  version: string
  granted: Flag
  at: string
}

export interface SmsCodeTable {
  id: Generated<number>
  phone_hash: string
  ip_hash: string
  code_hash: string
  day: string
  attempts: number
  created_at: string
  expires_at: string
  used_at: string | null
}

export interface DevSmsOutboxTable {
  id: Generated<number>
  phone_hash: string
  code: string
  sent_at: string
}

export interface WechatTicketTable {
  ticket_hash: string
  openid_hash: string
  created_at: string
  expires_at: string
}

export interface StaffTable {
  id: Generated<number>
  username: string
  display_name: string
  role: string
  station_id: number | null
  password_hash: string
  failed_attempts: number
  locked_until: string | null
  created_at: string
}

export interface SessionTable {
  id: Generated<number>
  token_hash: string
  kind: 'worker' | 'staff'
  user_id: number | null
  staff_id: number | null
  created_at: string
  last_used_at: string
  expires_at: string
}

export interface DB {
  stations: StationTable
  brands: BrandTable
  jobs: JobTable
  courses: CourseTable
  idempotency_keys: IdempotencyKeyTable
  users: UserTable
  consents: ConsentTable
  sms_codes: SmsCodeTable
  dev_sms_outbox: DevSmsOutboxTable
  wechat_tickets: WechatTicketTable
  staff: StaffTable
  sessions: SessionTable
}

export type StationRow = Selectable<StationTable>
export type NewStation = Insertable<StationTable>
export type BrandRow = Selectable<BrandTable>
export type JobRow = Selectable<JobTable>
export type NewJob = Insertable<JobTable>
export type CourseRow = Selectable<CourseTable>
export type NewCourse = Insertable<CourseTable>
export type UserRow = Selectable<UserTable>
export type StaffRow = Selectable<StaffTable>
export type SessionRow = Selectable<SessionTable>
