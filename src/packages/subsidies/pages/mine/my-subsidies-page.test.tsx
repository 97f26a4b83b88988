import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError, flushOutbox, readOutbox, setToken } from '@/api'
import type { MySubsidy, MySubsidyClaim } from '@contract/subsidies'
import { resetSessionForTests } from '@/features/account/session'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, tapText, typeInto } from '../../../../../tests/support/app/interact'
import MySubsidiesPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))
const mockChoose = jest.fn()
jest.mock('@/lib/choose-photos', () => ({ choosePhotos: (n: number) => mockChoose(n) }))
jest.setTimeout(20_000)

/** A photo goes up through the same fake server as every other call: multipart is the only difference. */
const uploadFile = jest.fn(async (o: { url: string; filePath: string; name: string; header: Record<string, string> }) => {
  const res = await mockApi.send({ method: 'POST', url: o.url, headers: o.header, body: { [o.name]: o.filePath } })
  return { statusCode: res.status, data: JSON.stringify(res.body) }
})

const me = { id: 1, name: '王小五', phone: '138****1234', hometownTownship: '洛门镇', hometownVillage: null, idNumber: null, trades: [], skills: '', workingAway: true, currentCity: '无锡市', returnedHome: false, willingToGoOut: true, povertyAlleviated: true, wechatLinked: false, consents: [], createdAt: '2026-01-01T00:00:00.000Z' }
const at = '2026-03-02T02:00:00.000Z'

const transport = (over: Partial<MySubsidy> = {}): MySubsidy => ({
  scheme: { id: 3, kind: 'transport', name: '交通补助', year: 2026, opensOn: '2026-01-01', closesOn: '2026-12-31' },
  qualifies: true,
  amountYuan: 600,
  band: 'other_province',
  reason: '您是脱贫户，2026年3月1日坐县里的专车去了江苏省无锡市，可以领交通补助600元。',
  mode: 'instant',
  proofKinds: [],
  evidence: [{ kind: 'batch', id: 9, label: '2026年3月1日坐专车去无锡市', at }],
  windowOpen: true,
  claim: null,
  ...over,
})
const jobSeeking = (over: Partial<MySubsidy> = {}): MySubsidy => ({
  scheme: { id: 4, kind: 'job_seeking', name: '一次性求职补贴', year: 2026, opensOn: '2026-01-01', closesOn: '2026-12-31' },
  qualifies: true,
  amountYuan: 1000,
  band: null,
  reason: '您是脱贫户，今年在外务工，可以领一次性求职补贴1000元。县里没有您的务工记录，请拍照证明。',
  mode: 'proof',
  proofKinds: ['work_certificate', 'pay_slip'],
  evidence: [],
  windowOpen: true,
  claim: null,
  ...over,
})
const training: MySubsidy = {
  scheme: { id: 5, kind: 'training', name: '培训补贴', year: 2026, opensOn: '2026-01-01', closesOn: '2026-12-31' },
  qualifies: false,
  amountYuan: null,
  band: null,
  reason: '今年还没有参加县里的培训，结业后可以领培训补贴。',
  mode: null,
  proofKinds: [],
  evidence: [],
  windowOpen: true,
  claim: null,
}
const claim = (over: Partial<MySubsidyClaim> = {}): MySubsidyClaim => ({
  id: 21,
  schemeId: 3,
  schemeName: '交通补助',
  year: 2026,
  amountYuan: 600,
  band: 'other_province',
  mode: 'instant',
  status: 'submitted',
  refusalReason: null,
  proofs: [],
  submittedAt: at,
  decidedAt: null,
  publicity: null,
  paidOn: null,
  ...over,
})

let items: MySubsidy[]
beforeEach(() => {
  mockApi.reset()
  Taro.clearStorageSync()
  resetSessionForTests()
  setToken('worker-token')
  uploadFile.mockClear()
  mockChoose.mockReset()
  ;(Taro as unknown as { uploadFile: typeof uploadFile }).uploadFile = uploadFile
  items = [transport(), jobSeeking(), training]
  mockApi.on('GET', '/me', () => me)
  mockApi.on('GET', '/me/subsidies', () => ({ onRoster: true, bankAccount: null, items }))
  mockApi.on('GET', '/me/bank-account', () => ({ account: null }))
})

