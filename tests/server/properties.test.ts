/**
 * Every write endpoint in the contract, fed arbitrary JSON and near-valid bodies (drawn from its own
 * zod schema, then with a field dropped, replaced by any JSON value or joined by an unknown one):
 * never a 500, a non-2xx always in the contract's error shape with its matching status, a 2xx always
 * in the endpoint's response shape, and not one row added or removed anywhere unless the answer is 2xx.
 * Runs on whichever database the suite runs on (DATABASE_URL).
 */
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { z } from 'zod/mini'
import { api, type Endpoint, errorBody, statusOf } from '../../types'
import { TEST_STAFF_PASSWORDS } from '../../server/config'
import { bearer, nextIp, signIn, staffSignIn } from '../../server/test-support/accounts'
import { buildTestApp, type TestApp, usesPostgres } from '../../server/test-support/test-app'

jest.setTimeout(180_000)

const RUNS = Number(process.env.PROPERTY_RUNS ?? 30)

let t: TestApp
let workerToken: string
let staffToken: string
let phoneCounter = 0
const freshPhone = () => `1360000${String(++phoneCounter).padStart(4, '0')}`

/** Ids that exist (and belong to the main worker where that matters), so arbitrary input also reaches deep paths. */
const existing = { id: [] as string[], trackingNo: [] as string[] }

beforeAll(async () => {
  t = await buildTestApp()
  workerToken = (await signIn(t.app, freshPhone())).token
  staffToken = (await staffSignIn(t.app, 'admin', TEST_STAFF_PASSWORDS.admin)).token
  const as = (token: string, method: string, url: string, payload?: unknown) =>
    t.app.inject({ method: method as 'POST', url, headers: { ...bearer(token), 'idempotency-key': `fixture-${url.replace(/\W/g, '-')}-${method}` }, payload: payload as object })
  const job = (await t.db.selectFrom('jobs').select('id').orderBy('id').executeTakeFirstOrThrow()).id
  const course = (await t.db.selectFrom('courses').select('id').orderBy('id').executeTakeFirstOrThrow()).id
  const applied = await as(workerToken, 'POST', `/api/jobs/${job}/applications`, { note: '想去' })
  const enrolled = await as(workerToken, 'POST', `/api/courses/${course}/enrollments`, { agreeTerms: true })
  const rights = await as(workerToken, 'POST', '/api/rights-requests', {
    category: 'unpaid_wages',
    description: '老板拖欠我们三个月的工资，一直说下个月给，到现在也没给。',
    employerName: '无锡某建筑劳务公司',
    workCity: '无锡市',
    workAddress: '无锡市新吴区长江路工地',
    workedFrom: '2025-10',
    amountOwedYuan: 18000,
    workersAffected: 3,
  })
  expect([applied.statusCode, enrolled.statusCode, rights.statusCode]).toEqual([200, 201, 201])
  existing.id = [...new Set([job, course, applied.json().id, enrolled.json().id].map(String))]
  existing.trackingNo = [rights.json().trackingNo]
})
afterAll(() => t?.close())

// ── Row-count snapshot over every table ──

async function tableNames(): Promise<string[]> {
  const rows = usesPostgres()
    ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(t.db)
    : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.db)
  return rows.rows.map((r) => r.name).sort()
}

let snapshotQuery: string | null = null
async function rowCounts(): Promise<Record<string, number>> {
  if (!snapshotQuery) {
    snapshotQuery = (await tableNames()).map((name) => `select '${name}' as name, count(*) as n from "${name}"`).join(' union all ')
  }
  const rows = await sql<{ name: string; n: number | string }>`${sql.raw(snapshotQuery)}`.execute(t.db)
  return Object.fromEntries(rows.rows.map((r) => [r.name, Number(r.n)]))
}

const changed = (before: Record<string, number>, after: Record<string, number>, allowed: readonly string[] = []) =>
  Object.keys({ ...before, ...after })
    .filter((k) => before[k] !== after[k] && !allowed.includes(k))
    .map((k) => `${k}: ${before[k]} → ${after[k]}`)

