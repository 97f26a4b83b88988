/**
 * Every worker form, filled with bad values, says what to fix in plain Chinese: no message a worker can see holds a
 * Latin letter (zod's own default is the English "Invalid input"). Each form runs the real client; anything that
 * gets past the form's own check is refused by the stand-in server with a Chinese message of its own.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Me } from '@contract/me'
import type { CourseDetail } from '@contract/training'
import { course } from '../../tests/support/app/fixtures'
import { ProfileForm } from './account/components/profile-form'
import { SignInForm } from './account/components/sign-in-form'
import { CallbackForm } from './rights/components/callback-form'
import { RequestForm } from './rights/components/request-form'
import { draftStorageKey } from './rights/lib/draft'
import { PartyRegister } from './stations/components/party-register'
import { CourseRequestForm } from './training/components/course-request-form'
import { EnrollPanel } from './training/components/enroll-panel'
import { EmployerForm } from './worklog/components/employer-form'
import { EntryForm } from './worklog/components/entry-form'
import { PaymentForm } from './worklog/components/payment-form'

const refusedWrites: string[] = []
jest.mock('@/api/http', () => ({
  send: async (req: { method: string; url: string }) => {
    if (req.method === 'GET') return { status: 200, body: { items: [], nextCursor: null } }
    refusedWrites.push(`${req.method} ${req.url}`)
    return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: '有的内容不对，请改一改' } } }
  },
}))

const me: Me = {
  id: 1,
  name: '张三',
  phone: '138****1234',
  hometownTownship: null,
  hometownVillage: null,
  idNumber: null,
  trades: [],
  skills: '',
  workingAway: true,
  currentCity: null,
  returnedHome: false,
  willingToGoOut: true,
  povertyAlleviated: false,
  wechatLinked: false,
  consents: [
    { kind: 'id_number', version: '2026-11', granted: true, at: '2026-11-26T09:00:00.000Z' },
    { kind: 'party_membership', version: '2026-11', granted: true, at: '2026-11-26T09:00:00.000Z' },
  ],
  createdAt: '2026-11-26T08:00:00.000Z',
}

/** What a worker may type wrong: nothing, letters, a minus, a zero, too many decimals, far too much, a hidden character. */
const badValues = ['', 'abc', '-1', '0', '1.234', '字'.repeat(600), 'ab\u200bcd', '99999999999', ' ']

const latin = /[A-Za-z]/
/** The one Latin letter a worker meets on purpose: the check character on the ID card itself. */
const idCardX = '最后一位可以是X'

function fillEvery(value: string) {
  for (const el of Array.from(document.querySelectorAll('taro-input-core, taro-textarea-core'))) {
    act(() => {
      el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
    })
  }
}

async function tap(text: string) {
  const [el] = screen.queryAllByText(text)
  if (!el) throw new Error(`no ${text} on screen`)
  await act(async () => {
    fireEvent.click(el)
  })
}

/** Every message on screen: errors by the fields, the form's own line, anything read out. */
function messagesShown(): string[] {
  const nodes = document.querySelectorAll('.form-field__error, [aria-live], [role="alert"], .wgt-notice, [class*="__error"], [class*="__message"]')
  return Array.from(nodes, (n) => (n.textContent ?? '').trim()).filter(Boolean)
}

interface Form {
  name: string
  open: () => Promise<void> | void
  /** The button that sends (or goes on to the next step). */
  send: string
  /** Taps that reach the fields under test before filling them (a choice that shows more fields). */
  before?: string[]
}

const ignore = () => undefined
const enrollable: CourseDetail = { ...course({ agreementText: '学员须按时上课，结业后到合作企业就业。' }), myEnrollment: null }

