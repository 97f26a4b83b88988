/**
 * 补贴免审即享: the rules around claims. Eligibility itself is in eligibility.ts; all SQL in subsidies.repository.ts;
 * staff scope from staff-scope.ts. Every state change writes an audit row and tells the worker, in its transaction.
 */
import ExcelJS from 'exceljs'
import type { Kysely } from 'kysely'
import {
  addDays,
  chinaDate,
  claimStatusLabel,
  type ClaimMode,
  type ClaimStatus,
  type CreateSubsidyClaimBody,
  type DestinationBand,
  HOME_PROVINCE,
  isCalendarDate,
  type KnownRecordKind,
  maskBankAccount,
  maskIdNumber,
  maskPublicName,
  type MySubsidy,
  type MySubsidyClaim,
  paymentSheetColumns,
  type PovertyStatus,
  type ProofKind,
  type StaffSubsidyClaim,
  type SubsidyAmounts,
  type SubsidyEvidence,
  type SubsidyKind,
  type SubsidyRules,
  type SubsidyScheme,
  type SubsidySchemeBody,
  type Township,
} from '../../types'
import type { DataKeys } from '../accounts/crypto'
import { writeAudit } from '../audit/audit.repository'
import type { DB, SubsidySchemeTable } from '../db/schema'
import { AppError, conflict, forbidden, notFound, validationFailed } from '../http/app-error'
import type { StaffCaller } from '../http/caller'
import { decodeCursor, paginate } from '../lib/cursor'
import { xlsxStream } from '../lib/xlsx'
import { notify } from '../notifications/notify'
import { writeAccess } from '../staff/access-log.repository'
import { requireAdmin, requireSubsidyDecision, staffActor, subsidyScopeOf, type SubsidyScope } from '../staff/staff-scope'
import { attachmentOf } from '../uploads/uploads.service'
import { checkEligibility, type Eligibility, type SchemeSettings } from './eligibility'
import * as repo from './subsidies.repository'

type SchemeRow = Awaited<ReturnType<typeof repo.findScheme>> & object
type Row = repo.ClaimRow

const parse = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}

