/**
 * Sample data for a new database. Idempotent by seed_key: what exists is left alone, what is
 * missing is inserted (insert … on conflict do nothing), so running it twice, or two processes
 * at once, never duplicates. Dates are relative to the clock so samples are current.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { indexMissingJobs } from '../jobs/job-search.repository'
import { addDays, chinaDate, minusDays } from '../lib/dates'
import { brands } from './data/brands'
import { courses } from './data/courses'
import { jobs } from './data/jobs'
import { stations } from './data/stations'
import { seedPolicies } from '../policies/policies-seed'
import { seedTransport } from '../transport/transport-seed'
import { seedPlaces } from '../roster/places-seed'

export interface SeedCounts {
  stations: number
  brands: number
  jobs: number
  courses: number
}

async function idsByKey(db: Kysely<DB>, table: 'stations' | 'brands'): Promise<Map<string, number>> {
  const rows = await db.selectFrom(table).select(['id', 'seed_key']).where('seed_key', 'is not', null).execute()
  return new Map(rows.map((r) => [r.seed_key as string, r.id]))
}

function resolve(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key)
  if (id === undefined) throw new Error(`seed: unknown ${what} key "${key}"`)
  return id
}

/** Inserts the missing sample records; returns how many rows of each were added. */
export async function seed(db: Kysely<DB>, clock: () => Date = () => new Date()): Promise<SeedCounts> {
  const now = clock()
  const nowIso = now.toISOString()
  const today = chinaDate(now)

  return db.transaction().execute(async (trx) => {
    const added: SeedCounts = { stations: 0, brands: 0, jobs: 0, courses: 0 }
    const count = (r: { numInsertedOrUpdatedRows?: bigint }[]) => r.reduce((n, x) => n + Number(x.numInsertedOrUpdatedRows ?? 0), 0)

    if (stations.length) {
      added.stations = count(
        await trx
          .insertInto('stations')
          .values(
            stations.map((s) => ({
              seed_key: s.key,
              type: s.type,
              name: s.name,
              province: s.province,
              city: s.city,
              district: s.district,
              address: s.address,
              lat: s.lat,
              lng: s.lng,
              phone: s.phone,
              contact_person: s.contactPerson,
              opening_hours: s.openingHours,
              services: JSON.stringify(s.services),
              member_count: s.memberCount,
              is_sample: 1 as const,
              created_at: nowIso,
            })),
          )
          .onConflict((oc) => oc.column('seed_key').doNothing())
          .execute(),
      )
    }

    if (brands.length) {
      added.brands = count(
        await trx
          .insertInto('brands')
          .values(
            brands.map((b) => ({
              seed_key: b.key,
              name: b.name,
              level: b.level,
              trade: b.trade,
              story: b.story,
              is_sample: 1 as const,
              created_at: nowIso,
            })),
          )
          .onConflict((oc) => oc.column('seed_key').doNothing())
          .execute(),
      )
    }

    const stationIds = await idsByKey(trx, 'stations')
    const brandIds = await idsByKey(trx, 'brands')

    if (jobs.length) {
      added.jobs = count(
        await trx
          .insertInto('jobs')
          .values(
            jobs.map((j) => {
              const posted = minusDays(now, j.postedDaysAgo)
              return {
                seed_key: j.key,
                title: j.title,
                employer_name: j.employerName,
                employer_phone: j.employerPhone,
                employer_verified: j.employerVerified ? (1 as const) : (0 as const),
                verified_by_station_id: j.verifiedByKey ? resolve(stationIds, j.verifiedByKey, 'station') : null,
                // Samples were verified when they were posted.
                verified_at: j.employerVerified ? posted.toISOString() : null,
                source_station_id: resolve(stationIds, j.sourceStationKey, 'station'),
                trade: j.trade,
                province: j.province,
                city: j.city,
                district: j.district,
                address: j.address,
                lat: j.lat,
                lng: j.lng,
                wage_min_yuan: j.wageMinYuan,
                wage_max_yuan: j.wageMaxYuan,
                wage_unit: j.wageUnit,
                benefits: JSON.stringify(j.benefits),
                headcount: j.headcount,
                age_min: j.ageMin,
                age_max: j.ageMax,
                shifts: j.shifts,
                hours_per_day: j.hoursPerDay,
                requirements: j.requirements,
                description: j.description,
                status: j.status,
                posted_at: posted.toISOString(),
                expires_at: addDays(chinaDate(posted), j.validDays),
                is_sample: 1 as const,
                created_at: nowIso,
              }
            }),
          )
          .onConflict((oc) => oc.column('seed_key').doNothing())
          .execute(),
      )
      // The search index is written with the postings, in the same transaction.
      await indexMissingJobs(trx)
    }

    if (courses.length) {
      added.courses = count(
        await trx
          .insertInto('courses')
          .values(
            courses.map((c) => {
              const start = addDays(today, c.startInDays)
              return {
                seed_key: c.key,
                title: c.title,
                trade: c.trade,
                mode: c.mode,
                provider: c.provider,
                location: c.location,
                start_date: start,
                // A one-day course ends the day it starts.
                end_date: addDays(start, Math.max(0, c.durationDays - 1)),
                enroll_deadline: addDays(today, c.enrollDeadlineInDays),
                sessions: c.sessions,
                capacity: c.capacity,
                enrolled_count: 0,
                cost_yuan: c.costYuan,
                subsidy_yuan: c.subsidyYuan,
                certificate: c.certificate,
                certificate_level: c.certificateLevel,
                requirements: c.requirements,
                description: c.description,
                brand_id: c.brandKey ? resolve(brandIds, c.brandKey, 'brand') : null,
                partner_employer: c.partnerEmployer,
                destination_city: c.destinationCity,
                expected_wage_yuan: c.expectedWageYuan,
                agreement_text: c.agreementText,
                is_sample: 1 as const,
                created_at: nowIso,
              }
            }),
          )
          .onConflict((oc) => oc.column('seed_key').doNothing())
          .execute(),
      )
    }
    // Transport batches and policy articles (issue 9): not in SeedCounts, which other suites compare whole.
    await seedTransport(trx, now)
    await seedPolicies(trx, now)
    await seedPlaces(trx, now)
    return added
  })
}

export async function countRows(db: Kysely<DB>): Promise<SeedCounts> {
  const n = async (table: keyof SeedCounts) =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  return { stations: await n('stations'), brands: await n('brands'), jobs: await n('jobs'), courses: await n('courses') }
}
