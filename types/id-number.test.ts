/** GB 11643 resident ID numbers: the check digit, the birth date, and what the form and the server say about each. */
import fc from 'fast-check'
import { z } from 'zod/mini'
import { idNumberCheckChar, idNumberMessages, idNumberProblem, idNumberSchema, isValidIdNumber, personOfIdNumber } from './validators'

const withCheck = (first17: string) => first17 + idNumberCheckChar(first17)
const messageOf = (value: string) => {
  const r = z.safeParse(idNumberSchema, value)
  return r.success ? null : r.error.issues[0].message
}

test.each([
  // The standard's worked example (GB 11643-1999 annex): 11010519491231002X.
  ['11010519491231002X', null],
  // Real-format Wushan numbers (620524 = 武山县), check digit computed.
  [withCheck('62052419900101001'), null],
  [withCheck('62052420000229002'), null], // 2000 was a leap year
  [withCheck('62052419850715123'), null],
  ['11010519491231002x', null], // a small x is fine: the schema upper-cases it
  ['110105194912310021', idNumberMessages.checkDigit],
  ['62052419900101001X', idNumberMessages.checkDigit],
  [withCheck('62052419990229001'), idNumberMessages.birthDate], // 1999 was not
  [withCheck('62052419901301001'), idNumberMessages.birthDate],
  [withCheck('62052418800101001'), idNumberMessages.birthDate],
  ['6205241990010100', idNumberMessages.format],
  ['62052419900101001Y', idNumberMessages.format],
])('%s → %s', (value, message) => {
  expect(messageOf(value)).toBe(message)
})

test('the check-digit message is plain Chinese and names the last digit', () => {
  expect(idNumberMessages.checkDigit).toBe('身份证号最后一位不对，请核对')
})

test('sex and birth year come from the number', () => {
  expect(personOfIdNumber(withCheck('62052419900101001'))).toEqual({ sex: 'male', birthYear: 1990 })
  expect(personOfIdNumber(withCheck('62052419850715122'))).toEqual({ sex: 'female', birthYear: 1985 })
})

const first17 = fc
  .record({
    region: fc.stringMatching(/^[1-6]\d{5}$/),
    date: fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, date, seq }) => `${region}${date.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`)

test('property: a computed check digit always passes, every other last character fails on the check digit', () => {
  fc.assert(
    fc.property(first17, fc.constantFrom(...'0123456789X'), (body, last) => {
      const right = idNumberCheckChar(body)
      expect(isValidIdNumber(body + right)).toBe(true)
      if (last !== right) expect(idNumberProblem(body + last)).toBe(idNumberMessages.checkDigit)
    }),
  )
})

test('property: changing any one of the first 17 digits is caught (by the check digit or the date)', () => {
  fc.assert(
    fc.property(first17, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
      const valid = withCheck(body)
      const digit = (Number(valid[at]) + delta) % 10
      const typo = valid.slice(0, at) + digit + valid.slice(at + 1)
      expect(isValidIdNumber(typo)).toBe(false)
    }),
  )
})
