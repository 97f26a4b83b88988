import { act, fireEvent, render, screen } from '@testing-library/react'
import { agreeTermsMessage, type CourseDetail, type Enrollment } from '@contract'
import { ApiError } from '@/api'
import { course } from '../../../../../tests/support/app/fixtures'
import { EnrollPanel } from '.'

jest.mock('../../api/enrollments', () => ({ enrollInCourse: jest.fn(), cancelEnrollment: jest.fn() }))
const { enrollInCourse, cancelEnrollment } = jest.requireMock('../../api/enrollments') as { enrollInCourse: jest.Mock; cancelEnrollment: jest.Mock }

const NOW = new Date('2026-11-20T02:00:00.000Z')
const AGREEMENT = '考核合格的，天津某重工录用为焊工，签劳动合同，约定最少服务1年，不收任何费用。'

const detail = (over: Partial<CourseDetail> = {}): CourseDetail => ({ ...course({ agreementText: AGREEMENT }), myEnrollment: null, ...over })

function enrollment(over: Partial<Enrollment> = {}): Enrollment {
  return {
    id: 7,
    courseId: 1,
    status: 'enrolled',
    waitlistPosition: null,
    agreedTermsAt: null,
    createdAt: NOW.toISOString(),
    cancelledAt: null,
    completedAt: null,
    certificate: null,
    course: {
      id: 1,
      title: '电焊工定向培训班',
      trade: '电焊工',
      mode: 'order',
      provider: '武山县职业技术学校',
      location: '武山县城关镇',
      startDate: '2026-12-01',
      endDate: '2026-12-20',
      enrollDeadline: '2026-11-28',
      certificate: '焊工职业资格证书',
      partnerEmployer: '天津某重工',
      destinationCity: '天津',
    },
    ...over,
  }
}

function renderPanel(c: CourseDetail, props: Partial<Parameters<typeof EnrollPanel>[0]> = {}) {
  const handlers = { onNeedSignIn: jest.fn(), onChanged: jest.fn() }
  render(<EnrollPanel course={c} signedIn now={NOW} {...handlers} {...props} />)
  return handlers
}

const tap = async (text: string) => {
  await act(async () => {
    fireEvent.click(screen.getByText(text))
  })
}

beforeEach(() => {
  enrollInCourse.mockReset()
  cancelEnrollment.mockReset()
})

describe('enrolling', () => {
  it('an order course shows the placement agreement and will not enrol until it is agreed', async () => {
    enrollInCourse.mockResolvedValue(enrollment({ agreedTermsAt: NOW.toISOString() }))
    const { onChanged } = renderPanel(detail())
    expect(screen.getByText('定向就业协议')).toBeTruthy()
    expect(screen.getByText(AGREEMENT)).toBeTruthy()
    const box = screen.getByRole('checkbox', { name: '我已阅读并同意定向就业协议' })
    expect(box.getAttribute('aria-checked')).toBe('false')

    await tap('我要报名')
    expect(screen.getByText(agreeTermsMessage)).toBeTruthy()
    expect(enrollInCourse).not.toHaveBeenCalled()

    await tap('我已阅读并同意')
    expect(box.getAttribute('aria-checked')).toBe('true')
    expect(screen.queryByText(agreeTermsMessage)).toBeNull()
    await tap('我要报名')
    expect(enrollInCourse).toHaveBeenCalledWith(1, true, expect.any(String), expect.any(String))
    expect(screen.getByText('报名成功')).toBeTruthy()
    expect(screen.getByText('取消报名')).toBeTruthy()
    expect(onChanged).toHaveBeenCalled()
  })

  it('a full course joins the waitlist and says which place', async () => {
    enrollInCourse.mockResolvedValue(enrollment({ status: 'waitlisted', waitlistPosition: 2 }))
    renderPanel(detail({ mode: 'menu', agreementText: null, partnerEmployer: null, seatsLeft: 0 }))
    expect(screen.queryByText('定向就业协议')).toBeNull()
    expect(screen.getByText(/名额已满，现在报名进入候补名单/)).toBeTruthy()
    await tap('报名候补')
    expect(enrollInCourse).toHaveBeenCalledWith(1, false, expect.any(String), expect.any(String))
    expect(screen.getByText('已进入候补第 2 位')).toBeTruthy()
    expect(screen.getByText('不排了，取消候补')).toBeTruthy()
  })

  it('a worker who is not signed in is sent to sign in first', async () => {
    const { onNeedSignIn } = renderPanel(detail({ mode: 'menu', agreementText: null }), { signedIn: false })
    expect(screen.getByText('报名要先用手机号登录')).toBeTruthy()
    await tap('我要报名')
    expect(onNeedSignIn).toHaveBeenCalled()
    expect(enrollInCourse).not.toHaveBeenCalled()
  })

  it('shows what the server says: the terms message, or a closed course', async () => {
    enrollInCourse.mockRejectedValueOnce(new ApiError('VALIDATION_FAILED', agreeTermsMessage, { status: 400, fields: { agreeTerms: agreeTermsMessage } }))
    enrollInCourse.mockRejectedValueOnce(new ApiError('CONFLICT', '报名已经截止了。可以看看别的培训', { status: 409 }))
    renderPanel(detail())
    await tap('我已阅读并同意')
    await tap('我要报名')
    expect(screen.getByText(agreeTermsMessage)).toBeTruthy()
    await tap('我要报名')
    expect(screen.getByText('报名已经截止了。可以看看别的培训')).toBeTruthy()
    // The retry of one attempt keeps its key; the server treats it as the same request.
    expect(enrollInCourse.mock.calls[0][2]).toBe(enrollInCourse.mock.calls[1][2])
  })

  it('past the deadline there is no enrol button', () => {
    renderPanel(detail({ enrollDeadline: '2026-11-19' }))
    expect(screen.getByText(/报名已经截止了/)).toBeTruthy()
    expect(screen.queryByText('我要报名')).toBeNull()
  })
})

describe('my enrolment', () => {
  it('shows my waitlist place and cancels only after confirming', async () => {
    cancelEnrollment.mockResolvedValue(enrollment({ status: 'cancelled' }))
    const { onChanged } = renderPanel(detail({ myEnrollment: { id: 7, status: 'waitlisted', waitlistPosition: 3 } }))
    expect(screen.getByText('您在候补名单第 3 位')).toBeTruthy()
    await tap('不排了，取消候补')
    expect(screen.getByText('确定不排候补了吗？')).toBeTruthy()
    await tap('不取消')
    expect(cancelEnrollment).not.toHaveBeenCalled()
    await tap('不排了，取消候补')
    await tap('确定取消')
    expect(cancelEnrollment).toHaveBeenCalledWith(7)
    expect(onChanged).toHaveBeenCalled()
  })
})
