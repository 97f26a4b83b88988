/** Hidden characters (bidi overrides and isolates, lone surrogates) are refused by every free-text field of the contract. */
import { z } from 'zod/mini'
import { api } from './index'
import { hasHiddenChars, hiddenCharsMessage } from './validators'

const hidden = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\uD800', '\uDFFF']
// Text a free-text field takes: one of these passes each field's other rules (length, letters only, …).
const candidates = ['王小明', '无锡市', 'abc', '老板拖欠我们三个月的工资，一直说下个月给，到现在也没给，请帮帮我们。']

type Def = { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType; shape?: Record<string, z.core.$ZodType> }
const defOf = (s: z.core.$ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def
function shapeOf(schema: z.core.$ZodType | undefined): Record<string, z.core.$ZodType> {
  let s = schema
  while (s) {
    const def = defOf(s)
    if (def.type === 'object') return def.shape ?? {}
    s = def.innerType ?? def.in
  }
  return {}
}

/** Every body and query field of every endpoint that takes plain text. */
const textFields = Object.entries(api).flatMap(([name, endpoint]) => {
  const e = endpoint as { body?: z.core.$ZodType; query?: z.core.$ZodType }
  return [...Object.entries(shapeOf(e.body)), ...Object.entries(shapeOf(e.query))].flatMap(([field, schema]) => {
    const sample = candidates.find((c) => z.safeParse(schema, c).success)
    return sample ? [{ where: `${name}.${field}`, schema, sample }] : []
  })
})

test('the contract has free-text fields to check (the walk found them)', () => {
  const names = textFields.map((f) => f.where)
  expect(names.length).toBeGreaterThan(20)
  expect(names).toEqual(expect.arrayContaining(['updateMe.name', 'applyToJob.note', 'createRightsRequest.description', 'listJobs.q']))
})

test.each(hidden.map((c) => [c.charCodeAt(0).toString(16).toUpperCase(), c]))('U+%s is refused by every free-text field, with a Chinese message', (_code, char) => {
  const accepted: string[] = []
  for (const { where, schema, sample } of textFields) {
    for (const at of [0, 1, sample.length]) {
      const result = z.safeParse(schema, sample.slice(0, at) + char + sample.slice(at))
      if (result.success) accepted.push(`${where}@${at}`)
      else expect(result.error.issues[0].message).toMatch(/[\u4e00-\u9fa5]/)
    }
  }
  expect(accepted).toEqual([])
})

test('a property: random text with a hidden character inserted is refused; without one it is not flagged', () => {
  let seed = 7
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n)
  const pool = ['王', '小', '明', 'a', 'Z', '1', ' ', '，', '😀', '\u200D', '\u061C', '\u200F']
  const note = api.applyToJob.body!
  for (let i = 0; i < 300; i++) {
    const text = Array.from({ length: 1 + random(20) }, () => pool[random(pool.length)]).join('')
    expect(hasHiddenChars(text)).toBe(false) // a whole emoji (a pair) and other marks are fine
    const at = random(text.length + 1)
    const bad = text.slice(0, at) + hidden[random(hidden.length)] + text.slice(at)
    expect(hasHiddenChars(bad)).toBe(true)
    const parsed = z.safeParse(note, { note: bad })
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(parsed.error.issues[0].message).toBe(hiddenCharsMessage)
  }
})