test('what the worker can claim, in big numbers with the reason; 免审即享 is one tap, and a double tap makes one claim', async () => {
  mockApi.on('POST', '/me/subsidy-claims', (req) => {
    items = [transport({ claim: claim() }), jobSeeking(), training]
    return { status: 201, body: claim({ schemeId: req.body.schemeId }) }
  })
  render(<MySubsidiesPage />)
  await settle()
  expect(screen.getByText('您能领 2 项补贴')).toBeTruthy()
  expect(screen.getByText('600元')).toBeTruthy()
  expect(screen.getByText(transport().reason)).toBeTruthy()
  expect(screen.getByText('免审即享')).toBeTruthy()
  // Not qualifying: said plainly, with no amount and nothing to tap.
  expect(screen.getByText('暂时不能领的')).toBeTruthy()
  expect(screen.getByText(training.reason)).toBeTruthy()

  // Two taps before the first answer: one key, so the server records one claim.
  const button = screen.getByText('一键领取 600元')
  await act(async () => {
    fireEvent.click(button)
    fireEvent.click(button)
  })
  await settle()
  const sent = mockApi.callsTo('POST', '/me/subsidy-claims')
  expect(sent[0].body).toEqual({ schemeId: 3, proofUploadIds: [] })
  expect(sent[0].headers['Idempotency-Key']).toMatch(/\S{16,}/)
  expect(new Set(sent.map((c) => c.headers['Idempotency-Key'])).size).toBe(1)
  // Read again: the claim's state instead of the button.
  expect(screen.getByText('已提交')).toBeTruthy()
  expect(screen.getByText(/已提交，乡镇劳务工作站审核后会告诉您/)).toBeTruthy()
  expect(screen.queryByText('一键领取 600元')).toBeNull()
})

test('without a network the claim is kept on the phone, marked 待发送, and goes out with the same key when the network is back', async () => {
  mockApi.on('POST', '/me/subsidy-claims', () => {
    throw new ApiError('NETWORK')
  })
  render(<MySubsidiesPage />)
  await settle()
  await tapText('一键领取 600元')
  // The client's own retries (0.6 s and 1.8 s) run out first.
  await act(async () => new Promise((r) => setTimeout(r, 3000)))
  await settle()
  const [kept] = readOutbox()
  expect(kept).toEqual(expect.objectContaining({ name: 'claimSubsidy', state: 'pending', req: { body: { schemeId: 3, proofUploadIds: [] } } }))
  expect(screen.getByText('待发送')).toBeTruthy()
  expect(screen.getByText('申请已存在手机上，有网络时自动提交，不用再点')).toBeTruthy()
  expect(screen.queryByText('一键领取 600元')).toBeNull()
  expect(mockApi.callsTo('POST', '/me/subsidy-claims')[0].headers['Idempotency-Key']).toBe(kept.id)

  // The network is back: the kept claim goes with its first key, and the page shows what became of it.
  mockApi.on('POST', '/me/subsidy-claims', () => {
    items = [transport({ claim: claim() }), jobSeeking(), training]
    return { status: 201, body: claim() }
  })
  await act(async () => flushOutbox(true))
  await settle()
  expect(mockApi.callsTo('POST', '/me/subsidy-claims').at(-1)!.headers['Idempotency-Key']).toBe(kept.id)
  expect(readOutbox()).toEqual([])
  expect(screen.getByText('已提交')).toBeTruthy()
})

test('proof one photo at a time: each goes up when taken, and the claim names them', async () => {
  let n = 0
  mockApi.on('POST', '/uploads', () => ({ status: 201, body: { id: String(++n).repeat(32), contentType: 'image/jpeg', sizeBytes: 1000, createdAt: at } }))
  mockApi.on('POST', '/me/subsidy-claims', (req) => ({ status: 201, body: claim({ id: 22, schemeId: req.body.schemeId, mode: 'proof' }) }))
  render(<MySubsidiesPage />)
  await settle()
  expect(screen.getByText('· 工资条或工资流水')).toBeTruthy()
  // Nothing to send before a photo.
  await tapText('拍好照片再提交')
  expect(mockApi.callsTo('POST', '/me/subsidy-claims')).toHaveLength(0)

  mockChoose.mockResolvedValueOnce(['blob:photo-1'])
  await tapText('拍照或选照片')
  await settle()
  expect(mockChoose).toHaveBeenCalledWith(1)
  mockChoose.mockResolvedValueOnce(['blob:photo-2'])
  await tapText('再拍一张')
  await settle()
  expect(uploadFile).toHaveBeenCalledTimes(2)
  expect(screen.getByLabelText('第2张证明照片')).toBeTruthy()
  await tapText('不要这张')
  await tapText('提交申请（1张照片）')
  await settle()
  expect(mockApi.callsTo('POST', '/me/subsidy-claims')[0].body).toEqual({ schemeId: 4, proofUploadIds: ['1'.repeat(32)] })
})

