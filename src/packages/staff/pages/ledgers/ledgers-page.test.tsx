import { render, screen } from '@testing-library/react'
import type { LedgerRow } from '@contract'
import { setToken } from '@/api'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { adminStaff, inputsReady, settle, staffSignInPrompt, stationStaff, tap, tapChip, type } from '../../../../../tests/support/app/staff-pages'
import StaffLedgersPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))
// The CSV itself is a download (Taro.downloadFile, or a link on the web): what it is asked for is checked here.
jest.mock('@/features/staff/api/ledger-export', () => ({ exportLedgerCsv: jest.fn() }))
const { exportLedgerCsv } = jest.requireMock('@/features/staff/api/ledger-export') as { exportLedgerCsv: jest.Mock }

function row(over: Partial<LedgerRow> = {}): LedgerRow {
  return {
    userId: 1,
    name: '王小明',
    phone: '137****0001',
    hometownTownship: '洛门镇',
    hometownVillage: '马坪村',
    trades: ['电工', '普工'],
    workingAway: true,
    currentCity: '昆山市',
    currentProvince: '江苏省',
    povertyAlleviated: true,
    returnedHome: false,
    willingToGoOut: true,
    workedAwayLastYear: true,
    registeredAt: '2026-03-01T02:00:00.000Z',
    ...over,
  }
}

beforeEach(() => {
  mockApi.reset()
  exportLedgerCsv.mockReset()
  setToken('staff-token')
  mockApi.on('GET', '/staff/me', () => stationStaff)
  for (const kind of ['all', 'left_last_year']) {
    mockApi.on('GET', `/staff/ledgers/${kind}`, () => ({
      kind,
      count: kind === 'all' ? 2 : 1,
      phonesMasked: true,
      items: kind === 'all' ? [row(), row({ userId: 2, name: null, phone: '137****0002', hometownTownship: '城关镇', hometownVillage: null, workingAway: false, currentCity: null, povertyAlleviated: null, trades: [] })] : [row({ userId: 2, name: '李大山', workingAway: false, currentCity: null })],
    }))
  }
})

test('a signed-out visitor is asked to sign in as staff and no ledger is read', async () => {
  setToken(null)
  render(<StaffLedgersPage />)
  await settle()
  expect(screen.getByText(staffSignInPrompt)).toBeTruthy()
  expect(mockApi.calls.filter((c) => c.path.startsWith('/staff/ledgers'))).toHaveLength(0)
})

test('shows the workers on the ledger with masked phones for station staff', async () => {
  render(<StaffLedgersPage />)
  await settle()
  expect(screen.getByText('共 2 人')).toBeTruthy()
  expect(screen.getByText('王小明')).toBeTruthy()
  expect(screen.getByText('137****0001')).toBeTruthy()
  expect(screen.getByText('洛门镇马坪村')).toBeTruthy()
  expect(screen.getByText('电工、普工')).toBeTruthy()
  expect(screen.getByText('外出 是 · 脱贫户 是')).toBeTruthy()
  expect(screen.getByText('（未填姓名）')).toBeTruthy()
  // A question the worker never answered is 未填, not 否.
  expect(screen.getByText('外出 否 · 脱贫户 未填')).toBeTruthy()
  expect(screen.getByText(/电话中间四位已遮挡/)).toBeTruthy()
})

test('choosing 去年外出今年未出, a township and a destination asks the server for that ledger', async () => {
  const { container } = render(<StaffLedgersPage />)
  await inputsReady(container)
  await tapChip('去年外出今年未出')
  await tapChip('洛门镇')
  type(container, '.staff-ledgers__destination', ' 江苏省 ')
  await settle()
  const last = mockApi.callsTo('GET', '/staff/ledgers/left_last_year').pop()!
  expect([last.query.get('township'), last.query.get('destination')]).toEqual(['洛门镇', '江苏省'])
  expect(screen.getByText('共 1 人')).toBeTruthy()
  expect(screen.getByText('李大山')).toBeTruthy()
})

test('导出 exports the ledger on screen, with its filters', async () => {
  mockApi.on('GET', '/staff/me', () => adminStaff)
  exportLedgerCsv.mockResolvedValue('已下载 ledger.csv')
  render(<StaffLedgersPage />)
  await settle()
  expect(screen.getByText(/县级管理员导出的台账含完整电话/)).toBeTruthy()
  await tapChip('去年外出今年未出')
  await tapChip('洛门镇')
  await tap('导出 Excel（CSV）')
  expect(exportLedgerCsv).toHaveBeenCalledWith('left_last_year', { township: '洛门镇' })
  expect(screen.getByText('已下载 ledger.csv')).toBeTruthy()
})

test('an export that fails says so', async () => {
  exportLedgerCsv.mockRejectedValue(new Error(''))
  render(<StaffLedgersPage />)
  await settle()
  await tap('导出 Excel（CSV）')
  expect(screen.getByText('导出没有成功，请稍后再试')).toBeTruthy()
})
