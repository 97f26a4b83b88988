/** The eligibility rule on its own: bands from 武山县, months away, the 免审即享 path and the sentences it gives. */
import { maskBankAccount, maskPublicName, type SubsidyEvidence } from '../../types'
import { defaultTransportAmounts, defaultTransportRules } from './subsidies-seed'
import { bandOf, checkEligibility, monthsAwayThisYear, type SchemeSettings } from './eligibility'

const transport: SchemeSettings = { name: '交通补助', year: 2026, rules: defaultTransportRules, amounts: defaultTransportAmounts, knownBy: ['batch', 'posting', 'course'], proofKinds: ['work_certificate'] }
const away = { poverty: 'alleviated', status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '无锡市', statusSince: '2026-03-01' }
const ride: SubsidyEvidence = { kind: 'batch', id: 1, at: '2026-03-01T00:00:00.000Z', label: '2026年3月1日坐县里的专车去了江苏省无锡市' }

test.each([
  ['江苏省', '无锡市', 'other_province'],
  ['陕西省', '西安市', 'neighbour_province'],
  ['宁夏回族自治区', null, 'neighbour_province'],
  ['甘肃省', '兰州市', 'in_province'],
  ['甘肃省', '天水市', 'in_city'],
  ['甘肃省', '天水', 'in_city'],
  ['甘肃省', null, null],
  [null, null, null],
] as const)('%s %s is %s', (province, city, band) => {
  expect(bandOf(province, city, defaultTransportAmounts.neighbourProvinces)).toBe(band)
})

test.each([
  [null, '2026-03-10', 2],
  ['2025-06-01', '2026-03-10', 2],
  ['2026-02-15', '2026-03-10', 0],
  ['2026-02-15', '2026-03-15', 1],
  ['2026-05-01', '2026-03-10', 0],
  ['2026-01-01', '2027-02-01', 11],
] as const)('away since %s, on %s: %i whole months this year', (since, today, months) => {
  expect(monthsAwayThisYear(since, 2026, today)).toBe(months)
})

test('a ride on the county batch is 免审即享 at the band amount, said in one sentence', () => {
  const e = checkEligibility(transport, away, [ride], '2026-03-10')
  expect(e).toMatchObject({ qualifies: true, amountYuan: 600, band: 'other_province', mode: 'instant' })
  expect(e.reason).toBe('您是脱贫户，2026年3月1日坐县里的专车去了江苏省无锡市，可以领交通补助600元，不用交材料，点一下就能申请。')
})

test('a record the scheme does not count leaves the proof path; no proof kinds and no record: not qualifying', () => {
  const course: SubsidyEvidence = { ...ride, kind: 'course', label: '结业' }
  expect(checkEligibility({ ...transport, knownBy: ['batch'] }, away, [course], '2026-03-10')).toMatchObject({ qualifies: true, mode: 'proof' })
  const none = checkEligibility({ ...transport, knownBy: ['batch'], proofKinds: [] }, away, [], '2026-03-10')
  expect(none.qualifies).toBe(false)
  expect(none.reason).toContain('还没有找到')
})

test('months away and training, when a scheme asks for them', () => {
  const sixMonths = { ...transport, rules: { ...transport.rules, minMonthsAway: 6 } }
  const short = checkEligibility(sixMonths, away, [ride], '2026-06-10')
  expect(short.qualifies).toBe(false)
  expect(short.reason).toBe('交通补助要在外务工满6个月，台账上您今年在外3个月，还不够。')
  expect(checkEligibility(sixMonths, away, [ride], '2026-09-02').qualifies).toBe(true)
  const training: SchemeSettings = { ...transport, name: '培训补贴', rules: { ...transport.rules, mustBeAway: false, mustHaveTrained: true }, amounts: { byBand: null, flatYuan: 800, neighbourProvinces: [] }, knownBy: ['course'] }
  const home = { ...away, status: 'local_work', destinationProvince: null, destinationCity: null }
  expect(checkEligibility(training, home, [], '2026-03-10').qualifies).toBe(false)
  expect(checkEligibility(training, home, [{ ...ride, kind: 'course', label: '2026年3月1日在县里的“电工”培训结业' }], '2026-03-10')).toMatchObject({ qualifies: true, amountYuan: 800, mode: 'instant' })
})

test('the roster decides who: 一般户, not away, no destination, not on the roster', () => {
  expect(checkEligibility(transport, { ...away, poverty: 'general' }, [ride], '2026-03-10').reason).toContain('台账上您家是一般户')
  expect(checkEligibility(transport, { ...away, status: 'returned' }, [ride], '2026-03-10').reason).toContain('不是外出务工')
  expect(checkEligibility(transport, { ...away, destinationProvince: null, destinationCity: null }, [ride], '2026-03-10').reason).toContain('去向')
  expect(checkEligibility(transport, null, [ride], '2026-03-10').reason).toContain('劳动力台账里还没有找到您')
  expect(checkEligibility(transport, { ...away, poverty: 'monitored' }, [ride], '2026-03-10')).toMatchObject({ qualifies: true })
})

test.each([
  ['王小五', '王*五'],
  ['王五', '王*'],
  ['欧阳小明', '欧**明'],
  [' 李四 ', '李*'],
  ['王', '王'],
])('公示 name %s → %s', (name, masked) => {
  expect(maskPublicName(name)).toBe(masked)
})

test('account numbers keep their first and last four digits only', () => {
  expect(maskBankAccount('6228480012345678901')).toBe('6228 **** **** 8901')
  expect(maskBankAccount('6228 4800 1234 5678')).toBe('6228 **** **** 5678')
  expect(maskBankAccount('12345678')).toBe('****')
})
