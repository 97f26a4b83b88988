import { z } from 'zod/mini'
import { fallbackMessage } from '@contract/messages'
import { checkField, checkForm, formErrors } from './check-form'

// A schema as a new area might first write it: no messages of its own anywhere.
const bare = z
  .object({
    name: z.string().check(z.minLength(2)),
    age: z.number(),
    kind: z.enum(['a', 'b']),
    tags: z.array(z.string()),
    either: z.union([z.literal(1), z.literal(2)]),
    code: z.string().check(z.refine((v) => v.startsWith('6'))),
  })
  .check(z.refine((b) => b.age > 0, { path: ['age'] }))

const latin = /[A-Za-z]/

test('every issue a bare schema raises is said in Chinese, never zod\'s "Invalid input"', () => {
  const result = checkForm(bare, { name: 1, age: 'x', kind: 'c', tags: [3], either: 3, code: 'x' })
  expect(result.ok).toBe(false)
  const messages = Object.values(result.ok ? {} : result.fields)
  expect(messages.length).toBeGreaterThanOrEqual(6)
  expect(messages.filter((m) => latin.test(m))).toEqual([])
  expect(checkForm(bare, 'not an object')).toEqual({ ok: false, fields: { _: '格式不对，请重新填写' } })
  // A refine without a message gets the plain fallback.
  expect(checkField(bare.shape.code, '12')).toBe(fallbackMessage)
})

test("a schema's own message wins over the common ones", () => {
  expect(checkField(z.string().check(z.minLength(2, '至少写两个字')), 'x')).toBe('至少写两个字')
  expect(checkField(z.string().check(z.minLength(2)), 'x')).toBe('至少要写 2 个字')
  expect(checkField(z.string(), 'ok')).toBeUndefined()
})

test('formErrors keys each message by its top-level field, first one kept', () => {
  const schema = z.object({ people: z.array(z.object({ name: z.string().check(z.minLength(1, '请写名字')) })), note: z.string() })
  expect(formErrors(schema, { people: [{ name: '' }, { name: '' }], note: 'ok' })).toEqual({ people: '请写名字' })
  expect(checkForm(schema, { people: [{ name: '' }], note: 'ok' })).toEqual({ ok: false, fields: { 'people.0.name': '请写名字' } })
  expect(formErrors(schema, { people: [], note: '' })).toEqual({})
})
