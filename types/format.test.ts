import { formatWage } from './jobs'
import {
  addDays,
  chinaDate,
  chinaDateTime,
  chinaMonthDayTime,
  chinaMonthDayWeekdayTime,
  chinaYearMonth,
  daysBetween,
  formatDay,
  formatMonth,
  formatMonthRange,
  postedAgo,
  timeLeft,
} from './format'

// 2026-03-09T16:30Z is already 3月10日 00:30 in China: every case below turns on that eight-hour step.
const lateUtc = '2026-03-09T16:30:00.000Z'

test.each([
  ['chinaDate', () => chinaDate(new Date(lateUtc)), '2026-03-10'],
  ['chinaDate from text', () => chinaDate(lateUtc), '2026-03-10'],
  ['chinaDate on New Year’s eve UTC', () => chinaDate('2025-12-31T16:00:00Z'), '2026-01-01'],
  ['chinaDateTime', () => chinaDateTime(lateUtc), '2026-03-10 00:30'],
  ['chinaDateTime afternoon', () => chinaDateTime('2026-12-01T00:30:00Z'), '2026-12-01 08:30'],
  ['chinaMonthDayTime', () => chinaMonthDayTime('2026-03-10T02:00:00Z'), '3月10日 10:00'],
  ['chinaMonthDayWeekdayTime', () => chinaMonthDayWeekdayTime('2026-03-13T23:00:00Z'), '3月14日 周六 07:00'],
  ['chinaYearMonth', () => chinaYearMonth(new Date('2026-12-31T16:00:00Z')), { year: 2027, month: 1 }],
  ['addDays over a month end', () => addDays('2026-02-27', 2), '2026-03-01'],
  ['daysBetween', () => daysBetween('2026-02-27', '2026-03-01'), 2],
  ['formatMonth', () => formatMonth('2026-07'), '2026年7月'],
  ['formatMonth keeps what is not a month', () => formatMonth('去年'), '去年'],
  ['formatMonthRange', () => formatMonthRange('2026-07', '2026-11'), '2026年7月到2026年11月'],
  ['formatMonthRange open end', () => formatMonthRange('2026-07', null), '2026年7月到现在'],
  ['formatMonthRange one month', () => formatMonthRange('2026-07', '2026-07'), '2026年7月'],
  ['formatDay this year', () => formatDay('2026-03-01', new Date('2026-06-01T00:00:00Z')), '3月1日'],
  ['formatDay another year', () => formatDay('2025-03-01', new Date('2026-06-01T00:00:00Z')), '2025年3月1日'],
])('%s', (_name, run, expected) => {
  expect(run()).toEqual(expected)
})

describe('postedAgo counts China calendar days', () => {
  const now = new Date('2026-03-10T02:00:00Z') // 3月10日 10:00 in China
  test.each([
    ['an hour ago', '2026-03-10T01:00:00Z', '今天发布'],
    ['00:30 China time today (still the 9th in UTC)', lateUtc, '今天发布'],
    ['23:59 China time yesterday', '2026-03-09T15:59:00Z', '昨天发布'],
    ['three days ago', '2026-03-07T02:00:00Z', '3天前发布'],
    ['thirty days ago', '2026-02-08T02:00:00Z', '30天前发布'],
    ['thirty-one days ago: the date', '2026-02-07T02:00:00Z', '2月7日发布'],
    ['last year: the date with its year', '2025-11-20T02:00:00Z', '2025年11月20日发布'],
    ['a clock a little ahead', '2026-03-10T03:00:00Z', '今天发布'],
  ])('%s', (_name, postedAt, expected) => {
    expect(postedAgo(postedAt, now)).toBe(expected)
  })
})

describe('timeLeft to a deadline', () => {
  const deadline = '2026-03-11T02:00:00.000Z'
  const at = (iso: string) => timeLeft(deadline, new Date(iso))
  test.each([
    ['3 h 20 min before', '2026-03-10T22:40:00Z', { overdue: false, text: '还剩3小时' }],
    ['20 min before', '2026-03-11T01:40:00Z', { overdue: false, text: '还剩不到1小时' }],
    ['at the deadline', '2026-03-11T02:00:00Z', { overdue: true, text: '已超时不到1小时' }],
    ['2 h 10 min after', '2026-03-11T04:10:00Z', { overdue: true, text: '已超时2小时' }],
    ['47 h after', '2026-03-13T01:00:00Z', { overdue: true, text: '已超时47小时' }],
    ['3 days after', '2026-03-14T03:00:00Z', { overdue: true, text: '已超时3天' }],
  ])('%s', (_name, now, expected) => {
    expect(at(now)).toEqual(expected)
  })
})

describe('formatWage is written one way', () => {
  test.each([
    [{ wageMinYuan: 5500, wageMaxYuan: 7000, wageUnit: 'month' as const }, '5500-7000 元/月'],
    [{ wageMinYuan: 260, wageMaxYuan: 260, wageUnit: 'day' as const }, '260 元/天'],
    [{ wageMinYuan: 0.8, wageMaxYuan: 1.2, wageUnit: 'piece' as const }, '0.8-1.2 元/件'],
    [{ wageMinYuan: 0.333, wageMaxYuan: 0.5, wageUnit: 'piece' as const }, '0.33-0.5 元/件'],
  ])('%j → %s', (wage, expected) => {
    expect(formatWage(wage)).toBe(expected)
  })
})
