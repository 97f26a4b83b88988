import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { CourseDetail } from '@contract'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { course, station } from '../../../../../tests/support/app/fixtures'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import CourseDetailPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const detail = (over: Partial<CourseDetail> = {}): CourseDetail => ({
  ...course({ id: 4, mode: 'menu', partnerEmployer: null, destinationCity: null, expectedWageYuan: null, enrollDeadline: '2099-11-28', startDate: '2099-12-01', endDate: '2099-12-20' }),
  myEnrollment: null,
  ...over,
})

async function show(c: CourseDetail) {
  mockApi.reset()
  mockApi.on('GET', '/courses/4', () => c)
  mockApi.on('GET', '/stations', () => ({ items: [station({ phone: '0938-3000000' })], nextCursor: null }))
  const view = render(<CourseDetailPage />)
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0))
  })
  return view
}

beforeEach(() => {
  setRouterParams({ id: '4' }, '/packages/training/pages/detail/index')
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
})

describe('course page', () => {
  it('keeps 打电话 (the county service centre) and 我要报名 in a bar at the bottom', async () => {
    const { container } = await show(detail())
    const bar = container.querySelector('.action-bar') as HTMLElement
    expect(bar).toBeTruthy()
    expect(bar.querySelector('a.phone-call-button')?.getAttribute('href')).toBe('tel:09383000000')
    expect(bar.textContent).toContain('我要报名')
  })

  it('the bar’s 我要报名 asks a signed-out worker to sign in, as the panel’s own button does', async () => {
    await show(detail())
    const bar = document.querySelector('.action-bar') as HTMLElement
    fireEvent.click(bar.querySelector('.big-button') as HTMLElement)
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0))
    })
    expect(mockApi.callsTo('POST', '/courses/4/enrollments')).toHaveLength(0)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: expect.stringContaining('/packages/me/pages/sign-in/index') })
  })

  it('once enrolled, the bar keeps 打电话 and drops 我要报名', async () => {
    const { container } = await show(
      detail({
        myEnrollment: { id: 2, status: 'enrolled', waitlistPosition: null },
      }),
    )
    const bar = container.querySelector('.action-bar') as HTMLElement
    expect(bar.querySelector('a.phone-call-button')).toBeTruthy()
    expect(bar.textContent).not.toContain('我要报名')
    expect(screen.getAllByText(/报上名/).length).toBeGreaterThan(0)
  })
})