test('a refusal is said on the card; every state of a claim reads plainly, a refused one with its reason', async () => {
  mockApi.on('POST', '/me/subsidy-claims', () => failure(409, 'CONFLICT', '您今年已经申请过交通补助了'))
  const { unmount } = render(<MySubsidiesPage />)
  await settle()
  await tapText('一键领取 600元')
  await settle()
  expect(screen.getByText('您今年已经申请过交通补助了')).toBeTruthy()
  expect(readOutbox()).toEqual([])
  unmount()

  items = [
    transport({ claim: claim({ status: 'paid', paidOn: '2026-04-10' }) }),
    jobSeeking({ claim: claim({ id: 22, schemeId: 4, status: 'refused', refusalReason: '工资流水看不清，请重新拍清楚' }) }),
    { ...training, qualifies: true, amountYuan: 800, mode: 'instant', claim: claim({ id: 23, schemeId: 5, status: 'publicised', publicity: { id: 1, startsOn: '2026-04-01', endsOn: '2026-04-07' } }) },
  ]
  render(<MySubsidiesPage />)
  await settle()
  expect(screen.getByText('已发放')).toBeTruthy()
  expect(screen.getByText('2026年4月10日已打到您的账户，请查收')).toBeTruthy()
  expect(screen.getByText('未通过')).toBeTruthy()
  expect(screen.getByText('原因：工资流水看不清，请重新拍清楚')).toBeTruthy()
  expect(screen.getByText('公示中')).toBeTruthy()
  expect(screen.getByText(/2026年4月1日到2026年4月7日/)).toBeTruthy()
})

test('the payment account: checked by the contract before sending, then shown masked', async () => {
  mockApi.on('PUT', '/me/bank-account', (req) => ({ account: { kind: req.body.kind, bankName: req.body.bankName, accountNumber: '6222 **** **** 1234', updatedAt: at } }))
  const { container } = render(<MySubsidiesPage />)
  await settle()
  await tapText('填写收钱的账户')
  await settle()
  await typeInto(container, '.bank-account__bank', '武山县农村信用社')
  await typeInto(container, '.bank-account__account', '62')
  await tapText('保存账户')
  expect(screen.getByText('卡号应是12到30位数字')).toBeTruthy()
  expect(mockApi.callsTo('PUT', '/me/bank-account')).toHaveLength(0)

  await typeInto(container, '.bank-account__account', '6222021234561234')
  mockApi.on('GET', '/me/bank-account', () => ({ account: { kind: 'bank_card', bankName: '武山县农村信用社', accountNumber: '6222 **** **** 1234', updatedAt: at } }))
  await tapText('保存账户')
  await settle()
  expect(mockApi.callsTo('PUT', '/me/bank-account')[0].body).toEqual({ kind: 'bank_card', bankName: '武山县农村信用社', accountNumber: '6222021234561234' })
  expect(screen.getByText('6222 **** **** 1234')).toBeTruthy()
  expect(screen.queryByText('6222021234561234')).toBeNull()
})

test('signed out, the page says why to sign in', async () => {
  setToken(null)
  render(<MySubsidiesPage />)
  await settle()
  expect(screen.getByText('登录后能看到您能领哪些补贴、能领多少钱。县里有记录的，点一下就能领。')).toBeTruthy()
  expect(mockApi.callsTo('GET', '/me/subsidies')).toHaveLength(0)
})

test('without a network after a first visit: the saved list, and the account it pays into from that list, not a retry box', async () => {
  mockApi.on('GET', '/me/subsidies', () => ({ onRoster: true, bankAccount: '6222 **** **** 1234', items }))
  const first = render(<MySubsidiesPage />)
  await settle()
  first.unmount()
  const offline = () => {
    throw new ApiError('NETWORK')
  }
  mockApi.on('GET', '/me/subsidies', offline)
  mockApi.on('GET', '/me/bank-account', offline)
  render(<MySubsidiesPage />)
  await settle()
  // The client's own retries (0.6 s and 1.8 s) run out first.
  await act(async () => new Promise((r) => setTimeout(r, 3000)))
  await settle()
  expect(screen.getByText(/没有网络，下面是已保存于/)).toBeTruthy()
  expect(screen.getByText('补贴打到：6222 **** **** 1234。现在没有网络，有网络后才能填写或修改。')).toBeTruthy()
  expect(screen.queryByText('没有加载出来')).toBeNull()
})
