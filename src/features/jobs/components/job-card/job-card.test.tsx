import { fireEvent, render, screen } from '@testing-library/react'
import { jobSummary } from '../../../../../tests/support/app/fixtures'
import { JobCard } from '.'

describe('JobCard', () => {
  it('shows the monthly wage range big, the place and the benefits', () => {
    render(<JobCard job={jobSummary()} onOpen={() => {}} />)
    expect(screen.getByText('5500-7000 元/月')).toBeTruthy()
    expect(screen.getByText('天津 北辰区')).toBeTruthy()
    expect(screen.getByText('包吃')).toBeTruthy()
    expect(screen.getByText('包住')).toBeTruthy()
  })

  it('writes day and piece rates with their unit, and a single figure when min equals max', () => {
    const { rerender } = render(<JobCard job={jobSummary({ wageMinYuan: 260, wageMaxYuan: 260, wageUnit: 'day' })} onOpen={() => {}} />)
    expect(screen.getByText('260 元/天')).toBeTruthy()
    rerender(<JobCard job={jobSummary({ wageMinYuan: 0.8, wageMaxYuan: 1.25, wageUnit: 'piece' })} onOpen={() => {}} />)
    expect(screen.getByText('0.8-1.25 元/件')).toBeTruthy()
  })

  it('marks verified employers and sample data', () => {
    const { rerender } = render(<JobCard job={jobSummary({ employerVerified: true, isSample: true })} onOpen={() => {}} />)
    expect(screen.getByText('已认证')).toBeTruthy()
    expect(screen.getByText('示例')).toBeTruthy()
    rerender(<JobCard job={jobSummary({ employerVerified: false, isSample: false })} onOpen={() => {}} />)
    expect(screen.queryByText('已认证')).toBeNull()
    expect(screen.queryByText('示例')).toBeNull()
  })

  it('says when it was posted, in China calendar days, and the date once older than 30 days', () => {
    // 11月23日 10:00 in China
    jest.useFakeTimers({ now: new Date('2026-11-23T02:00:00.000Z') })
    try {
      const { rerender } = render(<JobCard job={jobSummary({ postedAt: '2026-11-20T08:00:00.000Z' })} onOpen={() => {}} />)
      expect(screen.getByText('· 3天前发布', { exact: false })).toBeTruthy()
      // 00:30 today in China is still yesterday in UTC.
      rerender(<JobCard job={jobSummary({ postedAt: '2026-11-22T16:30:00.000Z' })} onOpen={() => {}} />)
      expect(screen.getByText('· 今天发布', { exact: false })).toBeTruthy()
      rerender(<JobCard job={jobSummary({ postedAt: '2026-11-22T08:00:00.000Z' })} onOpen={() => {}} />)
      expect(screen.getByText('· 昨天发布', { exact: false })).toBeTruthy()
      rerender(<JobCard job={jobSummary({ postedAt: '2026-09-01T08:00:00.000Z' })} onOpen={() => {}} />)
      expect(screen.getByText('· 9月1日发布', { exact: false })).toBeTruthy()
    } finally {
      jest.useRealTimers()
    }
  })

  it('has a 打电话 button that dials the posting’s contact and does not open the posting', () => {
    const onOpen = jest.fn()
    render(<JobCard job={jobSummary({ contactPhone: '0510-85284106', employerName: '无锡某电子厂' })} onOpen={onOpen} />)
    const call = screen.getByRole('link', { name: /打电话/ })
    expect(call.getAttribute('href')).toBe('tel:051085284106')
    expect(call.getAttribute('aria-label')).toContain('无锡某电子厂')
    fireEvent.click(call)
    expect(onOpen).not.toHaveBeenCalled()
  })

  it('draws 已认证 as a badge with a tick, apart from the plain benefit tags', () => {
    render(<JobCard job={jobSummary({ employerVerified: true, benefits: ['包吃', '包住'] })} onOpen={() => {}} />)
    const verified = screen.getByText('已认证').closest('.verified-badge')
    expect(verified).toBeTruthy()
    expect(verified!.className).not.toMatch(/\btag\b/)
    expect(screen.getByText('包吃').className).toMatch(/\btag--plain\b/)
  })

  it('opens the posting when tapped', () => {
    const onOpen = jest.fn()
    render(<JobCard job={jobSummary({ id: 42 })} onOpen={onOpen} />)
    fireEvent.click(screen.getByText('5500-7000 元/月'))
    expect(onOpen).toHaveBeenCalledWith(42, undefined)
  })
})
