import { act, fireEvent, render, renderHook, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { RightsRequest } from '@contract'
import { saveRead, setToken } from '@/api'
import { useStaffSession } from '@/features/staff/session'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { inputsReady, offline, outOfRetries, settle, staffSignInPrompt, stationStaff, tap, type } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import StaffCasePage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const no = '2026-000101'
function rightsCase(over: Partial<RightsRequest> = {}): RightsRequest {
  return {
    trackingNo: no,
    category: 'unpaid_wages',
    status: 'submitted',
    overdue: true,
    description: '在昆山电子厂干了两个月，工资一直没发。',
    employerName: '昆山某电子厂',
    workCity: '昆山市',
    workProvince: '江苏省',
    workAddress: '昆山开发区',
    workedFrom: '2025-11',
    workedTo: null,
    amountOwedYuan: 9000,
    workersAffected: 3,
    contactName: '王小红',
    contactPhone: '137****0001',
    contactTime: 'evening',
    attachments: [],
    applicationId: null,
    station: { id: 2, name: '昆山劳务工作站', phone: '0512-50000000' },
    firstResponsible: null,
    referredTo: null,
    rating: null,
    ratingComment: null,
    submittedAt: '2026-03-10T02:00:00.000Z',
    acceptedAt: null,
    concludedAt: null,
    autoCloseAt: null,
    closedAt: null,
    timeline: [
      { id: 1, kind: 'submitted', fromStatus: null, toStatus: 'submitted', text: '', author: 'worker', staffName: null, visibleToWorker: true, attachments: [], at: '2026-03-10T02:00:00.000Z' },
    ],
    ...over,
  }
}

beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  setRouterParams({ no }, '/packages/staff/pages/case/index')
  mockApi.on('GET', '/staff/me', () => stationStaff)
  mockApi.on('GET', `/rights-requests/${no}`, () => rightsCase())
})
afterEach(() => jest.restoreAllMocks())

test('a signed-out visitor is asked to sign in as staff and the case is not read', async () => {
  setToken(null)
  render(<StaffCasePage />)
  await settle()
  expect(screen.getByText(staffSignInPrompt)).toBeTruthy()
  expect(mockApi.callsTo('GET', `/rights-requests/${no}`)).toHaveLength(0)
})

test('shows what the worker asked, the overdue flag and the one next step', async () => {
  render(<StaffCasePage />)
  await settle()
  expect(screen.getByText('超过24小时未受理')).toBeTruthy()
  expect(screen.getByText('类别：欠薪，欠款 9000 元，涉及 3 人')).toBeTruthy()
  expect(screen.getByText('联系人：王小红 137****0001（晚上）')).toBeTruthy()
  expect(screen.getByText('在昆山电子厂干了两个月，工资一直没发。')).toBeTruthy()
  expect(screen.getByText('时间：2025年11月到现在')).toBeTruthy()
  expect(screen.getByText('受理（我来负责）')).toBeTruthy()
  expect(screen.queryByText('开始办理')).toBeNull()
})

test('a 只留电话 case asks the officer to call and ask, instead of showing blanks as answers', async () => {
  mockApi.on('GET', `/rights-requests/${no}`, () =>
    rightsCase({ callbackOnly: true, category: 'injury', description: '', employerName: '', workCity: '', workProvince: null, workAddress: '', workedFrom: '', amountOwedYuan: null, workersAffected: 1 }),
  )
  render(<StaffCasePage />)
  await settle()
  expect(screen.getByText('类别：工伤')).toBeTruthy()
  expect(screen.getByText('只留了电话，请回电问清单位、地方和时间')).toBeTruthy()
  expect(screen.queryByText(/^单位：/)).toBeNull()
  expect(screen.queryByText(/^时间：/)).toBeNull()
  expect(screen.queryByText(/涉及 1 人/)).toBeNull()
})

