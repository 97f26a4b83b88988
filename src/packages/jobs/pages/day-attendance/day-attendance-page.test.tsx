import { render, screen } from '@testing-library/react'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, tapText } from '../../../../../tests/support/app/interact'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import DayAttendancePage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const t = 'WzEsMTc5NjY5ODgwMF0.3d0994015980990a39612a913b6718d7'
const day = { id: 1, jobId: 77, date: '2026-12-05', place: '洛门镇蔬菜批发市场', headcount: 3, left: 3, wageYuan: 150, jobTitle: '洛门镇蔬菜基地装车', employerName: '武山县洛门蔬菜合作社', signedUp: 0, came: 0 }
const person = { id: 5, name: '王**', phone: '137****9901', attendance: null, confirmedAt: null, confirmedBy: null }

beforeEach(() => {
  mockApi.reset()
  setRouterParams({ t })
})

test('nobody signed up yet: the contact is told so, with no 来了/没来 to tick and no 确认', async () => {
  mockApi.on('GET', '/day-job-attendance', () => ({ day, items: [] }))
  render(<DayAttendancePage />)
  await settle()
  expect(screen.getByText('洛门镇蔬菜基地装车')).toBeTruthy()
  expect(screen.getByText('这天还没有人报名。有人报名后，再打开这个链接就能看到。')).toBeTruthy()
  expect(screen.queryByText('确认')).toBeNull()
  expect(screen.queryByText(/请在每个人后面点/)).toBeNull()
})

test('one signed up: 来了 then 确认 sends who came through the link', async () => {
  let items = [person]
  mockApi.on('GET', '/day-job-attendance', () => ({ day: { ...day, signedUp: 1 }, items }))
  mockApi.on('POST', '/day-job-attendance', () => {
    items = [{ ...person, attendance: 'came', confirmedAt: '2026-12-05T10:00:00.000Z', confirmedBy: 'contact' }] as never
    return { day: { ...day, signedUp: 1, came: 1 }, items }
  })
  render(<DayAttendancePage />)
  await settle()
  expect(screen.getByText(/请在每个人后面点/)).toBeTruthy()
  await tapText('来了')
  await tapText('确认')
  await settle()
  const [sent] = mockApi.callsTo('POST', '/day-job-attendance')
  expect(sent.query.get('t')).toBe(t)
  expect(sent.body).toEqual({ came: [5], absent: [] })
  expect(screen.getByText('来了（已确认）')).toBeTruthy()
})
