import { fireEvent, render, screen } from '@testing-library/react'
import { course } from '../../../tests/support/app/fixtures'
import TrainingPage from '.'

jest.mock('@/api', () => {
  const actual = jest.requireActual('@/api')
  return { ...actual, useApiList: jest.fn() }
})
const { useApiList } = jest.requireMock('@/api') as { useApiList: jest.Mock }

describe('培训 page', () => {
  beforeEach(() => {
    useApiList.mockReturnValue({
      items: [course(), course({ id: 2, title: '家政服务员培训', mode: 'menu', trade: '家政服务员', costYuan: 1200, subsidyYuan: 800, seatsLeft: 0, partnerEmployer: null })],
      error: null,
      loading: false,
      loadingMore: false,
      hasMore: false,
      loadMore: jest.fn(),
      refresh: jest.fn(),
    })
  })

  it('shows cost after subsidy, seats left and where an order course leads', () => {
    render(<TrainingPage />)
    expect(screen.getByText('免费')).toBeTruthy()
    expect(screen.getByText('¥400')).toBeTruthy()
    expect(screen.getByText('剩 12 个名额')).toBeTruthy()
    expect(screen.getByText('已满，可候补')).toBeTruthy()
    expect(screen.getByText(/结业后到 天津 天津某重工 上班，月工资约 6000 元/)).toBeTruthy()
  })

  it('filters by mode from the tabs', () => {
    render(<TrainingPage />)
    expect(screen.getByRole('tab', { name: '全部' }).getAttribute('aria-selected')).toBe('true')
    fireEvent.click(screen.getAllByText('自己点想学的')[0])
    expect(useApiList.mock.calls[useApiList.mock.calls.length - 1][1]).toEqual({ query: { mode: 'menu' } })
    // One tab chosen at a time, and a screen reader hears which.
    expect(screen.getByRole('tablist', { name: '培训方式' })).toBeTruthy()
    expect(screen.getByRole('tab', { name: '自己点想学的' }).getAttribute('aria-selected')).toBe('true')
    expect(screen.getByRole('tab', { name: '全部' }).getAttribute('aria-selected')).toBe('false')
  })

  it('names the kinds of course in words a worker uses, never the office terms', () => {
    const { container } = render(<TrainingPage />)
    for (const words of ['学完包分配', '自己点想学的', '县里招牌手艺']) expect(screen.getAllByText(words).length).toBeGreaterThan(0)
    expect(container.textContent).not.toMatch(/下单培训|点单培训|品牌培训/)
    fireEvent.click(screen.getAllByText('学完包分配')[0])
    expect(screen.getByText('学完包分配：厂里先定好岗位，学完签协议直接去上班。')).toBeTruthy()
    expect(container.textContent).not.toMatch(/下单培训|点单培训|品牌培训/)
  })
})