test('accepting needs a note, then sends the move with it for the worker', async () => {
  mockApi.on('POST', `/staff/rights-requests/${no}/transitions`, (req) =>
    rightsCase({ status: 'accepted', overdue: false, firstResponsible: { name: '昆山劳务工作站' }, timeline: [...rightsCase().timeline, { id: 2, kind: 'status', fromStatus: 'submitted', toStatus: 'accepted', text: req.body.note, author: 'staff', staffName: '昆山劳务工作站', visibleToWorker: true, attachments: [], at: '2026-03-10T03:00:00.000Z' }] }),
  )
  const { container } = render(<StaffCasePage />)
  await inputsReady(container)
  await tap('受理（我来负责）')
  expect(screen.getByText('请写几句说明')).toBeTruthy()
  expect(mockApi.callsTo('POST', `/staff/rights-requests/${no}/transitions`)).toHaveLength(0)

  type(container, '.staff-case__note', '已收到，明天上午给老板打电话。')
  await tap('受理（我来负责）')
  await settle()
  const sent = mockApi.callsTo('POST', `/staff/rights-requests/${no}/transitions`)
  expect(sent).toHaveLength(1)
  expect(sent[0].body).toEqual({ to: 'accepted', note: '已收到，明天上午给老板打电话。', visibleToWorker: true })
  expect(sent[0].headers['Idempotency-Key']).toBeTruthy()
  expect(screen.getByText('首问负责人：昆山劳务工作站')).toBeTruthy()
  expect(screen.getByText('开始办理')).toBeTruthy()
})

test('an internal note goes to the notes endpoint without moving the case', async () => {
  mockApi.on('POST', `/staff/rights-requests/${no}/notes`, () => ({ status: 201, body: rightsCase() }))
  const { container } = render(<StaffCasePage />)
  await inputsReady(container)
  type(container, '.staff-case__note', '老板电话打不通，明天再打。')
  await tap('内部备注')
  await tap('只写说明，不改状态')
  await settle()
  expect(mockApi.callsTo('POST', `/staff/rights-requests/${no}/notes`)[0].body).toEqual({ text: '老板电话打不通，明天再打。', visibleToWorker: false })
  expect(mockApi.callsTo('POST', `/staff/rights-requests/${no}/transitions`)).toHaveLength(0)
})

test('quick phrases fill the note box with a tap, one after another, and are sent as written', async () => {
  mockApi.on('POST', `/staff/rights-requests/${no}/notes`, () => ({ status: 201, body: rightsCase() }))
  const { container } = render(<StaffCasePage />)
  await inputsReady(container)
  await tap('已电话联系求助人')
  expect((container.querySelector('.staff-case__note textarea') as HTMLTextAreaElement).value).toBe('已电话联系求助人')
  await tap('材料已收到')
  expect((container.querySelector('.staff-case__note textarea') as HTMLTextAreaElement).value).toBe('已电话联系求助人；材料已收到')
  await tap('只写说明，不改状态')
  await settle()
  expect(mockApi.callsTo('POST', `/staff/rights-requests/${no}/notes`)[0].body).toEqual({ text: '已电话联系求助人；材料已收到', visibleToWorker: true })
})

test('a refused move says why', async () => {
  mockApi.on('POST', `/staff/rights-requests/${no}/transitions`, () => failure(409, 'CONFLICT', '这个求助已经被别人受理了'))
  const { container } = render(<StaffCasePage />)
  await inputsReady(container)
  type(container, '.staff-case__note', '我来负责')
  await tap('受理（我来负责）')
  await settle()
  expect(screen.getByText('这个求助已经被别人受理了')).toBeTruthy()
})

test('a closed case offers no step', async () => {
  mockApi.on('GET', `/rights-requests/${no}`, () => rightsCase({ status: 'closed', overdue: false, closedAt: '2026-03-20T02:00:00.000Z' }))
  render(<StaffCasePage />)
  await settle()
  expect(screen.getByText('已结束')).toBeTruthy()
  expect(screen.queryByText('只写说明，不改状态')).toBeNull()
})

