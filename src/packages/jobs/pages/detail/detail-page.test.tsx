import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { JobDetail } from '@contract'
import { applyToJob } from '@contract/jobs'
import { ApiError, formatSavedAt, saveRead } from '@/api'
import { savedJobsFirstPage } from '@/features/jobs/api/use-jobs'
import { jobPosting, jobSummary } from '../../../../../tests/support/app/fixtures'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import JobDetailPage from '.'

jest.mock('@/api', () => {
  const actual = jest.requireActual('@/api')
  return { ...actual, useApi: jest.fn(), submit: jest.fn() }
})
jest.mock('@/features/account/session', () => ({ isWorkerSignedIn: jest.fn(), useSession: jest.fn() }))
const { useApi, submit } = jest.requireMock('@/api') as { useApi: jest.Mock; submit: jest.Mock }
const session = jest.requireMock('@/features/account/session') as { isWorkerSignedIn: jest.Mock; useSession: jest.Mock }

function job(over: Partial<JobDetail> = {}): JobDetail {
  return {
    ...jobPosting({ id: 7, title: '设备维修电工' }),
    description: '维修车间设备',
    requirements: '持低压电工证',
    address: '无锡市新吴区锡兴路88号',
    lat: 31.5,
    lng: 120.3,
    ageMin: 20,
    ageMax: 50,
    shifts: '长白班',
    hoursPerDay: 10,
    contactPhone: '0510-85284106',
    contactName: '王经理',
    verifiedBy: { id: 2, name: '无锡工作站' },
    verifiedAt: '2026-11-20T08:00:00.000Z',
    expired: false,
    underReview: false,
    appliable: true,
    pledge: '正规招聘不收取任何费用',
    myApplication: null,
    ...over,
  }
}

let refresh: jest.Mock
function showJob(data: JobDetail) {
  refresh = jest.fn(() => Promise.resolve())
  useApi.mockReturnValue({ data, error: null, loading: false, refresh })
}

beforeEach(() => {
  setRouterParams({ id: '7' }, '/packages/jobs/pages/detail/index')
  session.useSession.mockReturnValue({ me: { phone: '139****0009' }, signedIn: true, loading: false })
  submit.mockReset()
})

