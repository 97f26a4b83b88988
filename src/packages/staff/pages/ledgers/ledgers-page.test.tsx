import { render, screen } from '@testing-library/react'
import type { LedgerRow } from '@contract'
import { setToken } from '@/api'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import { person, townshipOfficer } from '../../../../../tests/support/app/roster'
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
  setRouterParams({}, '/packages/staff/pages/ledgers/index')
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
  await tapChip('去年外出今年未出')
  expect(screen.getByText(/县级管理员导出的台账含完整电话/)).toBeTruthy()
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

describe('the roster registers (6+3)', () => {
  beforeEach(() => {
    mockApi.on('GET', '/staff/me', () => townshipOfficer)
    for (const kind of ['labour', 'away', 'monitored']) {
      mockApi.on('GET', `/staff/ledgers/${kind}`, (req) => ({
        kind,
        count: kind === 'labour' ? 250 : 2,
        phonesMasked: false,
        asOf: req.query.get('asOf'),
        nextCursor: null,
        items: kind === 'monitored' ? [person({ id: 5, name: '李秀英', poverty: 'monitored', status: 'unwilling', destinationProvince: null, destinationCity: null, howWent: null })] : [person(), person({ id: 102, name: '王小红', relation: 'spouse', destinationCity: '无锡市' })],
      }))
    }
  })

  test('an officer opens on the whole labour force of their township, with the count', async () => {
    render(<StaffLedgersPage />)
    await settle()
    expect(mockApi.callsTo('GET', '/staff/ledgers/labour')).toHaveLength(1)
    // Their township is fixed: no township chips to widen it.
    expect([...document.querySelectorAll('.chip')].some((c) => c.textContent === '城关镇')).toBe(false)
    expect(screen.getByText('共 250 人')).toBeTruthy()
    expect(screen.getByText('王小明 ›')).toBeTruthy()
    expect(screen.getByText('外出务工（省外） · 江苏省无锡市')).toBeTruthy()
    expect(mockApi.callsTo('GET', '/staff/ledgers/all')).toHaveLength(0)
  })

  test('监测户 with a village, 脱贫户 and a day asks for exactly that register, and 导出 takes the same filter', async () => {
    exportLedgerCsv.mockResolvedValue('已下载 监测户.csv')
    const { container } = render(<StaffLedgersPage />)
    await settle()
    mockApi.on('GET', '/staff/villages', () => ({ items: [{ id: 31, township: '洛门镇', code: null, name: '马坪村', officialName: '马坪村民委员会' }] }))
    await tapChip('监测户')
    await settle()
    await tapChip('马坪村')
    await tapChip('脱贫户')
    await inputsReady(container)
    type(container, '.roster-filters__as-of', '2026-06-30')
    await settle()
    const last = mockApi.callsTo('GET', '/staff/ledgers/monitored').pop()!
    expect(Object.fromEntries(last.query)).toEqual({ villageId: '31', poverty: 'alleviated', asOf: '2026-06-30' })
    expect(screen.getByText('共 2 人（截至 2026-06-30）')).toBeTruthy()
    expect(screen.getByText('李秀英 ›')).toBeTruthy()
    await tap('导出 Excel（CSV）')
    expect(exportLedgerCsv).toHaveBeenCalledWith('monitored', { villageId: '31', poverty: 'alleviated', asOf: '2026-06-30' })
  })

  test('a half-typed day is not sent, and says how to write it', async () => {
    const { container } = render(<StaffLedgersPage />)
    await inputsReady(container)
    type(container, '.roster-filters__as-of', '2026-6')
    await settle()
    expect(screen.getByText('日期请按 2026-06-30 的格式填写')).toBeTruthy()
    expect(mockApi.callsTo('GET', '/staff/ledgers/labour').every((c) => !c.query.has('asOf'))).toBe(true)
  })

  test('opened with a register in the address (a figure), it lists that register', async () => {
    mockApi.on('GET', '/staff/me', () => adminStaff)
    setRouterParams({ kind: 'away', destination: encodeURIComponent('江苏省'), asOf: '2026-11-30' }, '/packages/staff/pages/ledgers/index')
    render(<StaffLedgersPage />)
    await settle()
    const last = mockApi.callsTo('GET', '/staff/ledgers/away').pop()!
    expect(Object.fromEntries(last.query)).toEqual({ destination: '江苏省', asOf: '2026-11-30' })
    expect(mockApi.callsTo('GET', '/staff/ledgers/labour')).toHaveLength(0)
  })
})
