import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api'
import { firePageEvent } from '../../../tests/support/app/taro-shim'
import { jobSummary } from '../../../tests/support/app/fixtures'
import { typeInto } from '../../../tests/support/app/interact'
import { setElderMode } from '@/lib/elder-mode'
import JobsPage from '.'

// The page reads the API only through '@/api' hooks; replace them with controllable states.
jest.mock('@/api', () => {
  const actual = jest.requireActual('@/api')
  return { ...actual, useApi: jest.fn(), useApiList: jest.fn() }
})
const { useApi, useApiList } = jest.requireMock('@/api') as { useApi: jest.Mock; useApiList: jest.Mock }
// The brand strip reads its own endpoint; it has its own tests.
jest.mock('@/features/brands/components/brand-strip', () => ({ BrandStrip: () => <div data-testid='brand-strip' /> }))

function listState(over: Record<string, unknown> = {}) {
  return {
    items: [],
    error: null,
    loading: false,
    loadingMore: false,
    hasMore: false,
    loadMore: jest.fn(() => Promise.resolve()),
    refresh: jest.fn(() => Promise.resolve()),
    ...over,
  }
}

beforeEach(() => {
  useApi.mockReturnValue({
    data: {
      items: [
        { name: '电焊工', openJobs: 12, courses: 1 },
        { name: '家政服务员', openJobs: 5, courses: 2 },
        { name: '玉雕师', openJobs: 0, courses: 1 },
      ],
    },
    error: null,
    loading: false,
    refresh: jest.fn(),
  })
})