/** Refusals that must leave a trace: a failed staff sign-in counts against its client address. */
const recordedRefusals: Record<string, readonly string[]> = { staffLogin: ['staff_login_failures'] }

// ── Arbitrary input from the contract's own schemas ──

type Def = { type: string; [k: string]: any }
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def

const realistic = fc.constantFrom(
  '',
  ' ',
  '13800001234',
  '123456',
  '620524199001011234',
  '2026-12-01',
  '2025-10',
  'WS-2026-000001',
  '无锡市',
  '其他',
  'a'.repeat(201),
  '0'.repeat(32),
  '<script>',
  "'; drop table users; --",
  '\u0000',
  '😀',
)

/** Values shaped like what the schema accepts, so many requests get past validation into the handlers. */
function shaped(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.jsonValue({ maxDepth: 2 })
  const def = defOf(schema)
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>
      // Required keys always present, optional ones sometimes: the mutations below do the dropping.
      const requiredKeys = Object.keys(shape).filter((k) => !['optional', 'default', 'prefault'].includes(defOf(shape[k]).type))
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, shaped(v, depth + 1)])), { requiredKeys })
    }
    case 'string': {
      const checks = ((def.checks ?? []) as { _zod: { def: { check: string; pattern?: RegExp; maximum?: number } } }[]).map((c) => c._zod.def)
      const pattern = checks.find((c) => c.check === 'string_format' && c.pattern)?.pattern
      const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 40
      const plain = fc.oneof(realistic, fc.string({ maxLength: Math.min(max + 2, 60) }), fc.string({ unit: 'grapheme', maxLength: Math.min(max, 20) }))
      return pattern ? fc.oneof({ weight: 3, arbitrary: fc.stringMatching(pattern) }, { weight: 1, arbitrary: plain }) : plain
    }
    case 'number':
    case 'int':
    case 'bigint':
      return fc.oneof(fc.integer({ min: -3, max: 100_000 }), fc.constantFrom(0, 1, 2, 2 ** 31, Number.MAX_SAFE_INTEGER, 1.5, -1), fc.double({ noNaN: true }))
    case 'boolean':
      return fc.boolean()
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>))
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]))
    case 'array':
      return fc.array(shaped(def.element, depth + 1), { maxLength: 5 })
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 8 }), shaped(def.valueType, depth + 1), { maxKeys: 3 })
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return fc.oneof({ weight: 4, arbitrary: shaped(def.innerType, depth) }, { weight: 1, arbitrary: fc.constant(undefined) })
    case 'nullable':
      return fc.oneof({ weight: 4, arbitrary: shaped(def.innerType, depth) }, { weight: 1, arbitrary: fc.constant(null) })
    case 'pipe':
      return shaped(def.in, depth)
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => shaped(o, depth + 1)))
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

/** A shaped body with one field dropped, replaced by any JSON value, or an unknown field added. */
function mutated(schema: unknown): fc.Arbitrary<unknown> {
  return fc
    .tuple(shaped(schema), fc.nat(), fc.constantFrom('drop', 'replace', 'add'), fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 10 }))
    .map(([value, pick, how, any, extra]) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return any
      const copy = { ...(value as Record<string, unknown>) }
      const keys = Object.keys(copy)
      const key = keys.length ? keys[pick % keys.length] : extra
      if (how === 'drop') delete copy[key]
      else if (how === 'replace') copy[key] = any
      else copy[extra || 'x'] = any
      return copy
    })
}

const bodyFor = (e: Endpoint): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.jsonValue() },
    { weight: 3, arbitrary: shaped(e.body) },
    { weight: 3, arbitrary: mutated(e.body) },
  )

function paramValue(name: string): fc.Arbitrary<string> {
  const known = name === 'trackingNo' ? existing.trackingNo : existing.id
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.integer({ min: -5, max: 2 ** 40 }).map(String) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 999_999 }).map((n) => `WS-2026-${String(n).padStart(6, '0')}`) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
  )
}

