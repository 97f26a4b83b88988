import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { StaffMember } from '@contract'
import { setToken } from '@/api'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, tapText } from '../../../../../tests/support/app/interact'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import StaffDayJobsPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))
jest.setTimeout(20_000)

const admin: StaffMember = { id: 1, username: 'admin', displayName: '县人社局管理员', role: 'admin', stationId: null, stationName: null, mustChangePassword: false, township: null, villageId: null, village: null }
const day = { id: 7, jobId: 31, date: '2026-03-10', place: '温泉镇椒园', headcount: 5, left: 3, wageYuan: 150, jobTitle: '花椒采摘', employerName: '武山县椒园', signedUp: 2, came: 0 }
let people: { id: number; name: string; phone: string; attendance: 'came' | 'absent' | null; confirmedAt: string | null; confirmedBy: 'staff' | 'contact' | null }[]

beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  setRouterParams({}, '/packages/staff/pages/day-jobs/index')
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  people = [
    { id: 1, name: '张*', phone: '138****1234', attendance: null, confirmedAt: null, confirmedBy: null },
    { id: 2, name: '李**', phone: '139****5678', attendance: null, confirmedAt: null, confirmedBy: null },
  ]
  mockApi.on('GET', '/staff/me', () => admin)
  mockApi.on('GET', '/staff/day-jobs', () => ({ items: [day] }))
  mockApi.on('GET', '/staff/day-jobs/7/signups', () => ({ day, items: people }))
  mockApi.on('POST', '/staff/day-jobs/7/attendance', (req) => {
    people = people.map((p) => (req.body.came.includes(p.id) ? { ...p, attendance: 'came', confirmedBy: 'staff' } : req.body.absent.includes(p.id) ? { ...p, attendance: 'absent', confirmedBy: 'staff' } : p))
    return { day: { ...day, came: req.body.came.length }, items: people }
  })
})
afterEach(() => jest.restoreAllMocks())

test('lists the days with their counts, opens one and confirms who came', async () => {
  render(<StaffDayJobsPage />)
  await settle()
  expect(screen.getByText('温泉镇椒园 · 150 元/天 · 报名 2 / 5 人 · 已确认来了 0 人')).toBeTruthy()
  await act(async () => {
    fireEvent.click(screen.getByText('2026-03-10 · 花椒采摘'))
  })
  await settle()
  expect(screen.getByText('张* 138****1234')).toBeTruthy()
  const marks = () => [...document.querySelectorAll('.day-jobs__mark')]
  await act(async () => {
    fireEvent.click(marks()[0]) // 张*: 来了
    fireEvent.click(marks()[3]) // 李**: 没来
  })
  await tapText('确认到岗')
  await settle()
  expect(mockApi.callsTo('POST', '/staff/day-jobs/7/attendance').map((c) => c.body)).toEqual([{ came: [1], absent: [2] }])
  expect(screen.getByText('来了（已记入记工）')).toBeTruthy()
})

test('nothing ticked: 确认到岗 sends nothing', async () => {
  render(<StaffDayJobsPage />)
  await settle()
  await act(async () => {
    fireEvent.click(screen.getByText('2026-03-10 · 花椒采摘'))
  })
  await settle()
  await tapText('确认到岗')
  expect(mockApi.callsTo('POST', '/staff/day-jobs/7/attendance')).toHaveLength(0)
})
