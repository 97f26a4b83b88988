/** GB 32100 unified social credit codes: the check character, the character set, and what the form and the server say. */
import fc from 'fast-check'
import { z } from 'zod/mini'
import { creditCodeCheckChar, creditCodeChars, creditCodeMessages, creditCodeProblem, creditCodeSchema } from './validators'

const withCheck = (first17: string) => first17 + creditCodeCheckChar(first17)
const messageOf = (value: string) => {
  const r = z.safeParse(creditCodeSchema, value)
  return r.success ? null : r.error.issues[0].message
}

test.each([
  // The example printed in GB 32100-2015 and on countless licences.
  ['91350100M000100Y43', null],
  ['91110000100006485K', null],
  ['91310000607216596U', null],
  // Typed with spaces and in lower case: the same code.
  ['9135 0100 M000 100Y 43', null],
  ['91350100m000100y43', null],
  // A code made up here (武山县, 620524), its check character computed.
  [withCheck('91620524MA7ABCDE1'), null],
  ['91350100M000100Y44', creditCodeMessages.checkDigit],
  ['91350100M000100Y4', creditCodeMessages.format],
  ['91350100M000100Y433', creditCodeMessages.format],
  // I, O, S, V and Z are never used (they look like 1, 0, 5, U and 2).
  ['91350100M000I00Y43', creditCodeMessages.format],
  ['91350100M000O00Y43', creditCodeMessages.format],
  ['', creditCodeMessages.format],
])('%s → %s', (value, message) => {
  expect(messageOf(value)).toBe(message)
})

const codeChar = fc.constantFrom(...creditCodeChars.split(''))
const first17 = fc.array(codeChar, { minLength: 17, maxLength: 17 }).map((cs) => cs.join(''))

test('every 17 characters have exactly one check character, and it is one of the 31', () => {
  fc.assert(
    fc.property(first17, (head) => {
      const check = creditCodeCheckChar(head)!
      expect(creditCodeChars).toContain(check)
      const accepted = creditCodeChars.split('').filter((c) => creditCodeProblem(head + c) === null)
      expect(accepted).toEqual([check])
    }),
  )
})

test('changing any one character of a valid code is caught', () => {
  fc.assert(
    fc.property(first17, fc.integer({ min: 0, max: 16 }), codeChar, (head, at, replacement) => {
      fc.pre(head[at] !== replacement)
      const code = withCheck(head)
      const changed = code.slice(0, at) + replacement + code.slice(at + 1)
      expect(creditCodeProblem(changed)).toBe(creditCodeMessages.checkDigit)
    }),
  )
})

test('swapping two different neighbouring characters of the first 17 is caught (the weights differ mod 31)', () => {
  fc.assert(
    fc.property(first17, fc.integer({ min: 0, max: 15 }), (head, at) => {
      const code = withCheck(head)
      fc.pre(code[at] !== code[at + 1])
      const swapped = code.slice(0, at) + code[at + 1] + code[at] + code.slice(at + 2)
      expect(creditCodeProblem(swapped)).not.toBeNull()
    }),
  )
})
