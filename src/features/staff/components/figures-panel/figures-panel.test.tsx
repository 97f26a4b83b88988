import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setToken } from '@/api'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle } from '../../../../../tests/support/app/staff-pages'
import { FiguresPanel } from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const figures = (overdue: number) => ({
  asOf: '2026-03-10',
  sentOut: { month: 12, year: 80, byProvince: [], sources: [] },
  cases: { open: 7, overdue, byStatus: [] },
  courses: [],
  stations: [],
})

beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
})
afterEach(() => jest.restoreAllMocks())

test('the case tiles open the queue already filtered; the overdue tile stands out when there are any', async () => {
  mockApi.on('GET', '/staff/figures', () => figures(3))
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  render(<FiguresPanel />)
  await settle()
  fireEvent.click(screen.getByText('超时未受理 ›'))
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/cases/index?view=overdue' })
  fireEvent.click(screen.getByText('在办求助 ›'))
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/cases/index?view=open' })
  expect(screen.getByText('3').closest('.wb-figure')?.className).toContain('wb-figure--warn')
  // Figures without a list of their own are not buttons.
  expect(screen.getByText('本月输出人数').closest('.wb-figure')?.getAttribute('role')).toBeNull()
})

test('no overdue cases: the tile is plain', async () => {
  mockApi.on('GET', '/staff/figures', () => figures(0))
  render(<FiguresPanel />)
  await settle()
  expect(screen.getByText('超时未受理 ›').closest('.wb-figure')?.className).not.toContain('wb-figure--warn')
})
