import { render, screen } from '@testing-library/react'
import type { StaffSubsidyClaim, SubsidyScheme } from '@contract/subsidies'
import { setToken } from '@/api'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, tap, stationStaff, adminStaff } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import { settle as ready, typeInto } from '../../../../../tests/support/app/interact'
import { townshipOfficer } from '../../../../../tests/support/app/roster'
import SubsidyReviewPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const at = '2026-03-02T02:00:00.000Z'
const scheme: SubsidyScheme = {
  id: 3,
  kind: 'transport',
  name: '交通补助',
  year: 2026,
  rules: { poverty: ['alleviated', 'monitored'], mustBeAway: true, minMonthsAway: 0, mustHaveTrained: false },
  amounts: { byBand: { other_province: 600, neighbour_province: 400, in_province: 300, in_city: 200 }, flatYuan: null, neighbourProvinces: ['陕西省', '宁夏回族自治区'] },
  knownBy: ['batch'],
  proofKinds: ['ticket'],
  opensOn: '2026-01-01',
  closesOn: '2026-12-31',
  publicityDays: 7,
  createdAt: at,
  updatedAt: at,
}
const claim = (over: Partial<StaffSubsidyClaim> = {}): StaffSubsidyClaim => ({
  id: 21,
  scheme: { id: 3, kind: 'transport', name: '交通补助', year: 2026 },
  person: { id: 101, name: '王小五', idNumber: '6205**********1237', township: '洛门镇', village: '马坪村', poverty: 'alleviated' },
  amountYuan: 600,
  band: 'other_province',
  mode: 'instant',
  status: 'submitted',
  reason: '您是脱贫户，2026年3月1日坐县里的专车去了江苏省无锡市，可以领交通补助600元。',
  evidence: [{ kind: 'batch', id: 9, label: '2026年3月1日坐专车去无锡市', at }],
  proofs: [],
  refusalReason: null,
  hasBankAccount: true,
  submittedAt: at,
  decidedAt: null,
  decidedBy: null,
  publicity: null,
  objections: [],
  paidOn: null,
  ...over,
})
const photo = { id: 'a'.repeat(32), contentType: 'image/jpeg' as const, url: '/api/uploads/aaa?sig=1', thumbUrl: '/api/uploads/aaa?size=thumb&sig=1' }

let claims: StaffSubsidyClaim[]
beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  setRouterParams({}, '/packages/subsidies/pages/review/index')
  claims = [
    claim(),
    claim({ id: 22, person: { id: 102, name: '李桂兰', idNumber: null, township: '洛门镇', village: '黄河村', poverty: 'monitored' }, mode: 'proof', evidence: [], proofs: [photo], hasBankAccount: false, reason: '您是监测户，今年在外务工，需要拍照证明。' }),
    claim({ id: 23, person: { id: 103, name: '马建国', idNumber: null, township: '洛门镇', village: '马坪村', poverty: 'alleviated' } }),
  ]
  mockApi.on('GET', '/staff/me', () => townshipOfficer)
  mockApi.on('GET', '/staff/subsidy-schemes', () => ({ items: [scheme] }))
  mockApi.on('GET', '/staff/subsidy-claims', (req) => {
    const status = req.query.get('status')
    const items = claims.filter((c) => !status || c.status === status)
    return { items, nextCursor: null, total: items.length }
  })
})

test('a township officer sees each claim with what speaks for it: the county record, or the photos', async () => {
  render(<SubsidyReviewPage />)
  await settle()
  expect(mockApi.callsTo('GET', '/staff/subsidy-claims')[0].query.get('status')).toBe('submitted')
  expect(screen.getByText('洛门镇的申请。通过时会按台账和记录再核对一次，不符合的会说明原因。')).toBeTruthy()
  expect(screen.getByText('共 3 条')).toBeTruthy()
  expect(screen.getByText('王小五 · 洛门镇马坪村 · 交通补助 600元')).toBeTruthy()
  expect(screen.getAllByText('县里的记录：2026年3月1日坐专车去无锡市')).toHaveLength(2)
  // The proof photo opens from the server with its signed address; no account number on this page.
  const img = screen.getByLabelText('李桂兰的第1张证明照片')
  expect(img.getAttribute('src') ?? img.querySelector('img')?.getAttribute('src')).toContain('/api/uploads/aaa?size=thumb')
  expect(screen.getByText('还没有填收钱的账户，发放前请提醒本人填写')).toBeTruthy()
})

