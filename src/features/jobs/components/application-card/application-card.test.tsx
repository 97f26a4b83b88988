import { fireEvent, render, screen } from '@testing-library/react'
import type { JobApplication } from '@contract'
import { jobSummary } from '../../../../../tests/support/app/fixtures'
import { ApplicationCard } from '.'

const application = (over: Partial<JobApplication> = {}): JobApplication => ({
  id: 5,
  status: 'submitted',
  note: null,
  createdAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-20T08:00:00.000Z',
  job: jobSummary({ id: 9, title: '叉车司机', contactPhone: '0510-85284106' }),
  ...over,
})

const steps = (container: HTMLElement) =>
  [...container.querySelectorAll('.application-progress__step')].map((s) => `${s.textContent}:${s.getAttribute('aria-current') ?? (s.className.includes('--done') ? 'done' : 'todo')}`)

describe('ApplicationCard', () => {
  it('shows where the application stands on the line 已报名 → 已联系 → 已录用', () => {
    const { container, rerender } = render(<ApplicationCard application={application()} onOpen={() => {}} onWithdraw={() => {}} />)
    expect(steps(container)).toEqual(['已报名:step', '已联系:todo', '已录用:todo'])
    rerender(<ApplicationCard application={application({ status: 'contacted' })} onOpen={() => {}} onWithdraw={() => {}} />)
    expect(steps(container)).toEqual(['已报名:done', '已联系:step', '已录用:todo'])
    rerender(<ApplicationCard application={application({ status: 'hired' })} onOpen={() => {}} onWithdraw={() => {}} />)
    expect(steps(container)).toEqual(['已报名:done', '已联系:done', '已录用:step'])
  })

  it('an ended application says how it ended instead of the line', () => {
    const { container } = render(<ApplicationCard application={application({ status: 'rejected' })} onOpen={() => {}} onWithdraw={() => {}} />)
    expect(container.querySelector('.application-progress')).toBeNull()
    expect(screen.getAllByText('未录用').length).toBeGreaterThan(0)
  })

  it('offers 打电话 to the posting’s contact beside 取消报名', () => {
    const onWithdraw = jest.fn()
    const onOpen = jest.fn()
    render(<ApplicationCard application={application({ status: 'contacted' })} onOpen={onOpen} onWithdraw={onWithdraw} />)
    const call = screen.getByRole('link', { name: /^打电话/ })
    expect(call.getAttribute('href')).toBe('tel:051085284106')
    fireEvent.click(call)
    expect(onOpen).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('取消报名'))
    expect(onWithdraw).toHaveBeenCalled()
  })

  it('a hired worker can still call, and no longer withdraw', () => {
    render(<ApplicationCard application={application({ status: 'hired' })} onOpen={() => {}} onWithdraw={() => {}} />)
    expect(screen.getByRole('link', { name: /^打电话/ })).toBeTruthy()
    expect(screen.queryByText('取消报名')).toBeNull()
  })
})