const rightsStep = (step: number, extra: Record<string, unknown> = {}): Form => ({
  name: `rights help, step ${step + 1}`,
  open: () => {
    Taro.setStorageSync(
      draftStorageKey,
      JSON.stringify({
        step,
        category: 'unpaid_wages',
        description: '老板欠了三个月工资不给',
        employerName: '无锡某建筑公司',
        workCity: '无锡市',
        workAddress: '新吴区长江路工地',
        workedFrom: '2025-10',
        workedTo: 'now',
        amountOwedYuan: '18000',
        workersAffected: '3',
        contactName: '',
        contactPhone: '',
        contactTime: 'any',
        photos: [],
        idempotencyKey: 'draft-key-123456',
        ...extra,
      }),
    )
    render(<RequestForm today={{ year: 2026, month: 3 }} onSubmitted={ignore} />)
  },
  send: step === 4 ? '提交求助' : '下一步',
})

const forms: Form[] = [
  rightsStep(0, { category: '' }),
  rightsStep(1),
  rightsStep(2, { workedFrom: '2026-03', workedTo: '2025-01' }),
  rightsStep(4),
  // A draft kept on the phone by an older version of the app, with a value the form no longer offers.
  { ...rightsStep(4, { contactTime: 'evening' }), name: 'rights help, an old draft' },
  { ...rightsStep(2, { workedFrom: '2025/10', workersAffected: '3人' }), name: 'rights help, an old draft, step 3' },
  { name: 'rights help, 只留电话', open: () => void render(<CallbackForm onSent={ignore} />), before: ['欠薪'], send: '请给我回电' },
  { name: 'sign-in: the code', open: () => void render(<SignInForm onSignedIn={ignore} />), send: '获取验证码' },
  { name: 'sign-in', open: () => void render(<SignInForm onSignedIn={ignore} />), send: '登录' },
  { name: 'profile', open: () => void render(<ProfileForm me={me} onSaved={ignore} />), before: ['填身份证号'], send: '保存' },
  {
    name: 'course request',
    open: () => void render(<CourseRequestForm signedIn onNeedSignIn={ignore} onSent={ignore} />),
    before: ['其他'],
    send: '告诉县里',
  },
  {
    name: 'enrol',
    open: () => void render(<EnrollPanel course={enrollable} signedIn now={new Date('2026-11-20T08:00:00+08:00')} onNeedSignIn={ignore} onChanged={ignore} />),
    send: '我要报名',
  },
  {
    name: 'party registration',
    open: () => void render(<PartyRegister stationId={1} stationName='无锡工作站' me={me} onNeedSignIn={ignore} onMeChanged={ignore} />),
    before: ['登记为本支部流动党员'],
    send: '提交登记',
  },
  { name: 'worklog employer', open: () => void render(<EmployerForm onSaved={ignore} />), send: '保存' },
  ...['点工', '包工（按量）', '借支'].map<Form>((kind) => ({
    name: `worklog entry, ${kind}`,
    open: () => void render(<EntryForm employerId={1} unitLabel='平方米' date='2026-03-02' onSaved={ignore} />),
    before: kind === '点工' ? ['按小时'] : [kind],
    send: '记下3月2日',
  })),
  { name: 'worklog payment', open: () => void render(<PaymentForm employerId={1} today='2026-03-02' onSaved={ignore} />), send: '记下这笔钱' },
]

beforeEach(() => {
  Taro.clearStorageSync()
  refusedWrites.length = 0
})
afterEach(cleanup)

describe.each(forms)('$name', (form) => {
  it.each(badValues.map((v) => [JSON.stringify(v.length > 12 ? v.slice(0, 12) + '…' : v), v]))('filled with %s, says what to fix in Chinese', async (_, value) => {
    await form.open()
    for (const text of form.before ?? []) await tap(text)
    fillEvery(value)
    await tap(form.send)
    // Let a refusal from the stand-in server come back and be shown.
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0))
    })
    const shown = messagesShown()
    expect(shown.filter((m) => latin.test(m.replace(idCardX, '')))).toEqual([])
    // Either the form said what to fix, or it sent and the server's refusal is on screen: never silence.
    expect(shown.length + refusedWrites.length).toBeGreaterThan(0)
  })
})
