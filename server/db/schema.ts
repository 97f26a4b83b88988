/**
 * Row types, one interface per table, as stored on both dialects:
 * timestamps are ISO-8601 UTC text, dates 'YYYY-MM-DD' text, booleans 0/1,
 * arrays JSON text, money integer yuan.
 */
import type { Generated, Selectable } from 'kysely'

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
  /** Raised by the database on every update (0038): a kept card built from this row is stale once it moves. */
  row_version: Generated<number>
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
  /** ok | pending (hidden: reported by several workers, awaiting staff) | cleared | removed */
  review_status: Generated<string>
  /** The staff member who verified the employer (0007). */
  verified_by_staff_id: Generated<number | null>
  /** general | workshop (帮扶车间) | public_welfare (公益性岗位) | day_work (零工) (0033) */
  kind: Generated<string>
  /** The employer record (0032); the seed and staff writes always set it. */
  employer_id: number | null
  /** What a worker asks first (0032). Null is unknown, shown 未说明. The pay type itself is wage_unit. */
  /** same_day | weekly | monthly | on_completion */
  pay_schedule: string | null
  /** Day of the month wages are paid (monthly pay) */
  pay_day: number | null
  /** jobDaysOff */
  days_off: string | null
  /** provided | allowance | none */
  meals: string | null
  /** dorm | couple | allowance | none */
  housing: string | null
  /** paid | injury_only | none */
  social_insurance: string | null
  /** paid | included | no_overtime */
  overtime_pay: string | null
  /** 0 = none */
  probation_months: number | null
  /** Hired applications, counted in the transaction that hires; at headcount the posting is filled. */
  hired_count: Generated<number>
  /** Raised by the database on every update (0038): a kept card built from this row is stale once it moves. */
  row_version: Generated<number>
}

/** 用工单位 (0032): one record per employer, shared by its postings. */
export interface EmployerTable {
  id: Generated<number>
  name: string
  credit_code: string | null
  /** active | suspended */
  status: Generated<string>
  /** When the county first worked with it (its first posting) */
  since: string
  verified_at: string | null
  verified_by_station_id: number | null
  verified_by_staff_id: number | null
  suspended_at: string | null
  suspended_by_staff_id: number | null
  suspended_reason: string | null
  created_at: string
  /** Raised by the database on every update (0038): a kept card built from this row is stale once it moves. */
  row_version: Generated<number>
}

export interface JobApplicationTable {
  id: Generated<number>
  job_id: number
  /** Null once the worker's account is deleted. */
  user_id: number | null
  status: string
  note: string | null
  created_at: string
  updated_at: string
  /** The 直播带岗 event the worker signed up through (0033). */
  hiring_event_id: Generated<number | null>
}

/** One 零工 day of a day_work posting (0033): a date, a place and a headcount. */
export interface DayJobTable {
  id: Generated<number>
  job_id: number
  work_date: string
  place: string
  lat: number
  lng: number
  headcount: number
  taken: Generated<number>
  wage_yuan: number
  /** open | cancelled */
  status: Generated<string>
  created_by_staff_id: number | null
  created_at: string
}

export interface DayJobSignupTable {
  id: Generated<number>
  day_job_id: number
  user_id: number | null
  /** null until confirmed; came | absent */
  attendance: string | null
  confirmed_at: string | null
  /** staff:<id> | contact */
  confirmed_by: string | null
  worklog_entry_id: number | null
  created_at: string
}

/** A 直播带岗 event (0033). */
export interface HiringEventTable {
  id: Generated<number>
  title: string
  station_id: number | null
  starts_at: string
  ends_at: string
  platform: string
  live_url: string
  replay_url: string | null
  viewers: number | null
  created_by_staff_id: number | null
  created_at: string
  updated_at: string
}

export interface HiringEventJobTable {
  event_id: number
  job_id: number
  position: number
}

export interface HiringEventReminderTable {
  id: Generated<number>
  event_id: number
  user_id: number
  created_at: string
}

export interface JobReportTable {
  id: Generated<number>
  job_id: number
  user_id: number | null
  reason: string
  detail: string
  created_at: string
  reviewed_at: string | null
}

/** Search index: 2-character grams of a posting's searched fields. */
export interface JobTermTable {
  term: string
  job_id: number
  /** The posting's posted_at (0039), filled by the database on insert: a word's entries in the list's order. */
  posted_at: Generated<string>
}

