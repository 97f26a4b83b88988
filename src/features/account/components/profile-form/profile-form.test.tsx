import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { ApiError } from '@/api'
import { api } from '@contract'
import type { Me } from '@contract'
import { ProfileForm } from '.'

jest.mock('@/api', () => {
  const actual = jest.requireActual('@/api')
  const request = jest.fn()
  // The outbox's submit over the mocked request: what reaches the server is asserted on request. Offline queueing
  // itself is covered by src/api/outbox.test.ts and tests/e2e/offline.test.ts.
  const submit = jest.fn(async (_name: string, endpoint: unknown, req: unknown, o: { idempotencyKey: string }) => ({
    queued: false,
    data: await request(endpoint, req, { idempotencyKey: o.idempotencyKey }),
  }))
  return { ...actual, request, submit }
})
const { request } = jest.requireMock('@/api') as { request: jest.Mock }

function me(over: Partial<Me> = {}): Me {
  return {
    id: 1,
    name: '张三',
    phone: '138****1234',
    hometownTownship: null,
    hometownVillage: null,
    idNumber: null,
    trades: [],
    skills: '',
    workingAway: false,
    currentCity: null,
    returnedHome: false,
    willingToGoOut: true,
    povertyAlleviated: false,
    wechatLinked: false,
    consents: [],
    createdAt: '2026-11-26T08:00:00.000Z',
    ...over,
  }
}

const idConsent = { kind: 'id_number' as const, version: '2026-11', granted: true, at: '2026-11-26T09:00:00.000Z' }
// A valid resident ID number (GB 11643 check digit).
const validId = '62052419900101002X'

function type(container: HTMLElement, selector: string, value: string) {
  const el = container.querySelector(selector)
  if (!el) throw new Error(`no ${selector}`)
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}

async function tap(text: string) {
  await act(async () => {
    fireEvent.click(screen.getByText(text))
  })
}

beforeEach(() => request.mockReset())

