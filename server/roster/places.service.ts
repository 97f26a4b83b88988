/** Villages for pickers (every staff member) and their upkeep (admins only: add, rename), audited. */
import type { Kysely, Selectable } from 'kysely'
import { type Township, type Village, type VillageOverview, townships } from '../../types'
import { writeAudit } from '../audit/audit.repository'
import { isUniqueViolation, lockKey } from '../db/dialect'
import type { DB, VillageTable } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { conflict, notFound } from '../http/app-error'
import { toCount } from '../db/dialect'
import { requireAdmin, staffActor } from '../staff/staff-scope'
import * as repo from './places.repository'

const ADMIN_ONLY = '只有县级管理员可以添加或修改村'

const toVillage = (r: Selectable<VillageTable>): Village => ({ id: r.id, township: r.township as Township, code: r.code, name: r.name, officialName: r.official_name })

const taken = (township: string, name: string) => conflict(`${township}已经有${name}了`)

export async function listVillages(db: Kysely<DB>, township?: Township) {
  return { items: (await repo.listVillages(db, township)).map(toVillage) }
}

export async function createVillage(trx: Kysely<DB>, caller: StaffCaller, body: { township: Township; name: string; officialName?: string }, now: Date) {
  requireAdmin(caller, ADMIN_ONLY)
  await lockKey(trx, `village:${body.township}:${body.name}`)
  if (await repo.findVillageByName(trx, body.township, body.name)) throw taken(body.township, body.name)
  const created = toVillage(await repo.insertVillage(trx, { township: body.township, name: body.name, officialName: body.officialName ?? body.name, at: now.toISOString() }))
  await writeAudit(trx, { actor: staffActor(caller), action: 'village.create', entity: 'village', entityId: created.id, after: created, at: now })
  return created
}

export async function renameVillage(db: Kysely<DB>, caller: StaffCaller, id: number, body: { name: string; officialName?: string }, now: Date) {
  requireAdmin(caller, ADMIN_ONLY)
  return db.transaction().execute(async (trx) => {
    const row = await repo.findVillage(trx, id)
    if (!row) throw notFound('没有这个村')
    const other = await repo.findVillageByName(trx, row.township, body.name)
    if (other && other.id !== id) throw taken(row.township, body.name)
    const before = toVillage(row)
    try {
      const after = toVillage(await repo.renameVillage(trx, id, { name: body.name, officialName: body.officialName ?? row.official_name, at: now.toISOString() }))
      await writeAudit(trx, { actor: staffActor(caller), action: 'village.rename', entity: 'village', entityId: id, before, after, at: now })
      return after
    } catch (error) {
      // Another admin took the name a moment earlier.
      if (isUniqueViolation(error)) throw taken(row.township, body.name)
      throw error
    }
  })
}

/**
 * 村庄管理: every township with its villages, how many people of the roster live in each now, and the latest rename
 * (who, when, the name before) from the audit trail, which is where a rename is recorded.
 */
export async function villagesOverview(db: Kysely<DB>, caller: StaffCaller) {
  requireAdmin(caller, '只有县级管理员可以管理村')
  const people = new Map((await repo.peoplePerVillage(db)).map((r) => [r.village_id, toCount(r.n as number | string)]))
  const renamed = new Map<number, VillageOverview['renamed']>()
  for (const r of await repo.villageRenames(db)) {
    if (r.entity_id === null) continue
    const before = r.before_json ? (JSON.parse(r.before_json) as { name?: string }) : {}
    renamed.set(r.entity_id, { at: r.at, by: r.display_name ?? '已删除的账号', from: before.name ?? '' })
  }
  const villages = (await repo.listVillages(db)).map((v): VillageOverview => ({ ...toVillage(v), people: people.get(v.id) ?? 0, renamed: renamed.get(v.id) ?? null }))
  return {
    townships: townships.map((township) => {
      const own = villages.filter((v) => v.township === township)
      return { township, people: own.reduce((n, v) => n + v.people, 0), villages: own }
    }),
  }
}
