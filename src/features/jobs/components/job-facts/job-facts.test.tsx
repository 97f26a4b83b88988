import { render, screen } from '@testing-library/react'
import { jobSummary } from '../../../../../tests/support/app/fixtures'
import { JobCard } from '../job-card'
import { JobFacts } from '.'

const answered = jobSummary({
  wageUnit: 'month',
  paySchedule: 'monthly',
  payDay: 15,
  hoursPerDay: 10,
  daysOff: 'one_per_week',
  meals: 'provided',
  housing: 'couple',
  ageMin: 18,
  ageMax: 50,
  socialInsurance: 'paid',
  overtimePay: 'paid',
  probationMonths: 0,
  stillNeeded: 3,
})

describe('JobFacts', () => {
  it('shows every answer as a short label on a card', () => {
    render(<JobFacts job={answered} variant='card' />)
    for (const label of ['月薪·每月15号发', '每天10小时', '上六休一', '包吃', '包住·有夫妻房', '18-50岁', '交社保', '加班另算钱', '无试用期', '还缺3人']) {
      expect(screen.getByText(label)).toBeTruthy()
    }
    expect(screen.queryByText(/未说明/)).toBeNull()
  })

  it('never guesses: what a posting does not say is left off the card and named 未说明 on the detail page', () => {
    const legacy = jobSummary({ wageUnit: 'day', stillNeeded: 10 })
    const { unmount } = render(<JobFacts job={legacy} variant='card' />)
    expect(screen.getByText('日结')).toBeTruthy()
    expect(screen.queryByText('包吃')).toBeNull()
    expect(screen.queryByText('不包吃')).toBeNull()
    // Days off, meals, housing, insurance, overtime and probation are unknown.
    expect(screen.queryByText(/未说明/)).toBeNull()
    unmount()
    render(<JobFacts job={legacy} variant='detail' />)
    expect(screen.getAllByText('未说明')).toHaveLength(6)
    expect(screen.getByText('吃饭').nextSibling?.textContent).toBe('未说明')
    expect(screen.getByText('怎么发钱').nextSibling?.textContent).toBe('日结')
  })

  it('writes day pay paid the same day once, a piece rate with its schedule, and a probation in months', () => {
    const { rerender } = render(<JobFacts job={jobSummary({ wageUnit: 'day', paySchedule: 'same_day' })} variant='card' />)
    expect(screen.getByText('日结·当天结')).toBeTruthy()
    rerender(<JobFacts job={jobSummary({ wageUnit: 'piece', paySchedule: 'weekly', probationMonths: 3 })} variant='card' />)
    expect(screen.getByText('计件·周结')).toBeTruthy()
    expect(screen.getByText('试用期3个月')).toBeTruthy()
  })

  it('says 已招满 once nobody more is needed', () => {
    render(<JobFacts job={jobSummary({ status: 'filled', stillNeeded: 0 })} variant='card' />)
    expect(screen.getByText('已招满')).toBeTruthy()
    expect(screen.queryByText(/还缺/)).toBeNull()
  })
})

describe('JobCard with the structured answers', () => {
  it('shows the labels and the employer trust line', () => {
    render(<JobCard job={{ ...answered, employer: { ...answered.employer, trust: '已核验营业执照 · 县里合作 3 年 · 0 起欠薪投诉' } }} onOpen={() => {}} />)
    expect(screen.getByText('月薪·每月15号发')).toBeTruthy()
    expect(screen.getByText('包住·有夫妻房')).toBeTruthy()
    expect(screen.getByText('已核验营业执照 · 县里合作 3 年 · 0 起欠薪投诉')).toBeTruthy()
  })
})

describe('JobCard tags', () => {
  it('does not repeat as a tag what an answer already says', () => {
    const { container } = render(<JobCard job={jobSummary({ benefits: ['包吃', '包住', '路费报销'], meals: 'provided', housing: null })} onOpen={() => {}} />)
    expect(screen.getAllByText('包吃')).toHaveLength(1)
    expect(container.querySelectorAll('.tag--plain')).toHaveLength(2)
    expect(screen.getByText('路费报销')).toBeTruthy()
  })
})