describe('profile form', () => {
  it('asks for the separate consent before the ID number can be typed, and records it first', async () => {
    const onSaved = jest.fn()
    const withConsent = me({ consents: [idConsent] })
    request.mockResolvedValueOnce(withConsent).mockResolvedValueOnce(me({ consents: [idConsent], idNumber: '6205**********002X' }))
    const { container, rerender } = render(<ProfileForm me={me()} onSaved={onSaved} />)

    await tap('填身份证号')
    expect(screen.getByText('同意提供身份证号吗？')).toBeTruthy()
    expect(screen.getByText(/登记外出务工人员台账，核对您能领的就业补贴和培训补贴/)).toBeTruthy()
    expect(container.querySelector('.profile-form__id-input')).toBeNull()
    expect(request).not.toHaveBeenCalled()

    await tap('同意，去填写')
    expect(request.mock.calls[0].slice(0, 2)).toEqual([api.setConsent, { body: { kind: 'id_number', version: '2026-12', granted: true } }])
    expect(onSaved).toHaveBeenCalledWith(withConsent)
    rerender(<ProfileForm me={withConsent} onSaved={onSaved} />)
    type(container, '.profile-form__id-input', validId.toLowerCase())
    await tap('保存')

    expect(request).toHaveBeenCalledTimes(2)
    const [endpoint, req, options] = request.mock.calls[1]
    expect(endpoint).toBe(api.updateMe)
    expect(req.body.idNumber).toBe(validId)
    expect(options.idempotencyKey).toEqual(expect.any(String))
    expect(screen.getByText('已保存')).toBeTruthy()
  })

  it('does not collect the ID number when the worker declines', async () => {
    const { container } = render(<ProfileForm me={me()} onSaved={jest.fn()} />)
    await tap('填身份证号')
    await tap('不填了')
    expect(screen.queryByText('同意提供身份证号吗？')).toBeNull()
    expect(container.querySelector('.profile-form__id-input')).toBeNull()
    expect(request).not.toHaveBeenCalled()
  })

  it('goes straight to the ID field when the consent was given before', async () => {
    const { container } = render(<ProfileForm me={me({ consents: [idConsent] })} onSaved={jest.fn()} />)
    await tap('填身份证号')
    expect(screen.queryByText('同意提供身份证号吗？')).toBeNull()
    expect(container.querySelector('.profile-form__id-input')).not.toBeNull()
  })

  it('checks the ID number with the contract rule before sending', async () => {
    const { container } = render(<ProfileForm me={me({ consents: [idConsent] })} onSaved={jest.fn()} />)
    await tap('填身份证号')
    type(container, '.profile-form__id-input', '62052419900101001X')
    await tap('保存')
    expect(screen.getByText('身份证号最后一位不对，请核对')).toBeTruthy()
    expect(request).not.toHaveBeenCalled()
  })

  it('leaves yes/no questions nobody answered unchosen, and a name-only save sends them as null, not 否', async () => {
    const unanswered = { workingAway: null, returnedHome: null, willingToGoOut: null, povertyAlleviated: null, workedAwayLastYear: null }
    request.mockResolvedValueOnce(me({ name: '李四', ...unanswered }))
    const { container } = render(<ProfileForm me={me({ name: null, ...unanswered })} onSaved={jest.fn()} />)
    for (const question of ['现在在外地打工吗', '上一年是否外出务工', '已经返乡回家了吗', '愿意出去打工吗', '是脱贫户吗']) {
      const group = screen.getByRole('radiogroup', { name: question })
      expect(within(group).getAllByRole('button').map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false'])
    }
    type(container, '.profile-form__name', '李四')
    await tap('保存')
    expect(request.mock.calls[0][1].body).toMatchObject({ name: '李四', ...unanswered, currentCity: null })

    // Picking 否 sends 否 for that question alone.
    request.mockResolvedValueOnce(me({ name: '李四', ...unanswered, povertyAlleviated: false }))
    await act(async () => {
      fireEvent.click(within(screen.getByRole('radiogroup', { name: '是脱贫户吗' })).getByText('否'))
    })
    expect(within(screen.getByRole('radiogroup', { name: '是脱贫户吗' })).getByText('否').closest('[aria-pressed]')?.getAttribute('aria-pressed')).toBe('true')
    await tap('保存')
    expect(request.mock.calls[1][1].body).toMatchObject({ ...unanswered, povertyAlleviated: false })
  })

  it('saves name and township and says 已保存', async () => {
    const onSaved = jest.fn()
    const saved = me({ name: '李四', hometownTownship: '洛门镇' })
    request.mockResolvedValueOnce(saved)
    const { container } = render(<ProfileForm me={me()} onSaved={onSaved} />)
    type(container, '.profile-form__name', '李四')
    await tap('洛门镇')
    await tap('保存')
    expect(request.mock.calls[0][1].body).toMatchObject({ name: '李四', hometownTownship: '洛门镇', hometownVillage: null })
    expect(request.mock.calls[0][1].body).not.toHaveProperty('idNumber')
    expect(onSaved).toHaveBeenCalledWith(saved)
    expect(screen.getByText('已保存')).toBeTruthy()
  })

  it('shows server field messages under their fields', async () => {
    request.mockRejectedValueOnce(
      new ApiError('VALIDATION_FAILED', '填写的内容有误', { status: 400, fields: { hometownVillage: '最多20个字' } }),
    )
    const { container } = render(<ProfileForm me={me()} onSaved={jest.fn()} />)
    type(container, '.profile-form__village', '马坪村')
    await tap('保存')
    expect(container.querySelector('.profile-form__village')?.parentElement?.textContent).toContain('最多20个字')
    expect(screen.getByText('有几项需要改一下，请看红字')).toBeTruthy()
    expect(screen.queryByText('已保存')).toBeNull()
  })

  it('retrying a save that failed on the network reuses its idempotency key; a changed save gets a new one', async () => {
    request
      .mockRejectedValueOnce(new ApiError('NETWORK'))
      .mockResolvedValueOnce(me({ name: '王五' }))
      .mockResolvedValueOnce(me({ name: '王六' }))
    const { container } = render(<ProfileForm me={me()} onSaved={jest.fn()} />)
    type(container, '.profile-form__name', '王五')
    await tap('保存')
    expect(screen.getByText('网络不稳定，请检查网络后重试')).toBeTruthy()
    await tap('保存')
    type(container, '.profile-form__name', '王六')
    await tap('保存')
    const keys = request.mock.calls.map((c) => c[2].idempotencyKey)
    expect(keys[0]).toBe(keys[1])
    expect(keys[2]).not.toBe(keys[1])
  })

  it('allows at most 5 trades', async () => {
    render(<ProfileForm me={me({ trades: ['电工', '电焊工', '普工', '保安员', '叉车司机'] })} onSaved={jest.fn()} />)
    await tap('包装工')
    expect(screen.getByText('最多选5个工种，先去掉一个再选')).toBeTruthy()
    await tap('✓ 普工')
    await tap('包装工')
    expect(screen.getByText('✓ 包装工')).toBeTruthy()
  })

  it('asks whether the worker went out to work last year and sends the answer (the 去年外出今年未出 ledger)', async () => {
    request.mockResolvedValueOnce(me({ workedAwayLastYear: true }))
    render(<ProfileForm me={me({ workedAwayLastYear: false })} onSaved={jest.fn()} />)
    const question = screen.getByRole('radiogroup', { name: '上一年是否外出务工' })
    expect(within(question).getByText('否').parentElement?.getAttribute('aria-pressed')).toBe('true')
    await act(async () => {
      fireEvent.click(within(question).getByText('是'))
    })
    await tap('保存')
    expect(request.mock.calls[0][1].body).toMatchObject({ workedAwayLastYear: true, workingAway: false })
  })

  it('leaves the last-year answer out when the profile copy predates the question', async () => {
    request.mockResolvedValueOnce(me())
    render(<ProfileForm me={me()} onSaved={jest.fn()} />)
    await tap('保存')
    expect(request.mock.calls[0][1].body).not.toHaveProperty('workedAwayLastYear')
  })

  it('asks for the city only when working away', async () => {
    render(<ProfileForm me={me()} onSaved={jest.fn()} />)
    expect(screen.queryByText('在哪个城市')).toBeNull()
    fireEvent.click(screen.getAllByText('是')[0])
    expect(screen.getByText('在哪个城市')).toBeTruthy()
  })
})