export interface JobSearchTable {
  job_id: number
  /** The searched fields, normalised, joined by U+0001 */
  text: string
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
  /** The yes/no answers are null until the worker answers (0011): unknown is never 否. */
  working_away: Flag | null
  current_city: string | null
  returned_home: Flag | null
  willing_to_go_out: Flag | null
  poverty_alleviated: Flag | null
  /** Worked away last year (0007): with working_away = 0 it puts the worker on the left-last-year ledger. */
  worked_away_last_year: Flag | null
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
  /** Set when an admin disables the account (0007); its sessions are deleted at the same time. */
  disabled_at: Generated<string | null>
  /** township and village roles: the township's name (0014). */
  township: Generated<string | null>
  /** village role: villages.id (0014). */
  village_id: Generated<number | null>
  /** 1 while the password is a one-time one (seeded or reset by an admin): only a change is allowed (0010). */
  must_change_password: Generated<number>
}

/** A failed staff sign-in from one client address (0010), for the per-address limit. */
export interface StaffLoginFailureTable {
  id: Generated<number>
  ip_hash: string
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

export interface EnrollmentTable {
  id: Generated<number>
  course_id: number
  user_id: number
  /** enrollmentStatuses in types/training.ts */
  status: string
  agreed_terms_at: string | null
  /** The placement terms as agreed (order courses). */
  agreement_text: string | null
  created_at: string
  updated_at: string
  /** When a waitlisted enrolment got its seat. */
  promoted_at: string | null
  cancelled_at: string | null
  completed_at: string | null
  certificate_number: string | null
  certificate_level: string | null
  /** China date */
  certificate_issued_on: string | null
}

export interface CourseRequestTable {
  id: Generated<number>
  user_id: number
  trade: string
  note: string
  created_at: string
}

/** Who changed what: every staff write, with the record before and after (JSON text). */
export interface AuditLogTable {
  id: Generated<number>
  actor_kind: 'staff' | 'worker' | 'system'
  actor_id: number | null
  at: string
  action: string
  entity: string
  entity_id: number | null
  before_json: string | null
  after_json: string | null
}

/** A worker's registration with a Party branch; deleted when the party_membership consent is withdrawn. */
export interface PartyMembershipTable {
  id: Generated<number>
  user_id: number
  station_id: number
  name: string
  joined_party_year: number | null
  note: string | null
  created_at: string
}

export interface RightsTrackingCounterTable {
  /** China calendar year */
  year: number
  last_seq: number
}

export interface RightsRequestTable {
  id: Generated<number>
  tracking_no: string
  /** Null once the worker deleted the account. */
  user_id: number | null
  category: string
  description: string
  employer_name: string
  work_city: string
  work_province: string | null
  work_address: string
  /** 'YYYY-MM' */
  worked_from: string
  worked_to: string | null
  amount_owed_yuan: number | null
  workers_affected: number
  contact_name: string | null
  /** AES-GCM of the contact phone */
  contact_phone_enc: string | null
  /** Keyed hash (HMAC, purpose rights-phone-last4) of the contact phone's last four digits: the queue's phone search. */
  contact_phone_last4_hash: string | null
  contact_time: string
  application_id: number | null
  /** JSON array of upload ids */
  attachments: string
  /** 只留电话，请回电: only category and phone were given; the text fields are empty, not answers. */
  callback_only: Generated<Flag>
  station_id: number | null
  status: string
  first_responsible_staff_id: number | null
  referred_to: string | null
  rating: number | null
  rating_comment: string | null
  submitted_at: string
  accepted_at: string | null
  concluded_at: string | null
  closed_at: string | null
  updated_at: string
  created_at: Generated<string>
}

export interface RightsRequestEventTable {
  id: Generated<number>
  request_id: number
  kind: string
  from_status: string | null
  to_status: string | null
  text: string
  author: string
  staff_id: number | null
  visible_to_worker: Flag
  /** JSON array of upload ids */
  attachments: string
  created_at: string
}

export interface UploadTable {
  id: string
  owner_user_id: number | null
  request_id: number | null
  content_type: string
  size_bytes: number
  sha256: string
  created_at: string
  /** The 记工 payment this photo belongs to (0016); such a photo is in use, never swept. */
  worklog_payment_id: number | null
  /** The subsidy claim this photo is proof for (0031); in use, never swept. */
  subsidy_claim_id: Generated<number | null>
}

/** Each staff read of a worker's personal data (unmasked phone, ledger export), for admins to inspect (0007). */
export interface AccessLogTable {
  id: Generated<number>
  staff_id: number
  at: string
  action: string
  user_id: number | null
  detail: string
  /** A roster person whose record was read (0014). */
  person_id: Generated<number | null>
}

/** A 点对点 batch (0008); seats_taken counts active signups, changed only under the batch's lock. */
export interface TransportBatchTable {
  id: Generated<number>
  seed_key: string | null
  depart_at: string
  meet_at: string
  departure_township: string
  meeting_point: string
  destination_province: string
  destination_city: string
  station_id: number | null
  employer: string | null
  vehicle_kind: string
  seats: number
  seats_taken: number
  /** open | departed | cancelled ('full' is derived) */
  status: string
  what_to_bring: string
  notes: string
  departed_at: string | null
  cancelled_at: string | null
  /** Why staff cancelled it (0009); the riders read it. */
  cancel_reason: string | null
  created_by_staff_id: number | null
  is_sample: Flag
  created_at: string
}

export interface TransportSignupTable {
  id: Generated<number>
  batch_id: number
  /** Null once the worker deleted the account. */
  user_id: number | null
  /** active | cancelled */
  status: string
  created_at: string
  updated_at: string
  cancelled_at: string | null
}

export interface PolicyTable {
  id: Generated<number>
  seed_key: string | null
  title: string
  category: string
  summary: string
  body: string
  source: string
  /** Normalised title, summary, body, category joined by U+0001 (what q is matched against). */
  search_text: string
  is_sample: Flag
  created_at: string
  updated_at: string
}

export interface PolicyFaqTable {
  id: Generated<number>
  seed_key: string | null
  position: number
  question: string
  answer: string
  policy_id: number | null
  created_at: string
}

/** Written and rolled back by /api/health: proves the database takes a write. */
export interface HealthCheckTable {
  id: Generated<number>
  payload: string
  checked_at: string
}

/** Wushan's townships (0014), from the national division list; the contract's township list names the same 15. */
export interface TownshipTable {
  id: Generated<number>
  code: string
  name: string
  official_name: string
  sort_order: number
}

/** Administrative villages (村/社区) of a township (0014); admins add and rename. */
export interface VillageTable {
  id: Generated<number>
  township: string
  /** National code; null for one an admin added. */
  code: string | null
  name: string
  official_name: string
  created_at: string
  updated_at: string
}

/** A household (户) of the roster (0014); its head is the member whose relation is 'head'. */
export interface HouseholdTable {
  id: Generated<number>
  township: string
  village_id: number
  created_at: string
}

/** A person's state: the same columns in people (now) and person_versions (then). */
export interface PersonStateColumns {
  township: string
  village_id: number
  group_name: string | null
  name: string
  /** AES-GCM of the ID number, and its HMAC ('id-number') to find the same person again. */
  id_number_enc: string | null
  id_number_hash: string | null
  /** AES-GCM of the phone, and its HMAC ('phone', as users.phone_hash) so a worker's account can be matched. */
  phone_enc: string | null
  phone_hash: string | null
  sex: string | null
  birth_year: number | null
  household_id: number
  relation: string
  poverty: string
  work_ability: string
  status: string
  return_reason: string | null
  destination_province: string | null
  destination_city: string | null
  employer: string | null
  trade: string | null
  income_band: string | null
  /** organised | self */
  how_went: string | null
  organised_channel: string | null
  station_id: number | null
  batch_id: number | null
  job_id: number | null
  course_id: number | null
  broker_name: string | null
  status_since: string | null
  status_last_year: string | null
  /** The worker's app account, once linked. */
  user_id: number | null
  version: number
  /** staff | self | import: who made the latest change */
  source: string
}

/** 劳动力: the current state of each person of the roster (0014). */
export interface PersonTable extends PersonStateColumns {
  id: Generated<number>
  created_at: string
  updated_at: string
  /** 1: registered by the worker in the app, not yet confirmed (or merged) by their township officer (0018). */
  unconfirmed: Generated<Flag>
  /** The newest 摸排 round the person was checked in, and that check's conflict flag: the round's progress (0030). */
  survey_round_id: number | null
  survey_conflict: Generated<Flag>
}

/** One contact staff made with a person (输转后回访) and what it found (0018). */
export interface PersonContactTable {
  id: Generated<number>
  person_id: number
  staff_id: number | null
  /** call | visit | wechat */
  channel: string
  /** contactOutcomes in types/roster-follow-up.ts */
  outcome: string
  note: string
  /** China date */
  contacted_on: string
  created_at: string
}

/** What an officer did for a person at risk (防返贫): it takes them off the risk list (0018). */
export interface PersonRiskActionTable {
  id: Generated<number>
  person_id: number
  staff_id: number | null
  action: string
  note: string
  created_at: string
}

/**
 * The risk list (防返贫) kept per person (0035): one row while a 脱贫户 or 监测户 has a risk no action answered yet,
 * moved by every write that can change it, in that write's transaction (person-risks.repository.ts).
 */
export interface PersonRiskTable {
  person_id: number
  township: string
  village_id: number
  /** The first day without work (China date) of an unanswered stretch; listed once it is 30 days or more ago. */
  jobless_since: string | null
  /** The latest contact that reported unpaid wages or an injury, when no action came after it. */
  report_contact_id: number | null
  report_outcome: string | null
  report_on: string | null
}

/** Every state a person has been in, valid over [valid_from, valid_to) (0014). */
export interface PersonVersionTable extends PersonStateColumns {
  id: Generated<number>
  person_id: number
  valid_from: string
  /** The far future (CURRENT_UNTIL) for the state that holds now. */
  valid_to: string
  /** When the person was first registered (people.created_at). */
  created_at: string
  changed_by_staff_id: number | null
  changed_by_user_id: number | null
  changes_json: string
}

/** 0019: the 劳务输转 groups counted at one past instant (a China day's end); those instants listed apart. */
export interface RosterFigureCutoffTable {
  cutoff: string
  counted_at: string
}

export interface RosterFigureSumTable {
  cutoff: string
  township: string
  how_went: string | null
  income_band: string | null
  n: number
}

export interface RosterFigureGroupTable {
  cutoff: string
  township: string
  status: string
  destination_province: string | null
  how_went: string | null
  income_band: string | null
  n: number
}

/** 记工 (0016): a worker's own employers with the agreed pay; money in fen. */
export interface WorklogEmployerTable {
  id: Generated<number>
  user_id: number
  name: string
  site: string
  day_rate_fen: number | null
  hour_rate_fen: number | null
  unit_rate_fen: number | null
  unit_label: string | null
  overtime_rate_fen: number | null
  application_id: number | null
  note: string
  created_at: string
  updated_at: string
  /** The shared site (0034) this worker joined or shared, if any. */
  site_id: number | null
}

/** One 记工 entry; counts in hundredths (a half day is days_x100 = 50). */
export interface WorklogEntryTable {
  id: Generated<number>
  user_id: number
  employer_id: number
  date: string
  kind: string
  days_x100: number | null
  hours_x100: number | null
  overtime_hours_x100: Generated<number>
  quantity_x100: number | null
  rate_fen: number | null
  amount_fen: number | null
  note: string
  entered_at: string
  client_entered_at: string
  on_the_day: Flag
  corrected_at: string | null
  /** A 零工 day the county confirmed: the sign-up it came from (0033). */
  day_job_signup_id: Generated<number | null>
}

export interface WorklogPaymentTable {
  id: Generated<number>
  user_id: number
  employer_id: number
  date: string
  amount_fen: number
  method: string
  note: string
  photo_id: string | null
  entered_at: string
  client_entered_at: string
  on_the_day: Flag
}

/** The 记工 evidence sheet sent with a rights request (0029): a copy of the canonical record and its SHA-256. */
export interface WorklogEvidenceTable {
  id: Generated<number>
  request_id: number
  user_id: number | null
  employer_id: number | null
  digest: string
  sheet_json: string
  created_at: string
}

/** A site shared by its code (0034): the employer, site and agreed pay co-workers log against. */
export interface WorklogSiteTable {
  id: Generated<number>
  code: string
  created_by: number | null
  name: string
  site: string
  day_rate_fen: number | null
  hour_rate_fen: number | null
  unit_rate_fen: number | null
  unit_label: string | null
  overtime_rate_fen: number | null
  created_at: string
}

/** A worker's own choices for 记工 (0034); no row: the defaults. */
export interface WorklogSettingTable {
  user_id: number
  evening_reminder: number
  updated_at: string
}

/** One lookup of a site's code by a worker (0036): counted per hour against trying codes one after another. */
export interface WorklogSiteLookupTable {
  id: Generated<number>
  user_id: number
  created_at: string
}

/** A 对工 link (0029): one month sent to the foreman, answered once from a phone proved by an SMS code. */
export interface WorklogCheckTable {
  id: Generated<number>
  user_id: number
  employer_id: number
  month: string
  token_hash: string
  digest: string
  created_at: string
  expires_at: string
  answer: string | null
  foreman_phone_enc: string | null
  disputed_dates: Generated<string>
  answer_note: Generated<string>
  answered_at: string | null
}

/** An upload of a roster sheet (0020): checked, then committed by its importer. */
export interface RosterImportTable {
  id: Generated<number>
  staff_id: number
  township: string | null
  file_name: string
  sha256: string
  state: string
  row_count: number
  new_count: number
  changed_count: number
  unchanged_count: number
  refused_count: number
  problem_count: number
  problems_json: string
  changes_json: string
  created_at: string
  commit_started_at: string | null
  committed_at: string | null
  committed_by_staff_id: number | null
  written_created: number | null
  written_updated: number | null
  written_unchanged: number | null
}

/** A good row of a checked import, waiting for the commit (0020). */
export interface RosterImportRowTable {
  id: Generated<number>
  import_id: number
  row_number: number
  pass: number
  id_number_hash: string
  fields_enc: string
}

/** A message in someone's inbox (0024): a worker's (user_id) or a staff member's (staff_id). */
export interface MessageTable {
  id: Generated<number>
  user_id: number | null
  staff_id: number | null
  kind: string
  title: string
  body: string
  link: string | null
  created_at: string
  read_at: string | null
}

/** One send on one channel (0024), written with the change that causes it; the dispatcher sends the pending ones. */
export interface NotificationTable {
  id: Generated<number>
  message_id: number | null
  user_id: number | null
  staff_id: number | null
  kind: string
  /** inapp | wechat | sms */
  channel: string
  urgent: Flag
  /** JSON { title, body } */
  payload: string
  /** pending | sent | failed | skipped */
  state: string
  attempts: number
  next_attempt_at: string
  last_error: string | null
  phone_hash: string | null
  created_at: string
  sent_at: string | null
  /** China date of sent_at, for the per-phone daily limit. */
  sent_day: string | null
}

/** A worker's channels for one kind (0024); no row means the defaults. */
export interface NotificationSettingTable {
  user_id: number
  kind: string
  wechat: Flag
  sms: Flag
  updated_at: string
}

/** A reminder or staff alert the scheduler made (0028): inserted once, with its messages, so it goes once. */
export interface ScheduledNoticeTable {
  kind: string
  subject_id: number
  occasion: string
  created_at: string
}

/** One WeChat subscribe-message allowance (0027): lets one message with this template go to this WeChat user. */
export interface WechatSubscriptionTable {
  id: Generated<number>
  user_id: number
  /** Our template name (rights_progress, …). */
  template: string
  /** AES-GCM of the openid the allowance came from. */
  openid_enc: string
  granted_at: string
  used_at: string | null
  notification_id: number | null
}

/** 摸排 (0021): a round of door-to-door checks of the roster, opened by an admin. */
export interface SurveyRoundTable {
  id: Generated<number>
  name: string
  due_date: string
  opened_by_staff_id: number
  opened_at: string
}

/** One person checked in a round (0021): the latest check of the round. */
export interface SurveyCheckTable {
  id: Generated<number>
  round_id: number
  person_id: number
  staff_id: number
  unchanged: Flag
  base_version: number
  version: number
  conflict: Flag
  note: string | null
  checked_at: string
}

/** A subsidy scheme (0031): rules and amounts as JSON settings; one per kind and year. */
export interface SubsidySchemeTable {
  id: Generated<number>
  seed_key: string | null
  kind: string
  name: string
  year: number
  /** JSON subsidyRules */
  rules: string
  /** JSON subsidyAmounts */
  amounts: string
  /** JSON array of knownRecordKinds */
  known_by: string
  /** JSON array of proofKinds */
  proof_kinds: string
  opens_on: string
  closes_on: string
  publicity_days: number
  created_by_staff_id: number | null
  created_at: string
  updated_at: string
}

/** A 公示 period (0031): the approved claims of a scheme (in a township, or county-wide) published from a date. */
export interface SubsidyPublicityTable {
  id: Generated<number>
  scheme_id: number
  township: string | null
  starts_on: string
  ends_on: string
  staff_id: number
  created_at: string
}

/** A subsidy claim (0031); unique (person_id, scheme_id, year). */
export interface SubsidyClaimTable {
  id: Generated<number>
  scheme_id: number
  year: number
  person_id: number
  user_id: number | null
  township: string
  village_id: number
  amount_yuan: number
  band: string | null
  mode: string
  status: string
  reason: string
  /** JSON array of subsidyEvidence */
  evidence: string
  refusal_reason: string | null
  submitted_at: string
  decided_at: string | null
  decided_by_staff_id: number | null
  publicity_id: number | null
  paid_on: string | null
  updated_at: string
}

export interface SubsidyObjectionTable {
  id: Generated<number>
  claim_id: number
  text: string
  staff_id: number
  created_at: string
}

/** The account a worker's subsidies are paid into (0031), AES-GCM at rest. */
export interface BankAccountTable {
  user_id: number
  kind: string
  bank_name: string
  account_enc: string
  updated_at: string
}

export interface DB {
  subsidy_schemes: SubsidySchemeTable
  subsidy_publicities: SubsidyPublicityTable
  subsidy_claims: SubsidyClaimTable
  subsidy_objections: SubsidyObjectionTable
  bank_accounts: BankAccountTable
  roster_imports: RosterImportTable
  roster_import_rows: RosterImportRowTable
  messages: MessageTable
  notifications: NotificationTable
  notification_settings: NotificationSettingTable
  scheduled_notices: ScheduledNoticeTable
  wechat_subscriptions: WechatSubscriptionTable
  survey_rounds: SurveyRoundTable
  survey_checks: SurveyCheckTable
  worklog_employers: WorklogEmployerTable
  worklog_entries: WorklogEntryTable
  worklog_payments: WorklogPaymentTable
  worklog_evidence: WorklogEvidenceTable
  worklog_checks: WorklogCheckTable
  worklog_sites: WorklogSiteTable
  worklog_settings: WorklogSettingTable
  worklog_site_lookups: WorklogSiteLookupTable
  townships: TownshipTable
  villages: VillageTable
  households: HouseholdTable
  people: PersonTable
  person_versions: PersonVersionTable
  person_contacts: PersonContactTable
  person_risk_actions: PersonRiskActionTable
  person_risks: PersonRiskTable
  roster_figure_cutoffs: RosterFigureCutoffTable
  roster_figure_groups: RosterFigureGroupTable
  roster_figure_sums: RosterFigureSumTable
  access_log: AccessLogTable
  rights_tracking_counters: RightsTrackingCounterTable
  rights_requests: RightsRequestTable
  rights_request_events: RightsRequestEventTable
  uploads: UploadTable
  party_memberships: PartyMembershipTable
  stations: StationTable
  brands: BrandTable
  jobs: JobTable
  employers: EmployerTable
  job_applications: JobApplicationTable
  job_reports: JobReportTable
  day_jobs: DayJobTable
  day_job_signups: DayJobSignupTable
  hiring_events: HiringEventTable
  hiring_event_jobs: HiringEventJobTable
  hiring_event_reminders: HiringEventReminderTable
  job_terms: JobTermTable
  job_search: JobSearchTable
  courses: CourseTable
  idempotency_keys: IdempotencyKeyTable
  health_checks: HealthCheckTable
  users: UserTable
  consents: ConsentTable
  sms_codes: SmsCodeTable
  dev_sms_outbox: DevSmsOutboxTable
  wechat_tickets: WechatTicketTable
  staff: StaffTable
  staff_login_failures: StaffLoginFailureTable
  sessions: SessionTable
  enrollments: EnrollmentTable
  course_requests: CourseRequestTable
  audit_log: AuditLogTable
  transport_batches: TransportBatchTable
  transport_signups: TransportSignupTable
  policies: PolicyTable
  policy_faqs: PolicyFaqTable
}

export type StationRow = Selectable<StationTable>
export type CourseRow = Selectable<CourseTable>
export type UserRow = Selectable<UserTable>
