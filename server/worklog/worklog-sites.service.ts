/**
 * 工友 on one site: a worker shares an employer of theirs as a site with a code; a co-worker who joins gets their own
 * employer row with the same name, site and agreed pay, linked to the site. Only that is shared: every entry and
 * payment stays on its worker's own row, so the owner-only reads of the log need nothing new. Also the evening
 * reminder's on/off.
 */
import { randomInt } from 'node:crypto'
import type { Kysely } from 'kysely'
import { siteCodeAlphabet, siteCodeLength, type WorklogEmployer, type WorklogSettings, type WorklogSiteView } from '../../types'
import type { DB } from '../db/schema'
import { lockKey } from '../db/dialect'
import { notFound, rateLimited } from '../http/app-error'
import * as repo from './worklog.repository'
import * as sites from './worklog-sites.repository'
import type { SiteRow } from './worklog-sites.repository'
import { toEmployer } from './worklog.service'

const joinPage = (code: string) => `/packages/worklog/pages/join/index?code=${code}`
const noSuchSite = () => notFound('没有这个工地码，请让工友再发一次')

export function newSiteCode(): string {
  let code = ''
  for (let i = 0; i < siteCodeLength; i++) code += siteCodeAlphabet[randomInt(siteCodeAlphabet.length)]
  return code
}

/**
 * Shares my employer as a site: its code, the same one if it is shared (or joined) already. The site takes the
 * employer's name, site and agreed pay as they are now; later changes of my own pay stay mine.
 */
export async function shareWorklogSite(db: Kysely<DB>, userId: number, employerId: number, now: Date, drawCode = newSiteCode) {
  return db.transaction().execute(async (trx) => {
    const employer = await repo.findOwnEmployer(trx, userId, employerId)
    if (!employer) throw notFound('没有找到这条记录')
    let siteId = employer.site_id
    if (siteId === null) {
      let made: number | null = null
      for (let tries = 0; made === null; tries++) {
        if (tries === 5) throw new Error('no free site code after 5 draws')
        made = await sites.insertSite(trx, {
          code: drawCode(),
          created_by: userId,
          name: employer.name,
          site: employer.site,
          day_rate_fen: employer.day_rate_fen,
          hour_rate_fen: employer.hour_rate_fen,
          unit_rate_fen: employer.unit_rate_fen,
          unit_label: employer.unit_label,
          overtime_rate_fen: employer.overtime_rate_fen,
          created_at: now.toISOString(),
        })
      }
      siteId = made
      if (!(await sites.linkEmployer(trx, userId, employerId, made))) {
        // Shared at the same moment from another tap: that one's site stands, this one goes.
        await sites.deleteSite(trx, made)
        siteId = (await repo.findOwnEmployer(trx, userId, employerId))!.site_id!
      }
    }
    const site = (await sites.findSite(trx, siteId))!
    const { joined } = await sites.countCoworkers(trx, site.id, userId)
    return { code: site.code, path: joinPage(site.code), coworkers: joined }
  })
}

function siteView(site: SiteRow, myEmployerId: number | null): WorklogSiteView {
  return {
    code: site.code,
    name: site.name,
    site: site.site,
    dayRateFen: site.day_rate_fen,
    hourRateFen: site.hour_rate_fen,
    unitRateFen: site.unit_rate_fen,
    unitLabel: site.unit_label,
    overtimeRateFen: site.overtime_rate_fen,
    myEmployerId,
  }
}

/** A worker opens a shared link or types a code a few times an hour; more is someone trying codes one by one. */
export const SITE_LOOKUPS_PER_HOUR = 20
const HOUR_MS = 60 * 60 * 1000

/**
 * Counts this lookup of a code against the worker before the code is looked at; 429 past the limit (found or not:
 * a limit on misses alone would tell a guesser which codes exist). One worker's lookups are counted one at a time.
 */
async function countLookup(trx: Kysely<DB>, userId: number, now: Date): Promise<void> {
  await lockKey(trx, `worklog-site-lookup:${userId}`)
  const windowStart = new Date(now.getTime() - HOUR_MS).toISOString()
  const { count, oldest } = await sites.lookupsSince(trx, userId, windowStart)
  if (count >= SITE_LOOKUPS_PER_HOUR) {
    const freeAt = oldest ? Date.parse(oldest) + HOUR_MS : now.getTime() + HOUR_MS
    throw rateLimited(Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)), '查工地码的次数太多了，请过一会儿再试；工友发来的链接直接点开就行')
  }
  await sites.recordLookup(trx, userId, now.toISOString(), windowStart)
}

export async function getWorklogSite(db: Kysely<DB>, userId: number, code: string, now: Date): Promise<WorklogSiteView> {
  // Its own transaction: the count is kept even though the answer is a 404.
  await db.transaction().execute((trx) => countLookup(trx, userId, now))
  const site = await sites.findSiteByCode(db, code)
  if (!site) throw noSuchSite()
  const mine = await sites.findMyEmployerOnSite(db, userId, site.id)
  return siteView(site, mine?.id ?? null)
}

/** Joins a site with its code: my own employer row for it (the one I have already, if I joined or shared it). */
export async function joinWorklogSite(trx: Kysely<DB>, userId: number, code: string, now: Date): Promise<WorklogEmployer> {
  // Joining names a code too: the same limit (a refused join rolls back, so only the ones let through count).
  await countLookup(trx, userId, now)
  const site = await sites.findSiteByCode(trx, code)
  if (!site) throw noSuchSite()
  const mine = await sites.findMyEmployerOnSite(trx, userId, site.id)
  if (mine) return toEmployer(mine)
  const at = now.toISOString()
  const id = await repo.insertEmployer(trx, {
    user_id: userId,
    site_id: site.id,
    name: site.name,
    site: site.site,
    day_rate_fen: site.day_rate_fen,
    hour_rate_fen: site.hour_rate_fen,
    unit_rate_fen: site.unit_rate_fen,
    unit_label: site.unit_label,
    overtime_rate_fen: site.overtime_rate_fen,
    application_id: null,
    note: '',
    created_at: at,
    updated_at: at,
  })
  return toEmployer((await repo.findOwnEmployer(trx, userId, id))!)
}

export async function getWorklogSettings(db: Kysely<DB>, userId: number): Promise<WorklogSettings> {
  const row = await sites.findSettings(db, userId)
  return { eveningReminder: row ? row.evening_reminder === 1 : true }
}

export async function updateWorklogSettings(db: Kysely<DB>, userId: number, body: WorklogSettings, now: Date): Promise<WorklogSettings> {
  await sites.saveSettings(db, userId, body.eveningReminder, now.toISOString())
  return getWorklogSettings(db, userId)
}
