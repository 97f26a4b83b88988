/**
 * Importing the county's Excel ledgers into the roster, in two steps. The check (dry run) streams the sheet, refuses
 * every bad row with its reasons, compares the rest with the roster (matched by the ID number's keyed hash) and keeps
 * the new and changed rows, encrypted, under the import's id; nothing reaches the roster. The commit writes those rows
 * in short transactions (heads of household first), each change a version with source 导入, re-reading the roster so a
 * row that now matches is left alone: the same file imported twice, or one import committed twice, writes nothing more.
 * Both steps hand the event loop back between chunks so other requests keep answering.
 */
import { createHash } from 'node:crypto'
import { setImmediate as yieldToOthers } from 'node:timers/promises'
import type { Insertable, Kysely } from 'kysely'
import {
  isAway,
  maskIdNumber,
  personStatusProblems,
  type RosterImport,
  type RosterImportChange,
  type RosterImportColumnKey,
  type RosterImportProblem,
  workingStatuses,
} from '../../types'
import type { DataKeys } from '../accounts/crypto'
import { writeAudit } from '../audit/audit.repository'
import { dialectOf, isUniqueViolation } from '../db/dialect'
import type { DB, PersonVersionTable } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { conflict, notFound } from '../http/app-error'
import * as roster from '../roster/roster.repository'
import { changesBetween, type Fields, fieldsOf, ID_PURPOSE, PHONE_PURPOSE, stateOf } from '../roster/roster.service'
import { isAdmin, rosterImportTownshipOf, staffActor } from '../staff/staff-scope'
import * as repo from './roster-imports.repository'
import { columnOfField, headerOf, personOfRow, placeIndex, type SheetPerson, shownField } from './row-rules'
import { readRosterSheet, type SheetHeader, shownValue } from './sheet-reader'
import { checkXlsxBytes } from './xlsx-file'

/** Rows compared with the roster per query, and written per transaction. */
const CHECK_CHUNK = 100
/**
 * SQLite has one connection: a transaction holds every other request up, so it stays short. PostgreSQL's other
 * requests take other connections, and fewer, larger transactions save round trips.
 */
const commitChunk = (db: Kysely<DB>) => (dialectOf(db) === 'sqlite' ? 100 : 500)
/** Rows checked between turns of the event loop: a few milliseconds of work, then other requests' turn. */
const YIELD_EVERY = 25
/** How many problems and changes an import lists (the counts are always whole). */
export const LISTED_MAX = 5000
/** A commit that has not finished in this long was cut off (the server stopped) and may be run again. */
const STALE_COMMIT_MS = 10 * 60 * 1000

/** What waits in roster_import_rows for the commit. */
interface WaitingRow {
  row: number
  person: SheetPerson
}

const sheetFieldKeys = [
  'name', 'idNumber', 'township', 'villageId', 'poverty', 'status', 'phone', 'group', 'destinationProvince', 'destinationCity', 'employer', 'trade',
  'statusLastYear', 'workAbility', 'returnReason', 'incomeBand',
] as const

const blank: Omit<Fields, 'name' | 'idNumber' | 'township' | 'villageId' | 'poverty' | 'status'> = {
  phone: null,
  group: null,
  householdId: null,
  relation: 'head',
  workAbility: 'full',
  returnReason: null,
  destinationProvince: null,
  destinationCity: null,
  employer: null,
  trade: null,
  incomeBand: null,
  howWent: null,
  statusSince: null,
  statusLastYear: null,
}

/**
 * The person after the row: the sheet's columns over what the roster holds (a column the sheet lacks keeps its value).
 * A new status drops what only the old one meant, as an edit on the person page does. Household and relation of
 * someone already on the roster are not the sheet's to change.
 */
