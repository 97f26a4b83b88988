import { calendarDate, isCalendarDate, isoDate } from './common'

const messages = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) => result.error?.issues.map((i) => i.message) ?? []

test.each([
  ['2026-02-28', true],
  ['2028-02-29', true],
  ['2026-02-29', false],
  ['2026-02-30', false],
  ['2026-13-01', false],
  ['2026-04-31', false],
  ['2026-00-10', false],
  ['26-02-01', false],
])('%s is a calendar day: %s', (text, real) => {
  expect(isCalendarDate(text)).toBe(real)
})

test('a date of the contract is refused with one message a worker can read: the format, or that the day does not exist', () => {
  expect(messages(isoDate.safeParse('2026-02-30'))).toEqual(['没有这一天，请核对日期'])
  expect(messages(isoDate.safeParse('2026/02/01'))).toEqual(['日期格式应为 2026-01-31'])
  expect(isoDate.safeParse('2026-12-05').success).toBe(true)
  expect(messages(calendarDate('没有这一天，请核对发放日期').safeParse('2026-04-31'))).toEqual(['没有这一天，请核对发放日期'])
})
