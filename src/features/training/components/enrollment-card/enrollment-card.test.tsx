import { render, screen } from '@testing-library/react'
import type { Enrollment } from '@contract'
import { EnrollmentCard } from '.'

const base: Enrollment = {
  id: 3,
  courseId: 9,
  status: 'certified',
  waitlistPosition: null,
  agreedTermsAt: null,
  createdAt: '2026-03-01T02:00:00.000Z',
  cancelledAt: null,
  completedAt: '2026-03-20T02:00:00.000Z',
  certificate: { number: 'GS2026-000123', level: '五级/初级工', issuedOn: '2026-03-25' },
  course: {
    id: 9,
    title: '叉车司机小班',
    trade: '叉车司机',
    mode: 'menu',
    provider: '宁远职校',
    location: '武山县城关镇',
    startDate: '2026-03-10',
    endDate: '2026-03-16',
    enrollDeadline: '2026-03-07',
    certificate: '特种设备作业人员证（叉车司机N1）',
    partnerEmployer: null,
    destinationCity: null,
  },
}

describe('我的课程 card', () => {
  it('shows the certificate once issued', () => {
    render(<EnrollmentCard enrollment={base} onOpen={jest.fn()} />)
    expect(screen.getByText('已拿到证书')).toBeTruthy()
    expect(screen.getByText('证书编号：GS2026-000123')).toBeTruthy()
    expect(screen.getByText('等级：五级/初级工')).toBeTruthy()
    expect(screen.getByText(/发证日期：(2026年)?3月25日/)).toBeTruthy()
  })

  it('says the waitlist place in plain words', () => {
    render(<EnrollmentCard enrollment={{ ...base, status: 'waitlisted', waitlistPosition: 4, certificate: null }} onOpen={jest.fn()} />)
    expect(screen.getByText('在候补名单第 4 位')).toBeTruthy()
    expect(screen.queryByText(/证书编号/)).toBeNull()
  })
})