export function mergeInto(before: Fields | null, s: SheetPerson): Fields {
  const m = { ...(before ?? { ...blank, name: s.name, idNumber: s.idNumber, township: s.township, villageId: s.villageId, poverty: s.poverty, status: s.status }) } as Fields
  for (const k of sheetFieldKeys) if (s[k] !== undefined) (m as Record<string, unknown>)[k] = s[k]
  if (before && s.status !== before.status) {
    if (m.status !== 'returned' && s.returnReason === undefined) m.returnReason = null
    if (!isAway(m.status) && s.destinationProvince === undefined) m.destinationProvince = null
    if (!isAway(m.status) && s.destinationCity === undefined) m.destinationCity = null
  }
  if (!workingStatuses.includes(m.status)) m.howWent = null
  if (!before) {
    m.relation = s.relation ?? 'head'
    if (m.status === 'unable' && s.workAbility === undefined) m.workAbility = 'none'
  }
  return m
}

const hashOf = (keys: DataKeys, id: string) => keys.hmac(ID_PURPOSE, id)

function problemsOfRule(f: Fields): { column: string; message: string; field: string }[] {
  return Object.entries(personStatusProblems(f)).map(([field, message]) => ({ field, column: columnOfField[field] ?? field, message }))
}

// ---------------------------------------------------------------------------------------------------------------
// The check (dry run)

