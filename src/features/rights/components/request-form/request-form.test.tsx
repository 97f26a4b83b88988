import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api'
import { api } from '@contract'
import { draftSaveDelayMs, draftStorageKey } from '../../lib/draft'
import { RequestForm } from '.'

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
const { request, submit } = jest.requireMock('@/api') as { request: jest.Mock; submit: jest.Mock }

const today = { year: 2026, month: 3 }

function type(container: HTMLElement, selector: string, value: string) {
  const el = container.querySelector(selector)
  if (!el) throw new Error(`no ${selector}`)
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}

async function tap(text: string, index = 0) {
  await act(async () => {
    fireEvent.click(screen.getAllByText(text)[index])
  })
}

const stored = () => JSON.parse(Taro.getStorageSync(draftStorageKey) as string)

/** A request filled up to its last step, as the form keeps it. */
const filledDraft = {
  step: 4,
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
  photos: [{ id: 'a'.repeat(32), path: 'blob:1' }],
}

beforeEach(() => {
  request.mockReset()
  Taro.clearStorageSync()
  jest.useFakeTimers()
})
afterEach(() => jest.useRealTimers())

describe('rights request form', () => {
  it('will not go on while the step has mistakes, and says what to fix', async () => {
    const { container } = render(<RequestForm today={today} onSubmitted={jest.fn()} />)
    await tap('下一步')
    expect(screen.getByText('请选择遇到了什么事')).toBeTruthy()
    expect(screen.getByText('请至少写10个字，说清楚发生了什么')).toBeTruthy()
    expect(screen.getByText('第 1 步，共 5 步')).toBeTruthy()

    await tap('欠薪')
    type(container, '.request-form__description', '老板欠了三个月工资不给')
    await tap('下一步')
    expect(screen.getByText('第 2 步，共 5 步')).toBeTruthy()
    await tap('下一步')
    expect(screen.getByText('请写老板或单位的名字，至少2个字')).toBeTruthy()
    type(container, '.request-form__employer', '无锡某建筑公司')
    await tap('无锡市')
    type(container, '.request-form__address', '新吴区长江路工地')
    await tap('下一步')

    // Step 3: unpaid wages need the amount; the end may not come before the start.
    await tap('2026年')
    await tap('2025年', 1)
    await tap('下一步')
    expect(screen.getByText('被欠工资，请填写欠了多少钱')).toBeTruthy()
    expect(screen.getByText('结束时间不能早于开始时间')).toBeTruthy()
    type(container, '.request-form__amount', '18000')
    await tap('现在还在干')
    await tap('下一步')
    expect(screen.getByText('第 4 步，共 5 步')).toBeTruthy()
    expect(request).not.toHaveBeenCalled()
  })

  it('keeps the draft on the device as the worker types, and brings it back after the app was closed', async () => {
    const first = render(<RequestForm today={today} onSubmitted={jest.fn()} />)
    await tap('工伤')
    type(first.container, '.request-form__description', '在车间被机器压伤了手，老板不管')
    expect(Taro.getStorageSync(draftStorageKey)).toBeFalsy() // debounced: not on every keystroke
    act(() => {
      jest.advanceTimersByTime(draftSaveDelayMs)
    })
    expect(stored()).toMatchObject({ category: 'injury', description: '在车间被机器压伤了手，老板不管', step: 0 })
    await tap('下一步')
    type(first.container, '.request-form__employer', '昆山某电子厂')
    first.unmount() // closing the app: what is pending is written at once
    expect(stored()).toMatchObject({ step: 1, employerName: '昆山某电子厂' })

    const again = render(<RequestForm today={today} onSubmitted={jest.fn()} />)
    expect(screen.getByText('第 2 步，共 5 步')).toBeTruthy()
    const employer = again.container.querySelector('.request-form__employer') as HTMLElement & { value?: string }
    expect(employer.getAttribute('value') ?? employer.value).toBe('昆山某电子厂')
    await tap('上一步')
    expect(again.container.querySelector('.request-form__description')?.getAttribute('value')).toBe('在车间被机器压伤了手，老板不管')
    expect(again.container.querySelector('.category-card--on')?.textContent).toContain('工伤')
  })

  it('retries a failed submission with the same key, then clears the draft', async () => {
    const key = 'draft-key-123456'
    Taro.setStorageSync(
      draftStorageKey,
      JSON.stringify({
        step: 4,
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
        photos: [{ id: 'a'.repeat(32), path: 'blob:1' }],
        idempotencyKey: key,
      }),
    )
    const onSubmitted = jest.fn()
    request.mockRejectedValueOnce(new ApiError('NETWORK'))
    request.mockResolvedValueOnce({ trackingNo: 'WS-2026-000001' })
    render(<RequestForm today={today} accountPhone='139****1001' onSubmitted={onSubmitted} />)
    expect(screen.getByText('不填就打您登录用的 139****1001')).toBeTruthy()
    await tap('提交求助')
    expect(screen.getByText(/填的内容都还在/)).toBeTruthy()
    await tap('提交求助')
    expect(request).toHaveBeenCalledTimes(2)
    for (const call of request.mock.calls) {
      expect(call[0]).toBe(api.createRightsRequest)
      expect(call[2]).toEqual({ idempotencyKey: key })
      expect(call[1].body).toMatchObject({ workedTo: null, amountOwedYuan: 18000, workersAffected: 3, attachmentIds: ['a'.repeat(32)] })
      expect(call[1].body.contactPhone).toBeUndefined()
    }
    expect(onSubmitted).toHaveBeenCalledWith({ trackingNo: 'WS-2026-000001' }, 0)
    expect(Taro.getStorageSync(draftStorageKey)).toBeFalsy()
  })

  it('starts a new request at step 1 with a fresh key once the server has accepted one, also after the form was closed', async () => {
    const key = 'draft-key-accepted1'
    Taro.setStorageSync(draftStorageKey, JSON.stringify({ ...filledDraft, idempotencyKey: key }))
    request.mockResolvedValueOnce({ trackingNo: 'WS-2026-000007' })
    const onSubmitted = jest.fn()
    const first = render(<RequestForm today={today} onSubmitted={onSubmitted} />)
    await tap('提交求助')
    expect(onSubmitted).toHaveBeenCalledWith({ trackingNo: 'WS-2026-000007' }, 0)
    // The page goes (the done page replaces it): nothing of the sent case may be written back.
    first.unmount()
    act(() => {
      jest.advanceTimersByTime(draftSaveDelayMs * 2)
    })
    expect(Taro.getStorageSync(draftStorageKey)).toBeFalsy()

    const again = render(<RequestForm today={today} onSubmitted={jest.fn()} />)
    expect(screen.getByText('第 1 步，共 5 步')).toBeTruthy()
    expect(again.container.querySelector('.category-card--on')).toBeNull()
    act(() => {
      jest.advanceTimersByTime(draftSaveDelayMs)
    })
    expect(stored().idempotencyKey).not.toBe(key)
    expect(stored()).toMatchObject({ step: 0, description: '', photos: [] })
  })

  it('says a request kept for later is saved and will go by itself, keeps its draft until the outbox has sent it, then starts afresh', async () => {
    const key = 'draft-key-queued01'
    Taro.setStorageSync(draftStorageKey, JSON.stringify({ ...filledDraft, idempotencyKey: key }))
    // No network: the outbox keeps the request under the draft's key.
    const entry = { id: key, name: 'createRightsRequest', req: {}, label: '求助：欠薪', createdAt: new Date().toISOString(), attempts: 1, nextAttemptAt: 0, state: 'pending' }
    submit.mockImplementationOnce(async () => {
      Taro.setStorageSync('wgt.outbox', [entry])
      return { queued: true, entry }
    })
    const onSubmitted = jest.fn()
    const first = render(<RequestForm today={today} onSubmitted={onSubmitted} />)
    await tap('提交求助')
    expect(screen.getByText('已保存，有网络会自动发出')).toBeTruthy()
    expect(screen.queryByText('网络不好，页面没有打开，请稍后再试')).toBeNull()
    expect(onSubmitted).not.toHaveBeenCalled()
    first.unmount()
    expect(stored()).toMatchObject({ queued: true, idempotencyKey: key, employerName: '无锡某建筑公司' })

    // Opened again while it still waits: shown waiting, not as a form to send again.
    const again = render(<RequestForm today={today} onSubmitted={onSubmitted} />)
    expect(screen.getByText('已保存，有网络会自动发出')).toBeTruthy()
    expect(screen.queryByText('提交求助')).toBeNull()
    // The outbox sends it while the form is open: the form says so with the case the server recorded.
    act(() => {
      Taro.setStorageSync('wgt.outbox', [])
      Taro.eventCenter.trigger('wgt.outbox.delivered', { entry, data: { trackingNo: 'WS-2026-000009' } })
    })
    expect(onSubmitted).toHaveBeenCalledWith({ trackingNo: 'WS-2026-000009' }, 0)
    again.unmount()
    expect(Taro.getStorageSync(draftStorageKey)).toBeFalsy()
    render(<RequestForm today={today} onSubmitted={jest.fn()} />)
    expect(screen.getByText('第 1 步，共 5 步')).toBeTruthy()
  })

  it('a request the outbox sent while the form was closed is not reopened; a refused one comes back to be fixed', async () => {
    Taro.setStorageSync(draftStorageKey, JSON.stringify({ ...filledDraft, idempotencyKey: 'draft-key-sent0001', queued: true }))
    const sent = render(<RequestForm today={today} onSubmitted={jest.fn()} />)
    expect(screen.getByText('第 1 步，共 5 步')).toBeTruthy()
    sent.unmount()
    expect(stored().idempotencyKey).not.toBe('draft-key-sent0001')

    const key = 'draft-key-refused1'
    Taro.setStorageSync(draftStorageKey, JSON.stringify({ ...filledDraft, idempotencyKey: key, queued: true }))
    Taro.setStorageSync('wgt.outbox', [
      { id: key, name: 'createRightsRequest', req: {}, label: '求助：欠薪', createdAt: new Date().toISOString(), attempts: 2, nextAttemptAt: 0, state: 'refused', error: { code: 'VALIDATION_FAILED', message: '有的内容不对', fields: { employerName: '请写老板或单位的名字，至少2个字' } } },
    ])
    render(<RequestForm today={today} onSubmitted={jest.fn()} />)
    expect(screen.getByText('第 2 步，共 5 步')).toBeTruthy()
    expect(screen.getByText('请写老板或单位的名字，至少2个字')).toBeTruthy()
    expect(screen.getByText(/没有发送成功：有的内容不对/)).toBeTruthy()
    // The form holds it now: the outbox no longer shows it, and the fixed request goes with a new key.
    expect(Taro.getStorageSync('wgt.outbox')).toEqual([])
    act(() => {
      jest.advanceTimersByTime(draftSaveDelayMs)
    })
    expect(stored()).toMatchObject({ queued: false, employerName: '无锡某建筑公司' })
    expect(stored().idempotencyKey).not.toBe(key)
  })

  it('sends the worker back to the step the server found wrong', async () => {
    Taro.setStorageSync(
      draftStorageKey,
      JSON.stringify({ step: 4, category: 'other', description: '合同的事情说不清楚了', employerName: '某公司', workCity: '无锡市', workAddress: '某地', workedFrom: '2025-10', workedTo: 'now', idempotencyKey: 'draft-key-abcdefg' }),
    )
    request.mockRejectedValueOnce(new ApiError('VALIDATION_FAILED', undefined, { status: 400, fields: { attachmentIds: '有的照片找不到或已经用过了，请重新选择照片' } }))
    render(<RequestForm today={today} onSubmitted={jest.fn()} />)
    await tap('提交求助')
    expect(screen.getByText('第 4 步，共 5 步')).toBeTruthy()
    expect(screen.getByText('有的照片找不到或已经用过了，请重新选择照片')).toBeTruthy()
  })

  it('opens pre-filled from the 记工 log, every field to check and change, and sends the log with the request', async () => {
    const prefill = {
      category: 'unpaid_wages' as const,
      description: '我给“李老板”（万达三期）干活，2026年2月到2026年3月，每天都用务工通记了工。还欠我 374.5元。',
      employerName: '李老板',
      workAddress: '万达三期',
      workedFrom: '2026-02',
      workedTo: '2026-03',
      amountOwedYuan: '375',
      workersAffected: '1',
      worklogEmployerId: 7,
      worklogDigest: 'abcdef0123456789',
    }
    request.mockResolvedValueOnce({ trackingNo: '2026-000009' })
    const onSubmitted = jest.fn()
    const { container } = render(<RequestForm today={today} prefill={prefill} onSubmitted={onSubmitted} />)
    await tap('下一步')
    // The city is the one thing the log cannot know.
    await tap('下一步')
    expect(screen.getByText('请写在哪个城市干活')).toBeTruthy()
    await tap('苏州市')
    await tap('下一步')
    expect(screen.getByText('第 3 步，共 5 步')).toBeTruthy()
    type(container, '.request-form__amount', '380')
    await tap('下一步')
    await tap('下一步')
    expect(screen.getByText('单位：李老板（苏州市）')).toBeTruthy()
    expect(screen.getByText('钱数：380 元')).toBeTruthy()
    expect(screen.getByText('记工证据单：已附上（校验码 abcdef01…）')).toBeTruthy()
    await tap('提交求助')
    const [, req] = request.mock.calls[0]
    expect(req.body).toEqual(
      expect.objectContaining({ category: 'unpaid_wages', description: prefill.description, employerName: '李老板', workCity: '苏州市', workAddress: '万达三期', workedFrom: '2026-02', workedTo: '2026-03', amountOwedYuan: 380, worklogEmployerId: 7 }),
    )
    expect(onSubmitted).toHaveBeenCalled()
  })

  it('leaves a request waiting to be sent alone when opened from the log', async () => {
    const key = 'draft-key-waiting1'
    Taro.setStorageSync(draftStorageKey, JSON.stringify({ ...filledDraft, idempotencyKey: key, queued: true }))
    Taro.setStorageSync('wgt.outbox', [{ id: key, name: 'createRightsRequest', req: {}, label: '求助：欠薪', createdAt: new Date().toISOString(), attempts: 0, nextAttemptAt: 0, state: 'pending' }])
    render(<RequestForm today={today} prefill={{ employerName: '李老板', worklogEmployerId: 7 }} onSubmitted={jest.fn()} />)
    expect(stored().employerName).toBe('无锡某建筑公司')
    expect(screen.queryByText('第 1 步，共 5 步')).toBeNull()
  })
})