function urlFor(e: Endpoint): fc.Arbitrary<string> {
  const names = [...e.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1])
  if (!names.length) return fc.constant('/api' + e.path)
  return fc.tuple(...names.map(paramValue)).map((values) => {
    let i = 0
    return '/api' + e.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(values[i++]))
  })
}

// ── The property ──

const writeEndpoints = Object.entries(api as Record<string, Endpoint>).filter(([, e]) => e.method !== 'GET')

/** Ends what it touches (the session or the account): each of these runs with a caller of its own. */
const endsTheCaller = (e: Endpoint) => e.method === 'DELETE' && (e.path === '/me' || /session$/.test(e.path))

let keyCounter = 0
const newKey = () => `property-${++keyCounter}-${Date.now()}`

async function callerToken(app: FastifyInstance, e: Endpoint, disposable: { token?: string }): Promise<string | undefined> {
  if (e.access === 'public') return undefined
  if (!endsTheCaller(e)) return e.access === 'staff' ? staffToken : workerToken
  disposable.token ??= e.access === 'staff' ? (await staffSignIn(app, 'admin', TEST_STAFF_PASSWORDS.admin)).token : (await signIn(app, freshPhone())).token
  return disposable.token
}

test('the contract has write endpoints of every access level', () => {
  expect(writeEndpoints.length).toBeGreaterThanOrEqual(20)
  for (const access of ['public', 'worker', 'staff']) expect(writeEndpoints.some(([, e]) => e.access === access)).toBe(true)
})

describe.each(writeEndpoints)('%s', (name, e) => {
  test(`${e.method} ${e.path}: arbitrary input never breaks it and a refusal writes nothing`, async () => {
    const disposable: { token?: string } = {}
    let lastKey = newKey()
    const statuses: Record<number, number> = {}
    await fc.assert(
      fc.asyncProperty(urlFor(e), bodyFor(e), fc.boolean(), fc.integer({ min: 0, max: 9 }), async (url, body, sendBody, keyRoll) => {
        // One in ten reuses the previous key: a replay, or a 409 when the content differs.
        const key = keyRoll === 0 ? lastKey : newKey()
        lastKey = key
        const token = await callerToken(t.app, e, disposable)
        const payload = sendBody || e.body ? JSON.stringify(body ?? null) : undefined
        const before = await rowCounts()
        const res = await t.app.inject({
          method: e.method,
          url,
          headers: {
            ...(token ? bearer(token) : {}),
            'idempotency-key': key,
            ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(payload !== undefined ? { payload } : {}),
          remoteAddress: nextIp(),
        })
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1
        const context = `${name}: ${e.method} ${url} ${payload ?? ''} → ${res.statusCode} ${res.body.slice(0, 300)}`
        if (res.statusCode >= 500) throw new Error(context)
        if (res.statusCode >= 200 && res.statusCode < 300) {
          if (res.statusCode !== 204) {
            const checked = z.safeParse(e.response, JSON.parse(res.body))
            if (!checked.success) throw new Error(`2xx outside the contract: ${context}`)
          }
          if (endsTheCaller(e)) disposable.token = undefined
          return
        }
        const parsed = z.safeParse(errorBody, JSON.parse(res.body))
        if (!parsed.success) throw new Error(`error outside the contract's shape: ${context}`)
        if (statusOf[parsed.data.error.code] !== res.statusCode) throw new Error(`status and code disagree: ${context}`)
        if (!/[\u4e00-\u9fa5]/.test(parsed.data.error.message)) throw new Error(`message not in Chinese: ${context}`)
        const diff = changed(before, await rowCounts(), recordedRefusals[name])
        if (diff.length) throw new Error(`a refusal wrote rows (${diff.join(', ')}): ${context}`)
      }),
      { numRuns: RUNS, seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined },
    )
    if (process.env.PROPERTY_LOG) console.log(`${name} ${JSON.stringify(statuses)}`)
    // Anything with input to get wrong must have refused some of it, or refusals went unchecked.
    if (e.body || e.params) expect(Object.keys(statuses).some((s) => Number(s) >= 400)).toBe(true)
  })
})