export async function checkImport(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, file: { name: string; bytes: Buffer }, now: Date): Promise<RosterImport> {
  const onlyTownship = rosterImportTownshipOf(caller)
  checkXlsxBytes(file.bytes)
  const villages = await repo.allVillages(db)
  const places = placeIndex(villages)
  const villageName = new Map(villages.map((v) => [v.id, v.name]))
  const nameOfVillage = (id: number) => villageName.get(id) ?? String(id)
  const at = now.toISOString()
  const importId = await repo.insertImport(db, {
    staff_id: caller.staffId,
    township: onlyTownship,
    file_name: file.name.slice(0, 200),
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    state: 'checked',
    row_count: 0,
    new_count: 0,
    changed_count: 0,
    unchanged_count: 0,
    refused_count: 0,
    problem_count: 0,
    problems_json: '[]',
    changes_json: '[]',
    created_at: at,
  })

  const counts = { rows: 0, new: 0, changed: 0, unchanged: 0, refused: 0, problems: 0 }
  const problems: RosterImportProblem[] = []
  const changes: RosterImportChange[] = []
  const refusedRows = new Set<number>()
  const addProblem = (p: RosterImportProblem) => {
    counts.problems++
    if (problems.length < LISTED_MAX) problems.push(p)
  }
  /** ID hash → the first row that has it. */
  const seen = new Map<string, number>()
  /** Heads of household written by this file: ID hash → village. */
  const headsInFile = new Map<string, number>()
  /** Members whose head is not on the roster yet: checked against the file's heads at the end. */
  const waitingForHead: { row: number; headHash: string; villageId: number }[] = []
  let header: SheetHeader | null = null
  let chunk: { row: number; person: SheetPerson; hash: string }[] = []

  const refuse = (row: number, list: { column: string | null; value: string | null; message: string }[]) => {
    if (!refusedRows.has(row)) {
      refusedRows.add(row)
      counts.refused++
    }
    for (const p of list) addProblem({ row, ...p })
  }

  const flush = async () => {
    const batch = chunk
    chunk = []
    const headHashes = batch.flatMap((r) => (r.person.headIdNumber && r.person.headIdNumber !== r.person.idNumber ? [hashOf(keys, r.person.headIdNumber)] : []))
    const found = await repo.peopleByIdHashes(db, [...new Set([...batch.map((r) => r.hash), ...headHashes])])
    const byHash = new Map(found.map((p) => [p.id_number_hash!, p]))
    const waiting: { import_id: number; row_number: number; pass: number; id_number_hash: string; fields_enc: string }[] = []
    let done = 0
    for (const r of batch) {
      if (++done % YIELD_EVERY === 0) await yieldToOthers()
      const existing = byHash.get(r.hash)
      if (existing && onlyTownship !== null && existing.township !== onlyTownship) {
        refuse(r.row, [{ column: headerOf.idNumber, value: maskIdNumber(r.person.idNumber), message: `这个人已经在${existing.township}登记，不能从这里修改，请联系${existing.township}的劳务专干` }])
        continue
      }
      const before = existing ? fieldsOf(existing, keys) : null
      const merged = mergeInto(before, r.person)
      const rule = problemsOfRule(merged)
      if (rule.length) {
        refuse(r.row, rule.map((p) => ({ column: p.column, value: shownField(p.field, (merged as Record<string, unknown>)[p.field.split('.')[0]], nameOfVillage), message: p.message })))
        continue
      }
      let pass = 0
      if (!existing) {
        const head = r.person.headIdNumber && r.person.headIdNumber !== r.person.idNumber ? r.person.headIdNumber : null
        if (head) {
          pass = 1
          const headHash = hashOf(keys, head)
          const onRoster = byHash.get(headHash)
          if (onRoster && onRoster.village_id !== r.person.villageId) {
            refuse(r.row, [{ column: headerOf.headIdNumber, value: maskIdNumber(head), message: `户主登记在${onRoster.village_name}，一户人要登记在同一个村` }])
            continue
          }
          if (!onRoster) waitingForHead.push({ row: r.row, headHash, villageId: r.person.villageId })
        } else headsInFile.set(r.hash, r.person.villageId)
        counts.new++
      } else {
        const diff = changesBetween(before, merged)
        if (!diff.length) {
          counts.unchanged++
          continue
        }
        counts.changed++
        if (changes.length < LISTED_MAX) {
          changes.push({
            row: r.row,
            personId: existing.id,
            name: existing.name,
            fields: diff.map((c) => ({
              column: columnOfField[c.field] ?? c.field,
              // ID numbers and phones arrive masked from changesBetween.
              before: shownField(c.field, c.before, nameOfVillage),
              after: shownField(c.field, c.after, nameOfVillage),
            })),
          })
        }
      }
      waiting.push({ import_id: importId, row_number: r.row, pass, id_number_hash: r.hash, fields_enc: keys.encrypt(JSON.stringify({ row: r.row, person: r.person } satisfies WaitingRow)) })
    }
    await repo.insertRows(db, waiting)
    await yieldToOthers()
  }

  try {
    for await (const sheetRow of readRosterSheet(file.bytes, (h) => (header = h))) {
      counts.rows++
      const unreadable = Object.entries(sheetRow.unreadable).map(([key, u]) => ({ column: headerOf[key as RosterImportColumnKey], value: u!.value, message: u!.message }))
      const read = personOfRow(sheetRow.cells, header!.present, places, onlyTownship)
      // A cell that could not be read is reported once, not again as empty.
      const cellProblems = [...unreadable, ...('problems' in read ? read.problems.filter((p) => !unreadable.some((u) => u.column === p.column)) : [])]
      if (cellProblems.length || !('person' in read)) {
        refuse(sheetRow.row, cellProblems)
        continue
      }
      const hash = hashOf(keys, read.person.idNumber)
      const first = seen.get(hash)
      if (first !== undefined) {
        refuse(sheetRow.row, [{ column: headerOf.idNumber, value: shownValue('idNumber', read.person.idNumber), message: `和第${first}行是同一个身份证号，这一行没有导入` }])
        continue
      }
      seen.set(hash, sheetRow.row)
      chunk.push({ row: sheetRow.row, person: read.person, hash })
      if (chunk.length >= CHECK_CHUNK) await flush()
    }
    await flush()
    // A member's head must be on the roster or be a head this file adds, in the same village.
    const dropped: number[] = []
    for (const w of waitingForHead) {
      const village = headsInFile.get(w.headHash)
      if (village === w.villageId) continue
      refuse(w.row, [{ column: headerOf.headIdNumber, value: null, message: village === undefined ? '户主不在台账里，也不在这张表里（或那一行有错），请先登记户主' : '户主在别的村，一户人要登记在同一个村' }])
      counts.new--
      dropped.push(w.row)
    }
    await repo.deleteRows(db, importId, dropped)
  } catch (error) {
    await repo.deleteImport(db, importId)
    throw error
  }
  problems.sort((a, b) => a.row - b.row)
  await repo.finishCheck(db, importId, {
    row_count: counts.rows,
    new_count: counts.new,
    changed_count: counts.changed,
    unchanged_count: counts.unchanged,
    refused_count: counts.refused,
    problem_count: counts.problems,
    problems_json: JSON.stringify(problems),
    changes_json: JSON.stringify(changes),
  })
  return answer(db, (await repo.findImport(db, importId))!)
}