test('batch approve: the ticked claims go in one request, and one that failed the re-check is named with why', async () => {
  mockApi.on('POST', '/staff/subsidy-claims/decisions', (req) => {
    const decided = claims.filter((c) => req.body.ids.includes(c.id) && c.id !== 23).map((c) => ({ ...c, status: 'approved' as const, decidedAt: at }))
    claims = claims.map((c) => decided.find((d) => d.id === c.id) ?? c)
    return { decided, failed: req.body.ids.includes(23) ? [{ id: 23, message: '再核对不符合：已不在外务工' }] : [] }
  })
  render(<SubsidyReviewPage />)
  await settle()
  await tap('全选')
  expect(screen.getByText('已选 3 条')).toBeTruthy()
  // Untick one, tick it again: the bar follows.
  await tap('☑ 已选')
  expect(screen.getByText('已选 2 条')).toBeTruthy()
  await tap('☐ 选中')
  await tap('批量通过')
  await settle()
  const [sent] = mockApi.callsTo('POST', '/staff/subsidy-claims/decisions')
  expect(sent.body).toEqual({ ids: expect.arrayContaining([21, 22, 23]), decision: 'approve', reason: null })
  expect(sent.body.ids).toHaveLength(3)
  expect(screen.getByText('已通过 2 条')).toBeTruthy()
  expect(screen.getByText('马建国：再核对不符合：已不在外务工')).toBeTruthy()
  // Read again: only the one still waiting.
  expect(screen.getByText('共 1 条')).toBeTruthy()
})

test('approving the last waiting claim keeps 已通过 on screen above the now empty queue', async () => {
  claims = [claim()]
  mockApi.on('POST', '/staff/subsidy-claims/decisions', (req) => {
    claims = claims.map((c) => (req.body.ids.includes(c.id) ? { ...c, status: 'approved' as const, decidedAt: at } : c))
    return { decided: claims.filter((c) => req.body.ids.includes(c.id)), failed: [] }
  })
  render(<SubsidyReviewPage />)
  await settle()
  await tap('通过')
  await settle()
  // The queue was read again and is empty: the officer is still told the approval went through.
  expect(mockApi.callsTo('GET', '/staff/subsidy-claims')).toHaveLength(2)
  expect(screen.getByText('没有等待审核的申请')).toBeTruthy()
  expect(screen.getByText('已通过 1 条')).toBeTruthy()
  expect(screen.queryByText('共 0 条')).toBeNull()
})

test('refusing needs a reason the worker will read; it goes with the decision', async () => {
  mockApi.on('POST', '/staff/subsidy-claims/decisions', (req) => ({ decided: claims.filter((c) => req.body.ids.includes(c.id)).map((c) => ({ ...c, status: 'refused', refusalReason: req.body.reason })), failed: [] }))
  const { container } = render(<SubsidyReviewPage />)
  await settle()
  const refuse = screen.getAllByText('不通过')
  await tap('不通过')
  expect(refuse.length).toBe(3)
  expect(screen.getByText('马建国不通过')).toBeTruthy()
  await tap('确定不通过')
  expect(screen.getAllByText('不通过要写明原因（至少4个字），申请人会看到').length).toBeGreaterThan(0)
  expect(mockApi.callsTo('POST', '/staff/subsidy-claims/decisions')).toHaveLength(0)

  await ready()
  await typeInto(container, '.review-queue__reason', '车票上的名字不是本人')
  await tap('确定不通过')
  await settle()
  expect(mockApi.callsTo('POST', '/staff/subsidy-claims/decisions')[0].body).toEqual({ ids: [23], decision: 'refuse', reason: '车票上的名字不是本人' })
  expect(screen.getByText('已不通过 1 条')).toBeTruthy()
})

test('an administrator sees every township; a station is told subsidies are not theirs; a refusal of the whole call is said', async () => {
  mockApi.on('GET', '/staff/me', () => adminStaff)
  mockApi.on('POST', '/staff/subsidy-claims/decisions', () => failure(403, 'FORBIDDEN', '村信息员只能查看，不能审核'))
  const first = render(<SubsidyReviewPage />)
  await settle()
  expect(screen.getByText('全县的申请。通过时会按台账和记录再核对一次，不符合的会说明原因。')).toBeTruthy()
  await tap('通过')
  await settle()
  expect(screen.getByText('村信息员只能查看，不能审核')).toBeTruthy()
  first.unmount()

  mockApi.on('GET', '/staff/me', () => stationStaff)
  render(<SubsidyReviewPage />)
  await settle()
  expect(screen.getByText('补贴由乡镇劳务工作站审核，县劳务输转服务中心复核。驻外工作站不审核补贴。')).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/subsidy-claims')).toHaveLength(1)
})