describe('找工作 page', () => {
  it('lists postings with their wages and opens one when tapped', () => {
    useApiList.mockReturnValue(
      listState({
        items: [jobSummary({ id: 7, title: '叉车司机', wageMinYuan: 6000, wageMaxYuan: 8000 }), jobSummary({ id: 8, title: '普工', wageMinYuan: 180, wageMaxYuan: 220, wageUnit: 'day', isSample: true })],
      }),
    )
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
    render(<JobsPage />)
    expect(screen.getByText('叉车司机')).toBeTruthy()
    expect(screen.getByText('6000-8000 元/月')).toBeTruthy()
    expect(screen.getByText('180-220 元/天')).toBeTruthy()
    expect(screen.getByText('示例')).toBeTruthy()
    fireEvent.click(screen.getByText('叉车司机'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/jobs/pages/detail/index?id=7' })
  })

  it('puts the first jobs before the brands and the bus row, so a phone’s first screen shows jobs', () => {
    useApiList.mockReturnValue(listState({ items: [1, 2, 3, 4, 5].map((id) => jobSummary({ id, title: `岗位${id}` })) }))
    const { container } = render(<JobsPage />)
    const order = [...container.querySelectorAll('.job-card, [data-testid="brand-strip"], .list-row')].map((el) =>
      el.classList.contains('job-card') ? 'job' : el.getAttribute('data-testid') ?? 'row',
    )
    expect(order.slice(0, 3)).toEqual(['job', 'job', 'job'])
    expect(order).toContain('brand-strip')
    expect(order.indexOf('brand-strip')).toBeGreaterThan(2)
  })

  it('still shows the brands and the bus row when there are fewer jobs than a screen', () => {
    useApiList.mockReturnValue(listState({ items: [jobSummary({ id: 1 })] }))
    render(<JobsPage />)
    expect(screen.getByTestId('brand-strip')).toBeTruthy()
    expect(screen.getByText('坐专车去上班')).toBeTruthy()
  })

  it('offers quick chips only for trades with open postings, and filters by the chosen trade', () => {
    useApiList.mockReturnValue(listState({ items: [jobSummary()] }))
    render(<JobsPage />)
    expect(screen.getByText('家政服务员')).toBeTruthy()
    expect(screen.queryByText('玉雕师')).toBeNull()
    fireEvent.click(screen.getByText('家政服务员'))
    const lastCall = useApiList.mock.calls[useApiList.mock.calls.length - 1]
    expect(lastCall[1]).toEqual({ query: { trade: '家政服务员' } })
  })

  it('in 大字模式 leaves the row of trades to 筛选, so the first screen holds more of the postings', () => {
    useApiList.mockReturnValue(listState({ items: [jobSummary()] }))
    setElderMode(true)
    try {
      render(<JobsPage />)
      expect(screen.queryByText('家政服务员')).toBeNull()
      expect(screen.getByRole('button', { name: '筛选' })).toBeTruthy()
      expect(screen.getByText('工资高')).toBeTruthy()
    } finally {
      act(() => setElderMode(false))
    }
    expect(screen.getByText('家政服务员')).toBeTruthy()
  })

  it('shows the error message with a 重试 button that reloads', () => {
    const state = listState({ error: new ApiError('NETWORK') })
    useApiList.mockReturnValue(state)
    render(<JobsPage />)
    expect(screen.getByText('网络不稳定，请检查网络后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(state.refresh).toHaveBeenCalled()
  })

  it('says what to do when there are no postings', () => {
    useApiList.mockReturnValue(listState())
    render(<JobsPage />)
    expect(screen.getByText('现在还没有岗位')).toBeTruthy()
  })

  it('an empty search offers wider searches that find jobs; tapping one searches it and drops the filters it says', async () => {
    useApiList.mockReturnValue(listState())
    const { container } = render(<JobsPage />)
    fireEvent.click(screen.getByText('家政服务员'))
    await typeInto(container, '.search-box__input', '新疆 电子厂')
    fireEvent.click(screen.getByText('搜索'))
    expect(useApiList.mock.calls[useApiList.mock.calls.length - 1][1]).toEqual({ query: { q: '新疆 电子厂', trade: '家政服务员' } })

    useApiList.mockReturnValue(
      listState({
        firstPage: {
          items: [],
          nextCursor: null,
          widen: [
            { label: '去掉“新疆”', q: '电子厂', clearFilters: false },
            { label: '看看新疆的全部岗位', q: '新疆', clearFilters: true },
          ],
        },
      }),
    )
    fireEvent.click(screen.getByText('最新'))
    expect(screen.getByText('没有找到合适的岗位')).toBeTruthy()
    expect(screen.getByText('去掉“新疆”')).toBeTruthy()
    fireEvent.click(screen.getByText('看看新疆的全部岗位'))
    expect(useApiList.mock.calls[useApiList.mock.calls.length - 1][1]).toEqual({ query: { q: '新疆' } })
    expect((container.querySelector('.search-box__input') as HTMLInputElement).value).toBe('新疆')
  })

  it('an empty search with nothing wider points to the ✕ in the search box, which clears the search', async () => {
    useApiList.mockReturnValue(listState())
    const { container } = render(<JobsPage />)
    await typeInto(container, '.search-box__input', '不存在的词')
    fireEvent.click(screen.getByText('搜索'))
    expect(screen.getByText('换个词再搜，或者点搜索框里的叉号清除搜索词')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('清除搜索词'))
    expect(useApiList.mock.calls[useApiList.mock.calls.length - 1][1]).toEqual({ query: {} })
    expect(screen.getByText('现在还没有岗位')).toBeTruthy()
  })

  it('shows loading first', () => {
    useApiList.mockReturnValue(listState({ loading: true }))
    render(<JobsPage />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
  })

  it('loads the next page when the user reaches the bottom', () => {
    const state = listState({ items: [jobSummary()], hasMore: true })
    useApiList.mockReturnValue(state)
    render(<JobsPage />)
    act(() => {
      firePageEvent('reachBottom')
    })
    expect(state.loadMore).toHaveBeenCalledTimes(1)
  })

  it('refreshes on pull-down and stops the spinner', async () => {
    const state = listState({ items: [jobSummary()] })
    useApiList.mockReturnValue(state)
    const stop = jest.spyOn(Taro, 'stopPullDownRefresh').mockImplementation(() => undefined as never)
    render(<JobsPage />)
    await act(async () => {
      firePageEvent('pullDownRefresh')
    })
    expect(state.refresh).toHaveBeenCalled()
    expect(stop).toHaveBeenCalled()
  })
})