/** The import as the API answers it, with the earlier commit of the same file if there is one. */
async function answer(db: Kysely<DB>, r: repo.RosterImportRecord): Promise<RosterImport> {
  const same = await repo.committedBefore(db, r.sha256, r.id)
  return importDto(r, same?.committed_at ? { id: same.id, committedAt: same.committed_at, staff: { id: same.staff_id, displayName: same.display_name } } : null)
}

export function importDto(r: repo.RosterImportRecord, sameFile: RosterImport['sameFile'] = null): RosterImport {
  return {
    id: r.id,
    fileName: r.file_name,
    sha256: r.sha256,
    township: r.township,
    staff: { id: r.staff_id, displayName: r.staff_name },
    createdAt: r.created_at,
    state: r.state as RosterImport['state'],
    committedAt: r.committed_at,
    summary: { rows: r.row_count, new: r.new_count, changed: r.changed_count, unchanged: r.unchanged_count, refused: r.refused_count },
    problems: JSON.parse(r.problems_json) as RosterImportProblem[],
    problemCount: r.problem_count,
    changes: JSON.parse(r.changes_json) as RosterImportChange[],
    listedMax: LISTED_MAX,
    sameFile,
    written: r.written_created === null ? null : { created: r.written_created, updated: r.written_updated ?? 0, unchanged: r.written_unchanged ?? 0 },
  }
}

/** The import as its importer or an admin sees it; to anyone else it does not exist. */
async function reachableImport(db: Kysely<DB>, caller: StaffCaller, id: number) {
  rosterImportTownshipOf(caller)
  const r = await repo.findImport(db, id)
  if (!r || (!isAdmin(caller) && r.staff_id !== caller.staffId)) throw notFound('没有找到这次导入')
  return r
}

export async function getImport(db: Kysely<DB>, caller: StaffCaller, id: number): Promise<RosterImport> {
  return answer(db, await reachableImport(db, caller, id))
}

// ---------------------------------------------------------------------------------------------------------------
// The commit

export async function commitImport(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, id: number, now: () => Date): Promise<RosterImport> {
  const imp = await reachableImport(db, caller, id)
  if (imp.state === 'committed') return answer(db, imp)
  const started = now()
  if (!(await repo.claimCommit(db, id, started.toISOString(), new Date(started.getTime() - STALE_COMMIT_MS).toISOString()))) {
    const again = (await repo.findImport(db, id))!
    if (again.state === 'committed') return answer(db, again)
    throw conflict('这次导入正在写入台账，请稍等一会儿再刷新')
  }
  const written = { created: 0, updated: 0, unchanged: 0 }
  let after = { pass: -1, row: 0 }
  for (;;) {
    const rows = await repo.rowsAfter(db, id, after, commitChunk(db))
    if (!rows.length) break
    const waiting = rows.map((r) => JSON.parse(keys.decrypt(r.fields_enc)) as WaitingRow)
    let done: typeof written | undefined
    // A person registered by hand meanwhile makes the insert fail on the unique ID hash: read again, then it is an update.
    for (let attempt = 0; done === undefined; attempt++) {
      try {
        done = await writeChunk(db, keys, { township: imp.township, staffId: caller.staffId }, waiting, now().toISOString())
      } catch (error) {
        if (attempt > 0 || !isUniqueViolation(error)) throw error
      }
    }
    written.created += done.created
    written.updated += done.updated
    written.unchanged += done.unchanged
    after = { pass: rows[rows.length - 1].pass, row: rows[rows.length - 1].row_number }
    await yieldToOthers()
  }
  const at = now()
  await db.transaction().execute(async (trx) => {
    await repo.finishCommit(trx, id, { at: at.toISOString(), staffId: caller.staffId, ...written })
    await writeAudit(trx, { actor: staffActor(caller), action: 'roster_import.commit', entity: 'roster_import', entityId: id, after: { fileName: imp.file_name, sha256: imp.sha256, ...written }, at })
  })
  return answer(db, (await repo.findImport(db, id))!)
}