test('a worker who left no name reads 未留姓名; 已注销 only when the account is deleted', async () => {
  mockApi.on('GET', `/rights-requests/${no}`, () => rightsCase({ contactName: null, requesterDeleted: false }))
  const { unmount } = render(<StaffCasePage />)
  await settle()
  expect(screen.getByText('联系人：未留姓名 137****0001（晚上）')).toBeTruthy()
  expect(screen.queryByText(/已注销/)).toBeNull()
  unmount()

  mockApi.on('GET', `/rights-requests/${no}`, () => rightsCase({ contactName: null, contactPhone: null, requesterDeleted: true }))
  render(<StaffCasePage />)
  await settle()
  expect(screen.getByText(/联系人：已注销/)).toBeTruthy()
})

test('the first-responsible officer gets a big call button, and each tap is recorded on the case', async () => {
  const accepted = { status: 'accepted' as const, overdue: false, firstResponsible: { name: '昆山劳务工作站' }, contactName: null, contactPhone: '13700000001', mayCall: true, requesterDeleted: false }
  mockApi.on('GET', `/rights-requests/${no}`, () => rightsCase(accepted))
  mockApi.on('POST', `/staff/rights-requests/${no}/calls`, () => ({
    status: 201,
    body: rightsCase({
      ...accepted,
      timeline: [...rightsCase().timeline, { id: 3, kind: 'call', fromStatus: null, toStatus: null, text: '', author: 'staff', staffName: '昆山劳务工作站', visibleToWorker: false, attachments: [], at: '2026-03-10T04:00:00.000Z' }],
    }),
  }))
  const { container } = render(<StaffCasePage />)
  await settle()
  // The number is on the button, not in the text line.
  expect(screen.getByText('联系人：未留姓名（方便接电话：晚上）')).toBeTruthy()
  const button = container.querySelector('.staff-case__call a.phone-call') as HTMLAnchorElement
  expect(button.getAttribute('href')).toBe('tel:13700000001')
  expect(button.textContent).toContain('13700000001')
  expect(button.textContent).toContain('拨打')

  // jsdom cannot open a dialer: keep the tap from navigating; the page's own handler still runs.
  button.addEventListener('click', (e) => e.preventDefault())
  await act(async () => {
    fireEvent.click(button)
  })
  await settle()
  const recorded = mockApi.callsTo('POST', `/staff/rights-requests/${no}/calls`)
  expect(recorded).toHaveLength(1)
  expect(recorded[0].headers['Idempotency-Key']).toBeTruthy()
  expect(screen.getByText('昆山劳务工作站给求助人打了电话')).toBeTruthy()
})

test('staff who may not call see the masked number and no call button', async () => {
  mockApi.on('GET', `/rights-requests/${no}`, () => rightsCase({ status: 'accepted', overdue: false, firstResponsible: { name: '别的工作人员' }, mayCall: false }))
  const { container } = render(<StaffCasePage />)
  await settle()
  expect(screen.getByText('联系人：王小红 137****0001（晚上）')).toBeTruthy()
  expect(container.querySelector('.phone-call')).toBeNull()
})

