/** All SQL for 点单 course requests. Every function takes the database or a transaction first. */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

export async function insertCourseRequest(trx: Kysely<DB>, values: { userId: number; trade: string; note: string; now: Date }) {
  return trx
    .insertInto('course_requests')
    .values({ user_id: values.userId, trade: values.trade, note: values.note, created_at: values.now.toISOString() })
    .returning(['id', 'trade', 'note', 'created_at'])
    .executeTakeFirstOrThrow()
}

/** Per trade: requests, distinct workers and the latest request; the service orders them. */
export async function countCourseRequestsByTrade(db: Kysely<DB>) {
  return db
    .selectFrom('course_requests')
    .select((eb) => [
      'trade',
      eb.fn.countAll().as('requests'),
      eb.fn.count('user_id').distinct().as('workers'),
      eb.fn.max('created_at').as('latest_at'),
    ])
    .groupBy('trade')
    .execute()
}

export async function listUserCourseRequests(db: Kysely<DB>, userId: number) {
  return db.selectFrom('course_requests').select(['id', 'trade', 'note', 'created_at']).where('user_id', '=', userId).orderBy('id').execute()
}

/** Account deletion: the worker's own words go; the request stays in the demand counts. */
export async function eraseCourseRequestNotesOfUser(trx: Kysely<DB>, userId: number): Promise<void> {
  await trx.updateTable('course_requests').set({ note: '' }).where('user_id', '=', userId).execute()
}