interface Plan {
  /** What the plan was made over: ID hash → id, version and household of each person it read. */
  snapshot: Map<string, string>
  unchanged: number
  updates: { id: number; fromVersion: number; state: roster.PersonState; moved: boolean; createdAt: string; changes: unknown }[]
  fresh: { state: roster.PersonState; fields: Fields; ownHash: string; headHash: string | null; headHousehold: number | undefined }[]
}

const stampOf = (p: { id: number; version: number; household_id: number }) => `${p.id}:${p.version}:${p.household_id}`

/**
 * What a chunk will write, worked out before its transaction (decrypting, merging, encrypting are most of the work):
 * the transaction then only checks nothing moved meanwhile and runs the statements, holding SQLite's one connection
 * for as short as it can.
 */
async function planChunk(db: Kysely<DB>, keys: DataKeys, onlyTownship: string | null, rows: readonly WaitingRow[], pause: boolean): Promise<Plan> {
  const ownHashes = rows.map((r) => hashOf(keys, r.person.idNumber))
  const headHashes = rows.map((r) => (r.person.headIdNumber && r.person.headIdNumber !== r.person.idNumber ? hashOf(keys, r.person.headIdNumber) : null))
  const found = await repo.peopleByIdHashes(db, [...new Set([...ownHashes, ...headHashes.filter((h): h is string => h !== null)])])
  const byHash = new Map(found.map((p) => [p.id_number_hash!, p]))
  const plan: Plan = { snapshot: new Map(found.map((p) => [p.id_number_hash!, stampOf(p)])), unchanged: 0, updates: [], fresh: [] }
  for (let i = 0; i < rows.length; i++) {
    if (pause && i > 0 && i % YIELD_EVERY === 0) await yieldToOthers()
    const { person } = rows[i]
    const existing = byHash.get(ownHashes[i])
    if (existing) {
      // Moved out of the officer's township since the check: not theirs to change any more.
      if (onlyTownship !== null && existing.township !== onlyTownship) {
        plan.unchanged++
        continue
      }
      const before = fieldsOf(existing, keys)
      const merged = mergeInto(before, person)
      const changes = changesBetween(before, merged)
      if (!changes.length || problemsOfRule(merged).length) {
        plan.unchanged++
        continue
      }
      // Moving to another village takes the person out of their household, as on the person page.
      const moved = merged.villageId !== before.villageId
      if (moved) merged.relation = 'head'
      const state = stateOf({ ...merged, householdId: existing.household_id }, keys, {
        idEnc: existing.id_number_enc,
        phoneEnc: merged.phone !== null && keys.hmac(PHONE_PURPOSE, merged.phone) === existing.phone_hash ? existing.phone_enc : null,
        userId: existing.user_id,
        version: existing.version + 1,
        source: 'import',
      })
      plan.updates.push({ id: existing.id, fromVersion: existing.version, state, moved, createdAt: existing.created_at, changes })
      continue
    }
    const merged = mergeInto(null, person)
    const headHash = headHashes[i]
    // The household is filled in by the transaction: a head opens one there.
    plan.fresh.push({ state: stateOf({ ...merged, householdId: 0 }, keys, { userId: null, version: 1, source: 'import' }), fields: merged, ownHash: ownHashes[i], headHash, headHousehold: headHash ? byHash.get(headHash)?.household_id : undefined })
  }
  return plan
}