function schemeDto(r: SchemeRow): SubsidyScheme {
  return {
    id: r.id,
    kind: r.kind as SubsidyKind,
    name: r.name,
    year: r.year,
    rules: parse<SubsidyRules>(r.rules, { poverty: ['alleviated', 'monitored'], mustBeAway: true, minMonthsAway: 0, mustHaveTrained: false }),
    amounts: parse<SubsidyAmounts>(r.amounts, { byBand: null, flatYuan: 0, neighbourProvinces: [] }),
    knownBy: parse<KnownRecordKind[]>(r.known_by, []),
    proofKinds: parse<ProofKind[]>(r.proof_kinds, []),
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    publicityDays: r.publicity_days,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

const settingsOf = (s: SubsidyScheme): SchemeSettings => ({ name: s.name, year: s.year, rules: s.rules, amounts: s.amounts, knownBy: s.knownBy, proofKinds: s.proofKinds })

/** The UTC instants a China year runs between. */
const yearBounds = (year: number) => ({ from: `${year - 1}-12-31T16:00:00.000Z`, to: `${year}-12-31T16:00:00.000Z` })

const cnDay = (iso: string) => {
  const d = chinaDate(iso)
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`
}
const withProvince = (province: string, city: string) => (city.startsWith(province) ? city : `${province === HOME_PROVINCE ? '' : province}${city}`)

/** What the county already knows of the worker in a year: departed batches, verified hires, finished courses. */
async function recordsOf(db: Kysely<DB>, userId: number | null, year: number): Promise<SubsidyEvidence[]> {
  if (userId === null) return []
  const { from, to } = yearBounds(year)
  const [seats, hires, courses] = await Promise.all([repo.departedSeatsOf(db, userId, from, to), repo.verifiedHiresOf(db, userId, from, to), repo.finishedCoursesOf(db, userId, from, to)])
  return [
    ...seats.map((s) => ({ kind: 'batch' as const, id: s.id, at: s.depart_at, label: `${cnDay(s.depart_at)}坐县里的专车去了${withProvince(s.destination_province, s.destination_city)}` })),
    ...hires.map((h) => ({ kind: 'posting' as const, id: h.id, at: h.updated_at, label: `${cnDay(h.updated_at)}通过核实过的岗位被${h.employer_name}录用` })),
    ...courses.map((c) => ({ kind: 'course' as const, id: c.id, at: c.completed_at ?? '', label: `${cnDay(c.completed_at ?? '')}在县里的“${c.title}”培训结业` })),
  ]
}

const factsOf = (p: repo.EligibilityPerson) => ({
  poverty: p.poverty,
  status: p.status,
  destinationProvince: p.destination_province,
  destinationCity: p.destination_city,
  statusSince: p.status_since,
})

// ——— the worker ———

function myClaimDto(keys: DataKeys, r: Row, proofs: { id: string; content_type: string }[], now: Date): MySubsidyClaim {
  return {
    id: r.id,
    schemeId: r.scheme_id,
    schemeName: r.scheme_name,
    year: r.year,
    amountYuan: r.amount_yuan,
    band: r.band as DestinationBand | null,
    mode: r.mode as ClaimMode,
    status: r.status as ClaimStatus,
    refusalReason: r.refusal_reason,
    proofs: proofs.map((p) => attachmentOf(keys, p.id, p.content_type, now)),
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    publicity: r.publicity_id !== null && r.publicity_starts_on && r.publicity_ends_on ? { id: r.publicity_id, startsOn: r.publicity_starts_on, endsOn: r.publicity_ends_on } : null,
    paidOn: r.paid_on,
  }
}

async function proofMap(db: Kysely<DB>, claimIds: number[]) {
  const map = new Map<number, { id: string; content_type: string }[]>()
  for (const p of await repo.proofsOf(db, claimIds)) {
    const list = map.get(p.subsidy_claim_id as number) ?? []
    list.push(p)
    map.set(p.subsidy_claim_id as number, list)
  }
  return map
}

export async function listMySubsidyClaims(db: Kysely<DB>, keys: DataKeys, userId: number, now: Date) {
  const rows = await repo.listClaimsOfUser(db, userId)
  const proofs = await proofMap(
    db,
    rows.map((r) => r.id),
  )
  return { items: rows.map((r) => myClaimDto(keys, r, proofs.get(r.id) ?? [], now)) }
}

export async function listMySubsidies(db: Kysely<DB>, keys: DataKeys, userId: number, year: number | undefined, now: Date) {
  const today = chinaDate(now)
  const y = year ?? Number(today.slice(0, 4))
  const [schemes, person, account, claims] = await Promise.all([repo.listSchemes(db, y), repo.personOfUser(db, userId), repo.findBankAccount(db, userId), listMySubsidyClaims(db, keys, userId, now)])
  const records = await recordsOf(db, userId, y)
  const items: MySubsidy[] = schemes.map((row) => {
    const s = schemeDto(row)
    const e = checkEligibility(settingsOf(s), person ? factsOf(person) : null, records, today)
    return {
      scheme: { id: s.id, kind: s.kind, name: s.name, year: s.year, opensOn: s.opensOn, closesOn: s.closesOn },
      qualifies: e.qualifies,
      amountYuan: e.qualifies ? e.amountYuan : null,
      band: e.band,
      reason: e.reason,
      mode: e.qualifies ? e.mode : null,
      proofKinds: e.qualifies && e.mode === 'proof' ? s.proofKinds : [],
      evidence: e.evidence.filter((r) => s.knownBy.includes(r.kind)),
      windowOpen: today >= s.opensOn && today <= s.closesOn,
      claim: claims.items.find((c) => c.schemeId === s.id) ?? null,
    }
  })
  return { onRoster: person !== undefined, bankAccount: account ? maskBankAccount(keys.decrypt(account.account_enc)) : null, items }
}

const windowMessage = (s: SubsidyScheme) => `${s.name}的申请时间是${cnDay(`${s.opensOn}T04:00:00Z`)}到${cnDay(`${s.closesOn}T04:00:00Z`)}，现在不能申请。`

export async function createSubsidyClaim(trx: Kysely<DB>, keys: DataKeys, userId: number, body: CreateSubsidyClaimBody, now: Date): Promise<MySubsidyClaim> {
  const row = await repo.findScheme(trx, body.schemeId)
  if (!row) throw validationFailed({ schemeId: '没有这项补贴，请刷新后再选' })
  const scheme = schemeDto(row)
  const today = chinaDate(now)
  if (today < scheme.opensOn || today > scheme.closesOn) throw validationFailed({ schemeId: windowMessage(scheme) }, windowMessage(scheme))
  const person = await repo.personOfUser(trx, userId)
  if (!person) throw validationFailed({ schemeId: '劳动力台账里还没有找到您，请联系村里的劳务信息员登记后再申请。' }, '劳动力台账里还没有找到您，请联系村里的劳务信息员登记后再申请。')
  const existing = await repo.findClaimOf(trx, person.id, scheme.id, scheme.year)
  if (existing) throw conflict(alreadyClaimed(scheme, existing.status as ClaimStatus))
  const e = checkEligibility(settingsOf(scheme), factsOf(person), await recordsOf(trx, userId, scheme.year), today)
  if (!e.qualifies) throw validationFailed({ schemeId: e.reason }, e.reason)

  const proofIds = [...new Set(body.proofUploadIds ?? [])]
  if (e.mode === 'proof') {
    if (!proofIds.length) throw validationFailed({ proofUploadIds: '请先拍照上传证明材料（务工证明、工资条或社保记录）' })
    const free = await repo.freeProofPhotos(trx, userId, proofIds)
    if (free.length !== proofIds.length) throw proofsNotFree()
  }
  const at = now.toISOString()
  const id = await repo.insertClaim(trx, {
    scheme_id: scheme.id,
    year: scheme.year,
    person_id: person.id,
    user_id: userId,
    township: person.township,
    village_id: person.village_id,
    amount_yuan: e.amountYuan,
    band: e.band,
    mode: e.mode,
    status: 'submitted',
    reason: e.reason,
    evidence: JSON.stringify(e.evidence.filter((r) => scheme.knownBy.includes(r.kind))),
    refusal_reason: null,
    submitted_at: at,
    decided_at: null,
    decided_by_staff_id: null,
    publicity_id: null,
    paid_on: null,
    updated_at: at,
  })
  // Two taps at once with different keys: the database kept one, the other learns it here.
  if (id === undefined) throw conflict(alreadyClaimed(scheme, 'submitted'))
  // Taken by another write since the check (a claim or a complaint at the same moment): this claim is not made.
  if (e.mode === 'proof' && (await repo.attachProofs(trx, userId, proofIds, id)) !== proofIds.length) throw proofsNotFree()
  await writeAudit(trx, {
    actor: { kind: 'worker', id: userId },
    action: 'subsidy_claim.submit',
    entity: 'subsidy_claim',
    entityId: id,
    after: { status: 'submitted', schemeId: scheme.id, amountYuan: e.amountYuan, mode: e.mode, proofs: e.mode === 'proof' ? proofIds.length : 0 },
    at: now,
  })
  const claim = await repo.findClaim(trx, id)
  return myClaimDto(keys, claim as Row, e.mode === 'proof' ? (await proofMap(trx, [id])).get(id) ?? [] : [], now)
}

const proofsNotFree = () => validationFailed({ proofUploadIds: '有的照片找不到或已经用过了，证明只能是您自己刚上传的照片，请重新上传' })

const alreadyClaimed = (s: SubsidyScheme, status: ClaimStatus) => `您已经申请过${s.year}年的${s.name}（${claimStatusLabel[status]}），每人每年只能申请一次。`

// ——— the payment account ———

export async function getMyBankAccount(db: Kysely<DB>, keys: DataKeys, userId: number) {
  const row = await repo.findBankAccount(db, userId)
  return { account: row ? bankDto(keys, row) : null }
}

function bankDto(keys: DataKeys, row: NonNullable<Awaited<ReturnType<typeof repo.findBankAccount>>>) {
  return { kind: row.kind as 'bank_card' | 'social_security_card', bankName: row.bank_name, accountNumber: maskBankAccount(keys.decrypt(row.account_enc)), updatedAt: row.updated_at }
}

export async function setMyBankAccount(db: Kysely<DB>, keys: DataKeys, userId: number, body: { kind: string; bankName: string; accountNumber: string }, now: Date) {
  const digits = body.accountNumber.replace(/\D/g, '')
  return db.transaction().execute(async (trx) => {
    const before = await repo.findBankAccount(trx, userId)
    await repo.upsertBankAccount(trx, { user_id: userId, kind: body.kind, bank_name: body.bankName, account_enc: keys.encrypt(digits), updated_at: now.toISOString() })
    await writeAudit(trx, {
      actor: { kind: 'worker', id: userId },
      action: 'bank_account.set',
      entity: 'user',
      entityId: userId,
      before: before ? { bankName: before.bank_name, accountNumber: maskBankAccount(keys.decrypt(before.account_enc)) } : undefined,
      after: { bankName: body.bankName, accountNumber: maskBankAccount(digits) },
      at: now,
    })
    return { account: bankDto(keys, (await repo.findBankAccount(trx, userId))!) }
  })
}

/** For the worker's own export (unmasked, for them alone): their claims and their payment account. */
export async function exportSubsidyRecords(db: Kysely<DB>, keys: DataKeys, userId: number) {
  const claims = await repo.listClaimsOfUser(db, userId)
  const account = await repo.findBankAccount(db, userId)
  return {
    subsidyClaims: claims.map((r) => ({
      id: r.id,
      scheme: `${r.year}年${r.scheme_name}`,
      amountYuan: r.amount_yuan,
      status: r.status,
      statusLabel: claimStatusLabel[r.status as ClaimStatus],
      reason: r.reason,
      refusalReason: r.refusal_reason,
      submittedAt: r.submitted_at,
      decidedAt: r.decided_at,
      publicity: r.publicity_starts_on ? `${r.publicity_starts_on}到${r.publicity_ends_on}` : null,
      paidOn: r.paid_on,
    })),
    bankAccounts: account ? [{ kind: account.kind, bankName: account.bank_name, accountNumber: keys.decrypt(account.account_enc), updatedAt: account.updated_at }] : [],
  }
}

/**
 * Account deletion: the payment account goes; claims stay with the roster person (the county paid or may pay them,
 * and 公示 lists were printed), no longer tied to the account.
 */
export async function eraseSubsidyData(trx: Kysely<DB>, userId: number): Promise<void> {
  await repo.deleteBankAccount(trx, userId)
  await repo.forgetClaimant(trx, userId)
}

// ——— schemes (staff) ———

export async function listSubsidySchemes(db: Kysely<DB>, caller: StaffCaller, year?: number) {
  subsidyScopeOf(caller)
  return { items: (await repo.listSchemes(db, year)).map(schemeDto) }
}

function schemeColumns(body: SubsidySchemeBody, at: string) {
  return {
    kind: body.kind,
    name: body.name,
    year: body.year,
    rules: JSON.stringify(body.rules),
    amounts: JSON.stringify(body.amounts),
    known_by: JSON.stringify([...new Set(body.knownBy ?? [])]),
    proof_kinds: JSON.stringify([...new Set(body.proofKinds ?? [])]),
    opens_on: body.opensOn,
    closes_on: body.closesOn,
    publicity_days: body.publicityDays ?? 7,
    updated_at: at,
  } satisfies Partial<SubsidySchemeTable>
}

const windowInYear = (body: SubsidySchemeBody) => {
  if (Number(body.opensOn.slice(0, 4)) < body.year) throw validationFailed({ opensOn: `${body.year}年的补贴，申请不能早于${body.year}年开始` })
}

export async function createSubsidyScheme(trx: Kysely<DB>, caller: StaffCaller, body: SubsidySchemeBody, now: Date): Promise<SubsidyScheme> {
  requireAdmin(caller, '只有县级管理员可以设置补贴')
  windowInYear(body)
  const at = now.toISOString()
  const id = await repo.insertScheme(trx, { ...schemeColumns(body, at), seed_key: null, created_by_staff_id: caller.staffId, created_at: at })
  if (id === undefined) throw conflict(`${body.year}年已经有这种补贴了，请修改原来的那项`)
  const row = (await repo.findScheme(trx, id))!
  await writeAudit(trx, { actor: staffActor(caller), action: 'subsidy_scheme.create', entity: 'subsidy_scheme', entityId: id, after: schemeDto(row), at: now })
  return schemeDto(row)
}

export async function updateSubsidyScheme(db: Kysely<DB>, caller: StaffCaller, id: number, body: SubsidySchemeBody, now: Date): Promise<SubsidyScheme> {
  requireAdmin(caller, '只有县级管理员可以设置补贴')
  windowInYear(body)
  return db.transaction().execute(async (trx) => {
    const before = await repo.findScheme(trx, id)
    if (!before) throw notFound('没有这项补贴')
    const other = await repo.findSchemeByKindYear(trx, body.kind, body.year)
    if (other && other.id !== id) throw conflict(`${body.year}年已经有这种补贴了，请修改原来的那项`)
    await repo.updateScheme(trx, id, schemeColumns(body, now.toISOString()))
    const after = (await repo.findScheme(trx, id))!
    await writeAudit(trx, { actor: staffActor(caller), action: 'subsidy_scheme.update', entity: 'subsidy_scheme', entityId: id, before: schemeDto(before), after: schemeDto(after), at: now })
    return schemeDto(after)
  })
}

// ——— the review queue ———

async function staffDtos(db: Kysely<DB>, keys: DataKeys, rows: Row[], now: Date): Promise<StaffSubsidyClaim[]> {
  const ids = rows.map((r) => r.id)
  const [proofs, objections, accounts] = await Promise.all([
    proofMap(db, ids),
    repo.objectionsOf(db, ids),
    repo.bankAccountUsers(
      db,
      rows.flatMap((r) => (r.user_id === null ? [] : [r.user_id])),
    ),
  ])
  return rows.map((r) => ({
    id: r.id,
    scheme: { id: r.scheme_id, kind: r.scheme_kind as SubsidyKind, name: r.scheme_name, year: r.year },
    person: {
      id: r.person_id,
      name: r.person_name,
      idNumber: r.id_number_enc ? maskIdNumber(keys.decrypt(r.id_number_enc)) : null,
      township: r.township as Township,
      village: r.village_name,
      poverty: r.poverty as PovertyStatus,
    },
    amountYuan: r.amount_yuan,
    band: r.band as DestinationBand | null,
    mode: r.mode as ClaimMode,
    status: r.status as ClaimStatus,
    reason: r.reason,
    evidence: parse<SubsidyEvidence[]>(r.evidence, []),
    proofs: (proofs.get(r.id) ?? []).map((p) => attachmentOf(keys, p.id, p.content_type, now)),
    refusalReason: r.refusal_reason,
    hasBankAccount: r.user_id !== null && accounts.has(r.user_id),
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by_staff_id !== null ? { id: r.decided_by_staff_id, displayName: r.decided_by_name ?? '' } : null,
    publicity: r.publicity_id !== null && r.publicity_starts_on && r.publicity_ends_on ? { id: r.publicity_id, startsOn: r.publicity_starts_on, endsOn: r.publicity_ends_on } : null,
    objections: objections.filter((o) => o.claim_id === r.id).map((o) => ({ id: o.id, text: o.text, staff: { id: o.staff_id, displayName: o.display_name }, createdAt: o.created_at })),
    paidOn: r.paid_on,
  }))
}

/** The filter a caller's scope imposes, narrowed by what they asked; a township outside their own finds nothing. */
function scopedFilter(scope: SubsidyScope, asked: { township?: string; villageId?: number }): { township?: string; villageId?: number } {
  const township = scope.township ?? asked.township
  if (scope.township !== undefined && asked.township !== undefined && asked.township !== scope.township) return { township: '-', villageId: -1 }
  const villageId = scope.villageId ?? asked.villageId
  if (scope.villageId !== undefined && asked.villageId !== undefined && asked.villageId !== scope.villageId) return { township: '-', villageId: -1 }
  return { township, villageId }
}

const inScope = (scope: SubsidyScope, r: { township: string; village_id: number }) =>
  (scope.township === undefined || r.township === scope.township) && (scope.villageId === undefined || r.village_id === scope.villageId)

export async function listStaffSubsidyClaims(
  db: Kysely<DB>,
  keys: DataKeys,
  caller: StaffCaller,
  q: { scheme?: number; status?: ClaimStatus; township?: string; villageId?: number; cursor?: string; limit: number },
  now: Date,
) {
  const scope = subsidyScopeOf(caller)
  const after = decodeCursor(q.cursor, { id: 'number' })
  const f: repo.ClaimFilter = { schemeId: q.scheme, status: q.status, ...scopedFilter(scope, q) }
  const rows = await repo.listClaims(db, f, { afterId: after?.id, limit: q.limit + 1 })
  const { page, nextCursor } = paginate(rows, q.limit, (last) => ({ id: last.id }))
  return { items: await staffDtos(db, keys, page, now), nextCursor, total: await repo.countClaims(db, f) }
}

/** A claim the caller may act on; outside their scope it does not exist for them (404). */
async function claimInScope(db: Kysely<DB>, scope: SubsidyScope, id: number): Promise<Row> {
  const row = await repo.findClaim(db, id)
  if (!row || !inScope(scope, row)) throw notFound('没有这条补贴申请')
  return row
}

/** Eligibility now, for the approval's re-check. */
async function recheck(db: Kysely<DB>, row: Row, now: Date): Promise<Eligibility> {
  const scheme = await repo.findScheme(db, row.scheme_id)
  const person = await repo.personById(db, row.person_id)
  const s = schemeDto(scheme!)
  return checkEligibility(settingsOf(s), person ? factsOf(person) : null, await recordsOf(db, row.user_id, row.year), chinaDate(now))
}

const noticeFor = (row: Row, status: Exclude<ClaimStatus, 'submitted'>, extra: { refusalReason?: string | null; startsOn?: string; endsOn?: string; paidOn?: string } = {}) =>
  row.user_id === null ? null : { kind: 'subsidy_claim' as const, userId: row.user_id, status, scheme: `${row.year}年${row.scheme_name}`, amountYuan: row.amount_yuan, ...extra }

async function decideOne(trx: Kysely<DB>, keys: DataKeys, caller: StaffCaller, scope: SubsidyScope, id: number, body: { decision: 'approve' | 'refuse'; reason: string | null }, now: Date) {
  await repo.lockClaim(trx, id)
  const row = await claimInScope(trx, scope, id)
  const at = now.toISOString()
  if (body.decision === 'approve') {
    if (row.status !== 'submitted') throw conflict(`这条申请${claimStatusLabel[row.status as ClaimStatus]}，不能再审核通过`)
    const e = await recheck(trx, row, now)
    if (!e.qualifies) throw conflict(`再核对不符合：${e.reason}`)
    if (row.mode === 'instant' && e.mode !== 'instant') throw conflict('再核对不符合：县里已经没有这个人外出的记录了，请让本人上传证明后再申请')
    await repo.updateClaim(trx, id, { status: 'approved', amount_yuan: e.amountYuan, band: e.band, decided_at: at, decided_by_staff_id: caller.staffId, refusal_reason: null, updated_at: at })
    await writeAudit(trx, {
      actor: staffActor(caller),
      action: 'subsidy_claim.approve',
      entity: 'subsidy_claim',
      entityId: id,
      before: { status: row.status, amountYuan: row.amount_yuan },
      after: { status: 'approved', amountYuan: e.amountYuan, recheck: e.reason },
      at: now,
    })
    const n = noticeFor({ ...row, amount_yuan: e.amountYuan }, 'approved')
    if (n) await notify(trx, now, n)
  } else {
    if (!['submitted', 'approved', 'publicised'].includes(row.status)) throw conflict(`这条申请${claimStatusLabel[row.status as ClaimStatus]}，不能再改成不通过`)
    await repo.updateClaim(trx, id, { status: 'refused', refusal_reason: body.reason, decided_at: at, decided_by_staff_id: caller.staffId, updated_at: at })
    await writeAudit(trx, { actor: staffActor(caller), action: 'subsidy_claim.refuse', entity: 'subsidy_claim', entityId: id, before: { status: row.status }, after: { status: 'refused', reason: body.reason }, at: now })
    const n = noticeFor(row, 'refused', { refusalReason: body.reason })
    if (n) await notify(trx, now, n)
  }
  return (await staffDtos(trx, keys, [(await repo.findClaim(trx, id))!], now))[0]
}

export async function decideSubsidyClaim(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, id: number, body: { decision: 'approve' | 'refuse'; reason: string | null }, now: Date) {
  const scope = subsidyScopeOf(caller)
  requireSubsidyDecision(scope)
  return db.transaction().execute((trx) => decideOne(trx, keys, caller, scope, id, body, now))
}

/** Each claim in its own transaction: one that no longer qualifies is listed with why, the rest go through. */
export async function decideSubsidyClaims(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, body: { ids: number[]; decision: 'approve' | 'refuse'; reason: string | null }, now: Date) {
  const scope = subsidyScopeOf(caller)
  requireSubsidyDecision(scope)
  const decided: StaffSubsidyClaim[] = []
  const failed: { id: number; message: string }[] = []
  for (const id of [...new Set(body.ids)]) {
    try {
      decided.push(await db.transaction().execute((trx) => decideOne(trx, keys, caller, scope, id, body, now)))
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      failed.push({ id, message: error.message })
    }
  }
  return { decided, failed }
}

export async function addSubsidyObjection(trx: Kysely<DB>, keys: DataKeys, caller: StaffCaller, id: number, text: string, now: Date) {
  const scope = subsidyScopeOf(caller)
  requireSubsidyDecision(scope)
  const row = await claimInScope(trx, scope, id)
  const today = chinaDate(now)
  if (row.status !== 'publicised' || !row.publicity_ends_on || !row.publicity_starts_on) throw conflict('只有公示中的申请才能登记异议')
  if (today < row.publicity_starts_on || today > row.publicity_ends_on) throw conflict(`公示期是${row.publicity_starts_on}到${row.publicity_ends_on}，现在不在公示期内`)
  await repo.insertObjection(trx, { claim_id: id, text, staff_id: caller.staffId, created_at: now.toISOString() })
  await writeAudit(trx, { actor: staffActor(caller), action: 'subsidy_claim.objection', entity: 'subsidy_claim', entityId: id, after: { objection: text }, at: now })
  return (await staffDtos(trx, keys, [(await repo.findClaim(trx, id))!], now))[0]
}

// ——— 公示 ———

export async function publishSubsidyClaims(trx: Kysely<DB>, caller: StaffCaller, body: { schemeId: number; township: Township | null; startsOn: string }, now: Date) {
  const scope = subsidyScopeOf(caller)
  requireSubsidyDecision(scope)
  const township = scope.township ?? body.township
  if (scope.township !== undefined && body.township !== null && body.township !== scope.township) throw forbidden(`你只能公示${scope.township}的申请`)
  const row = await repo.findScheme(trx, body.schemeId)
  if (!row) throw validationFailed({ schemeId: '没有这项补贴' })
  const today = chinaDate(now)
  // The paper list may have gone up on the notice board a few days before it is recorded here.
  if (body.startsOn < addDays(today, -30) || body.startsOn > addDays(today, 30)) throw validationFailed({ startsOn: '公示开始日期要在前后30天以内' })
  const endsOn = addDays(body.startsOn, row.publicity_days - 1)
  const publicityId = await repo.insertPublicity(trx, { scheme_id: row.id, township, starts_on: body.startsOn, ends_on: endsOn, staff_id: caller.staffId, created_at: now.toISOString() })
  const ids = await repo.publishApproved(trx, row.id, township, publicityId, now.toISOString())
  if (!ids.length) throw conflict('没有审核通过、等待公示的申请')
  for (const id of ids) {
    await writeAudit(trx, { actor: staffActor(caller), action: 'subsidy_claim.publicise', entity: 'subsidy_claim', entityId: id, before: { status: 'approved' }, after: { status: 'publicised', startsOn: body.startsOn, endsOn }, at: now })
    const claim = (await repo.findClaim(trx, id))!
    const n = noticeFor(claim, 'publicised', { startsOn: body.startsOn, endsOn })
    if (n) await notify(trx, now, n)
  }
  return { publicity: { id: publicityId, startsOn: body.startsOn, endsOn }, count: ids.length }
}

export async function getSubsidyPublicity(db: Kysely<DB>, caller: StaffCaller, q: { scheme: number; township?: Township }) {
  const scope = subsidyScopeOf(caller)
  const row = await repo.findScheme(db, q.scheme)
  if (!row) throw notFound('没有这项补贴')
  const f = scopedFilter(scope, { township: q.township })
  const rows = (await repo.listPublished(db, row.id, f.township)).filter((r) => f.villageId === undefined || r.village_id === f.villageId)
  const windows = new Map<number, { id: number; startsOn: string; endsOn: string }>()
  const items = rows.map((r) => {
    windows.set(r.publicity_id!, { id: r.publicity_id!, startsOn: r.publicity_starts_on!, endsOn: r.publicity_ends_on! })
    return {
      claimId: r.id,
      name: maskPublicName(r.person_name),
      township: r.township as Township,
      village: r.village_name,
      scheme: r.scheme_name,
      amountYuan: r.amount_yuan,
      startsOn: r.publicity_starts_on!,
      endsOn: r.publicity_ends_on!,
    }
  })
  return {
    scheme: { id: row.id, name: row.name, year: row.year },
    township: (f.township as Township | undefined) ?? null,
    windows: [...windows.values()].sort((a, b) => a.id - b.id),
    items,
    totalYuan: items.reduce((sum, i) => sum + i.amountYuan, 0),
  }
}

export function publicityXlsx(p: Awaited<ReturnType<typeof getSubsidyPublicity>>) {
  return xlsxStream([
    {
      name: '公示名单',
      header: ['序号', '姓名', '乡镇', '村', '补贴', '金额（元）', '公示开始', '公示结束'],
      rows: p.items.map((i, n) => [n + 1, i.name, i.township, i.village, i.scheme, i.amountYuan, i.startsOn, i.endsOn]),
    },
  ])
}

// ——— payment ———

export async function getSubsidyPayments(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, q: { scheme: number; format: 'json' | 'xlsx' }, now: Date) {
  requireAdmin(caller, '只有县级管理员可以导出发放名单')
  const scheme = await repo.findScheme(db, q.scheme)
  if (!scheme) throw notFound('没有这项补贴')
  const rows = await repo.listPayable(db, scheme.id, chinaDate(now))
  const full = q.format === 'xlsx'
  const items = rows.map((r) => {
    const account = r.account_enc ? keys.decrypt(r.account_enc) : null
    return {
      claimId: r.id,
      name: r.name,
      township: r.township as Township,
      village: r.village_name,
      scheme: r.scheme_name,
      amountYuan: r.amount_yuan,
      bankName: r.bank_name,
      accountNumber: account === null ? null : full ? account : maskBankAccount(account),
    }
  })
  if (full) {
    // The accounts in full leave the server only here: each worker's read is in the access log, with the export.
    await writeAccess(
      db,
      rows.map((r) => ({ staffId: caller.staffId, action: 'subsidy_payment_export' as const, userId: r.user_id, personId: r.person_id, detail: `${scheme.year}年${scheme.name} 发放名单 申请${r.id}`, at: now })),
    )
    if (!rows.length) await writeAccess(db, [{ staffId: caller.staffId, action: 'subsidy_payment_export', userId: null, detail: `${scheme.year}年${scheme.name} 发放名单（空）`, at: now }])
  }
  return { scheme, items, totalYuan: items.reduce((s, i) => s + i.amountYuan, 0), missingAccounts: items.filter((i) => i.accountNumber === null).length }
}

export function paymentXlsx(items: Awaited<ReturnType<typeof getSubsidyPayments>>['items']) {
  return xlsxStream([
    {
      name: '发放名单',
      header: paymentSheetColumns,
      textColumns: ['账号'],
      rows: items.map((i) => [i.claimId, i.name, i.township, i.village, i.scheme, i.amountYuan, i.bankName, i.accountNumber, '', '']),
    },
  ])
}

type PaidOutcome = 'paid' | 'unchanged' | string

/** One claim to paid, in the caller's transaction; a string is why not. */
async function markPaid(trx: Kysely<DB>, caller: StaffCaller, id: number, paidOn: string, now: Date): Promise<PaidOutcome> {
  await repo.lockClaim(trx, id)
  const row = await repo.findClaim(trx, id)
  if (!row) return '没有这条申请'
  if (row.status === 'paid') return 'unchanged'
  if (row.status !== 'publicised' || !row.publicity_ends_on) return `这条申请${claimStatusLabel[row.status as ClaimStatus]}，公示后才能发放`
  if (chinaDate(now) <= row.publicity_ends_on) return `公示到${row.publicity_ends_on}才结束，结束后才能发放`
  if (paidOn <= row.publicity_ends_on) return `发放日期要在公示结束（${row.publicity_ends_on}）之后`
  const at = now.toISOString()
  await repo.updateClaim(trx, id, { status: 'paid', paid_on: paidOn, updated_at: at })
  await writeAudit(trx, { actor: staffActor(caller), action: 'subsidy_claim.paid', entity: 'subsidy_claim', entityId: id, before: { status: row.status }, after: { status: 'paid', paidOn }, at: now })
  const n = noticeFor(row, 'paid', { paidOn })
  if (n) await notify(trx, now, n)
  return 'paid'
}

export async function markSubsidyClaimsPaid(db: Kysely<DB>, caller: StaffCaller, body: { ids: number[]; paidOn: string }, now: Date) {
  requireAdmin(caller, '只有县级管理员可以登记发放')
  if (body.paidOn > chinaDate(now)) throw validationFailed({ paidOn: '发放日期不能晚于今天' })
  const paid: number[] = []
  const failed: { id: number; message: string }[] = []
  for (const id of [...new Set(body.ids)]) {
    const outcome = await db.transaction().execute((trx) => markPaid(trx, caller, id, body.paidOn, now))
    if (outcome === 'paid' || outcome === 'unchanged') paid.push(id)
    else failed.push({ id, message: outcome })
  }
  return { paid, failed }
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue)
    if ('richText' in v) return v.richText.map((t) => t.text).join('')
    return ''
  }
  return String(v).trim()
}

/** The finance bureau's returned sheet: 编号, 发放结果 (已发放), 发放日期. Each row in its own transaction. */
export async function importSubsidyPayments(db: Kysely<DB>, caller: StaffCaller, bytes: Buffer, now: Date) {
  requireAdmin(caller, '只有县级管理员可以登记发放')
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw validationFailed({ file: '读不出这个文件，请上传导出的发放名单（.xlsx）' })
  }
  const ws = wb.worksheets[0]
  if (!ws) throw validationFailed({ file: '文件里没有工作表' })
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map((v) => cellText(v))
  const col = (name: string) => header.indexOf(name)
  const [idCol, resultCol, dateCol] = [col('编号'), col('发放结果'), col('发放日期')]
  if (idCol < 0 || resultCol < 0 || dateCol < 0) throw validationFailed({ file: '第一行要有“编号”“发放结果”“发放日期”三列，请用导出的发放名单填写' })
  const result = { paid: 0, unchanged: 0, problems: [] as { row: number; message: string }[] }
  const today = chinaDate(now)
  for (let n = 2; n <= ws.rowCount; n++) {
    const values = ws.getRow(n).values as ExcelJS.CellValue[]
    const idText = cellText(values[idCol])
    const outcomeText = cellText(values[resultCol])
    const dateText = cellText(values[dateCol]).replace(/\//g, '-')
    if (!idText && !outcomeText) continue
    const id = Number(idText)
    if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) {
      result.problems.push({ row: n, message: '编号不对' })
      continue
    }
    if (outcomeText !== '已发放') {
      result.problems.push({ row: n, message: outcomeText ? `发放结果是“${outcomeText}”，没有登记为已发放` : '发放结果没填' })
      continue
    }
    if (!isCalendarDate(dateText) || dateText > today) {
      result.problems.push({ row: n, message: '发放日期不对，请按 2026-01-31 这样填，且不能晚于今天' })
      continue
    }
    const outcome = await db.transaction().execute((trx) => markPaid(trx, caller, id, dateText, now))
    if (outcome === 'paid') result.paid++
    else if (outcome === 'unchanged') result.unchanged++
    else result.problems.push({ row: n, message: outcome })
  }
  return result
}

// ——— figures ———

export async function getSubsidyFigures(db: Kysely<DB>, caller: StaffCaller, year: number | undefined, now: Date) {
  const scope = subsidyScopeOf(caller)
  const y = year ?? Number(chinaDate(now).slice(0, 4))
  const rows = await repo.claimsForFigures(db, y, { township: scope.township, villageId: scope.villageId })
  const empty = () => ({ claims: 0, claimedYuan: 0, approvedYuan: 0, paidYuan: 0, refused: 0 })
  const add = (t: ReturnType<typeof empty>, r: (typeof rows)[number]) => {
    t.claims++
    t.claimedYuan += r.amount_yuan
    if (r.status === 'refused') t.refused++
    if (['approved', 'publicised', 'paid'].includes(r.status)) t.approvedYuan += r.amount_yuan
    if (r.status === 'paid') t.paidYuan += r.amount_yuan
  }
  const total = empty()
  const byScheme = new Map<number, { schemeId: number; scheme: string } & ReturnType<typeof empty>>()
  const byTownship = new Map<string, { township: Township } & ReturnType<typeof empty>>()
  const byMonth = new Map<string, { month: string } & ReturnType<typeof empty>>()
  for (const r of rows) {
    add(total, r)
    const s = byScheme.get(r.scheme_id) ?? { schemeId: r.scheme_id, scheme: r.scheme_name, ...empty() }
    add(s, r)
    byScheme.set(r.scheme_id, s)
    const t = byTownship.get(r.township) ?? { township: r.township as Township, ...empty() }
    add(t, r)
    byTownship.set(r.township, t)
    const month = chinaDate(r.submitted_at).slice(0, 7)
    const m = byMonth.get(month) ?? { month, ...empty() }
    add(m, r)
    byMonth.set(month, m)
  }
  return {
    year: y,
    total,
    byScheme: [...byScheme.values()].sort((a, b) => a.schemeId - b.schemeId),
    byTownship: [...byTownship.values()].sort((a, b) => a.township.localeCompare(b.township, 'zh')),
    byMonth: [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month)),
  }
}