test('the 记工 log sent with the case: a table of days with when each was entered, the pay, and the digest', async () => {
  const entry = { kind: 'day_work', hours: null, overtimeHours: 0, quantity: null, rateFen: null, amountFen: null, note: '', clientEnteredAt: '2026-05-18T11:00:00.000Z', correctedAt: null }
  mockApi.on('GET', `/staff/rights-requests/${no}/worklog-evidence`, () => ({
    evidence: {
      digest: 'f'.repeat(64),
      recordedAt: '2026-05-20T10:00:00.000Z',
      intact: true,
      sheet: {
        format: 'wgt-worklog-evidence/1',
        workerName: '王小红',
        employer: { name: '李老板', site: '昆山电子厂', dayRateFen: 30000, hourRateFen: null, unitRateFen: null, unitLabel: null, overtimeRateFen: null },
        month: null,
        from: '2026-05-18',
        to: '2026-05-19',
        entries: [
          { ...entry, date: '2026-05-18', days: 1, earnedFen: 30000, enteredAt: '2026-05-18T11:00:00.000Z', onTheDay: true },
          { ...entry, date: '2026-05-19', days: 0.5, earnedFen: 15000, enteredAt: '2026-05-20T10:00:00.000Z', onTheDay: false },
        ],
        payments: [{ date: '2026-05-19', amountFen: 10050, method: 'cash', note: '', hasPhoto: false, enteredAt: '2026-05-19T10:00:00.000Z', clientEnteredAt: '2026-05-19T10:00:00.000Z', onTheDay: true }],
        totals: { days: 1.5, hours: 0, overtimeHours: 0, quantity: 0, earnedFen: 45000, paidFen: 10050, advancesFen: 0, owedFen: 34950, breakdown: [] },
      },
    },
  }))
  render(<StaffCasePage />)
  await settle()
  expect(screen.getByText('记工证据单：李老板')).toBeTruthy()
  expect(screen.getByText('该挣 450元，已给 100.5元，借支 0元，还欠 349.5元')).toBeTruthy()
  expect(screen.getByText('2条记录，其中1条是事后补记的')).toBeTruthy()
  expect(screen.getByText('2026-05-20 18:00 事后补记')).toBeTruthy()
  expect(screen.getByText('半天')).toBeTruthy()
  expect(screen.getByText(`校验码（SHA-256）：${'f'.repeat(64)}`)).toBeTruthy()
})

describe('without signal', () => {
  beforeEach(() => {
    Taro.clearStorageSync()
    setToken('staff-token')
  })

  test('a case opened before shows its saved copy, saying when it was saved', async () => {
    const first = render(<StaffCasePage />)
    await settle()
    first.unmount()
    offline(mockApi, `/rights-requests/${no}`)
    render(<StaffCasePage />)
    await outOfRetries()
    expect(screen.getByText(/没有网络，下面是已保存于/)).toBeTruthy()
    expect(screen.getByText('单位：昆山某电子厂（昆山市 昆山开发区）')).toBeTruthy()
    expect(screen.queryByText('没有加载出来')).toBeNull()
  }, 15_000)

  test('a case never opened says it has not been saved yet, not only that the network is bad', async () => {
    const first = render(<StaffCasePage />)
    await settle()
    first.unmount()
    offline(mockApi, `/rights-requests/${no}`, '/rights-requests/2026-000555')
    setRouterParams({ no: '2026-000555' }, '/packages/staff/pages/case/index')
    render(<StaffCasePage />)
    await outOfRetries()
    expect(screen.getByText('没有网络，这一页还没有保存过，连上网后再打开')).toBeTruthy()
    expect(screen.queryByText(/已保存于/)).toBeNull()
    expect(screen.queryByText('单位：昆山某电子厂（昆山市 昆山开发区）')).toBeNull()
  }, 15_000)

  test('after signing out, nothing of the case stays on the phone', async () => {
    const first = render(<StaffCasePage />)
    await settle()
    first.unmount()
    expect(Taro.getStorageInfoSync().keys.some((k) => k.includes(no))).toBe(true)
    mockApi.on('POST', '/staff/logout', () => ({}))
    const { result } = renderHook(() => useStaffSession())
    await settle()
    await act(() => result.current.signOut())
    expect(Taro.getStorageInfoSync().keys.filter((k) => k.startsWith('wgt.cache.'))).toEqual([])
  })

  test('a session the server refuses (expired, revoked) leaves no case or village of names on the phone', async () => {
    const first = render(<StaffCasePage />)
    await settle()
    first.unmount()
    saveRead('survey-village-1-mine', { households: [{ members: [{ name: '李四' }] }] })
    mockApi.on('GET', '/staff/me', () => failure(401, 'UNAUTHORIZED', '请重新登录'))
    render(<StaffCasePage />)
    await settle()
    expect(screen.getByText(staffSignInPrompt)).toBeTruthy()
    expect(Taro.getStorageInfoSync().keys.filter((k) => k.startsWith('wgt.cache.'))).toEqual([])
  })
})