async function applyPlan(trx: Kysely<DB>, plan: Plan, staffId: number, at: string) {
  const versions: Insertable<PersonVersionTable>[] = []
  // Who opens a household: people moved to another village, new heads, and members whose head is gone since the check
  // (they head one of their own). Members join a head on the roster or one opened earlier in this chunk (heads come first).
  const headsHere = new Set(plan.fresh.filter((f) => !f.headHash).map((f) => f.ownHash))
  const opening = [
    ...plan.updates.filter((u) => u.moved).map((u) => u.state),
    ...plan.fresh.filter((f) => !f.headHash || (f.headHousehold === undefined && !headsHere.has(f.headHash))).map((f) => f.state),
  ]
  const ids = await repo.insertHouseholds(trx, opening.map((st) => ({ township: st.township, villageId: st.village_id })), at)
  opening.forEach((st, i) => (st.household_id = ids[i]))
  for (const u of plan.updates) {
    if (!(await roster.updatePerson(trx, u.id, u.fromVersion, u.state, at))) throw conflict('这条记录刚被别人改过，请重新导入')
    versions.push(versionRow(u.id, u.state, at, u.createdAt, u.changes, staffId))
  }
  const opened = new Map(plan.fresh.filter((f) => !f.headHash).map((f) => [f.ownHash, f.state.household_id]))
  const changesOf = new Map<string, unknown>()
  for (const f of plan.fresh) {
    if (f.headHash) {
      const headsHousehold = f.headHousehold ?? opened.get(f.headHash)
      if (headsHousehold !== undefined) f.state.household_id = headsHousehold
      else f.state.relation = f.fields.relation = 'head'
    }
    changesOf.set(f.ownHash, changesBetween(null, f.fields))
  }
  const personIds = await repo.insertPeople(trx, plan.fresh.map((f) => f.state), at)
  for (const f of plan.fresh) versions.push(versionRow(personIds.get(f.ownHash)!, f.state, at, at, changesOf.get(f.ownHash), staffId))
  await repo.closeVersions(trx, plan.updates.map((u) => u.id), at)
  await repo.insertVersions(trx, versions)
  return { created: plan.fresh.length, updated: plan.updates.length, unchanged: plan.unchanged }
}

/** One chunk: planned outside, written inside a transaction; planned again inside if anyone it read changed meanwhile. */
async function writeChunk(db: Kysely<DB>, keys: DataKeys, by: { township: string | null; staffId: number }, rows: readonly WaitingRow[], at: string) {
  const plan = await planChunk(db, keys, by.township, rows, true)
  return db.transaction().execute(async (trx) => {
    const now = await repo.stampsByIdHashes(trx, [...new Set([...plan.fresh.flatMap((f) => [f.ownHash, ...(f.headHash ? [f.headHash] : [])]), ...plan.snapshot.keys()])])
    const same = now.length === plan.snapshot.size && now.every((p) => plan.snapshot.get(p.id_number_hash!) === stampOf(p))
    return applyPlan(trx, same ? plan : await planChunk(trx, keys, by.township, rows, false), by.staffId, at)
  })
}

function versionRow(personId: number, state: roster.PersonState, at: string, createdAt: string, changes: unknown, staffId: number): Insertable<PersonVersionTable> {
  return {
    ...state,
    person_id: personId,
    valid_from: at,
    valid_to: roster.CURRENT_UNTIL,
    created_at: createdAt,
    changed_by_staff_id: staffId,
    changed_by_user_id: null,
    changes_json: JSON.stringify(changes),
  }
}