describe('applying from the posting', () => {
  it('sends a signed-out worker to sign in first, coming back to this posting', () => {
    showJob(job())
    session.isWorkerSignedIn.mockReturnValue(false)
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    render(<JobDetailPage />)
    fireEvent.click(screen.getByText('我要报名'))
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/packages/me/pages/sign-in/index?redirect=${encodeURIComponent('/packages/jobs/pages/detail/index?id=7')}`,
    })
    expect(screen.queryByText('确认报名“设备维修电工”？')).toBeNull()
    expect(submit).not.toHaveBeenCalled()
  })

  it('asks for confirmation, says the station will call, then applies once and shows the new state', async () => {
    showJob(job())
    session.isWorkerSignedIn.mockReturnValue(true)
    submit.mockResolvedValue({ queued: false, data: { id: 3, status: 'submitted' } })
    render(<JobDetailPage />)
    fireEvent.click(screen.getByText('我要报名'))
    expect(screen.getByText('确认报名“设备维修电工”？')).toBeTruthy()
    expect(screen.getByText('工作站会在 2 个工作日内给您打电话。')).toBeTruthy()
    expect(submit).not.toHaveBeenCalled()
    const buttons = screen.getAllByText('确认报名')
    await act(async () => {
      fireEvent.click(buttons[buttons.length - 1])
    })
    expect(submit).toHaveBeenCalledTimes(1)
    expect(submit).toHaveBeenCalledWith('applyToJob', applyToJob, { params: { id: 7 }, body: {} }, { label: '报名：设备维修电工', idempotencyKey: expect.any(String) })
    expect(refresh).toHaveBeenCalled()
    expect(document.querySelector('.wgt-notice')?.textContent).toBe('报名成功，请留意来电')
  })

  it('says in the dialog which of the worker’s numbers the station will call, masked', () => {
    showJob(job())
    session.isWorkerSignedIn.mockReturnValue(true)
    render(<JobDetailPage />)
    fireEvent.click(screen.getByText('我要报名'))
    const line = document.querySelector('.apply-dialog__phone') as HTMLElement
    expect(line.textContent).toBe('工作站会打您的手机 139****0009，请留意来电。')
    // The number itself is kept on one line.
    expect(screen.getByText('139****0009').className).toMatch(/\bnowrap\b/)
  })

  it('keeps 打电话 and 我要报名 in a bar at the bottom of the screen', () => {
    showJob(job())
    const { container } = render(<JobDetailPage />)
    const bar = container.querySelector('.action-bar') as HTMLElement
    expect(bar).toBeTruthy()
    const call = bar.querySelector('a.phone-call-button') as HTMLAnchorElement
    expect(call.getAttribute('href')).toBe('tel:051085284106')
    expect(call.textContent).toBe('打电话')
    expect(bar.textContent).toContain('我要报名')
  })

  it('once applied, the bar keeps 打电话 and opens 我的报名 instead of applying again', () => {
    showJob(job({ myApplication: { id: 3, status: 'contacted' } }))
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const { container } = render(<JobDetailPage />)
    const bar = container.querySelector('.action-bar') as HTMLElement
    expect(bar.querySelector('a.phone-call-button')).toBeTruthy()
    expect(bar.textContent).not.toContain('我要报名')
    fireEvent.click(screen.getByText('看我的报名'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/jobs/pages/applications/index' })
  })

  it('再想想 closes the dialog without applying', () => {
    showJob(job())
    session.isWorkerSignedIn.mockReturnValue(true)
    render(<JobDetailPage />)
    fireEvent.click(screen.getByText('我要报名'))
    fireEvent.click(screen.getByText('再想想'))
    expect(screen.queryByText('确认报名“设备维修电工”？')).toBeNull()
    expect(submit).not.toHaveBeenCalled()
  })

  it('shows 已报名 instead of the button once applied', () => {
    showJob(job({ myApplication: { id: 3, status: 'submitted' } }))
    render(<JobDetailPage />)
    expect(screen.getByText('已报名')).toBeTruthy()
    expect(screen.queryByText('我要报名')).toBeNull()
    expect(screen.getByText('看我的报名')).toBeTruthy()
  })

  it('warns when several workers reported the posting, and offers no 报名', () => {
    showJob(job({ underReview: true, appliable: false }))
    render(<JobDetailPage />)
    expect(screen.getByText(/已有多人举报，正在核实/)).toBeTruthy()
    expect(screen.queryByText('我要报名')).toBeNull()
  })

  it('says how long ago the posting went up', () => {
    jest.useFakeTimers({ now: new Date('2026-11-23T02:00:00.000Z') })
    try {
      showJob(job({ postedAt: '2026-11-20T08:00:00.000Z' }))
      render(<JobDetailPage />)
      expect(screen.getByText('3天前发布')).toBeTruthy()
    } finally {
      jest.useRealTimers()
    }
  })

  it('shows the pledge and the anti-fraud tips', () => {
    showJob(job())
    render(<JobDetailPage />)
    expect(screen.getByText('求职不交钱')).toBeTruthy()
    expect(screen.getByText(/不把身份证、银行卡交给别人保管/)).toBeTruthy()
  })
})

describe('without signal, a posting never opened', () => {
  const offline = () => {
    refresh = jest.fn(() => Promise.resolve())
    useApi.mockReturnValue({ data: null, error: new ApiError('NETWORK'), loading: false, refresh, savedAt: null })
  }
  afterEach(() => localStorage.clear())

  it('shows the card the saved list has, says when it was saved, and keeps 打电话 and 我要报名 (kept on the phone)', async () => {
    saveRead(savedJobsFirstPage, [jobSummary({ id: 6 }), jobSummary({ id: 7, title: '锂电池厂普工', contactPhone: '0752-3312345' })], new Date('2026-12-05T03:04:00.000Z'))
    offline()
    session.isWorkerSignedIn.mockReturnValue(true)
    submit.mockResolvedValue({ queued: true, entry: { id: 'key-1' } })
    const { container } = render(<JobDetailPage />)
    expect(container.querySelector('.job-card__title')?.textContent).toBe('锂电池厂普工')
    // The card is what the page is about here, not a link to itself.
    expect(container.querySelector('.job-card__open')?.getAttribute('role')).toBeNull()
    expect(container.querySelector('.saved-note__title')?.textContent).toBe(`没有网络，下面是已保存于 ${formatSavedAt('2026-12-05T03:04:00.000Z')} 的内容`)
    expect(screen.getByText('岗位的介绍、地址和要求，有网络后点“刷新”就能看到。')).toBeTruthy()
    const bar = container.querySelector('.action-bar') as HTMLElement
    expect((bar.querySelector('a.phone-call-button') as HTMLAnchorElement).getAttribute('href')).toBe('tel:07523312345')
    fireEvent.click(screen.getByText('我要报名'))
    const buttons = screen.getAllByText('确认报名')
    await act(async () => {
      fireEvent.click(buttons[buttons.length - 1])
    })
    expect(submit).toHaveBeenCalledWith('applyToJob', applyToJob, { params: { id: 7 }, body: {} }, { label: '报名：锂电池厂普工', idempotencyKey: expect.any(String) })
    expect(screen.getByText('报名已保存在手机上，有网络后自动发送，不用再点。')).toBeTruthy()
    expect(bar.textContent).not.toContain('我要报名')
    fireEvent.click(screen.getByText('刷新'))
    expect(refresh).toHaveBeenCalled()
  })

  it('says it could not load when the saved list never showed it', () => {
    saveRead(savedJobsFirstPage, [jobSummary({ id: 6 })])
    offline()
    const { container } = render(<JobDetailPage />)
    expect(screen.getByText('没有加载出来')).toBeTruthy()
    expect(container.querySelector('.job-card')).toBeNull()
    expect(container.querySelector('.action-bar')).toBeNull()
  })
})
