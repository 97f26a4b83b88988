import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setToken } from '@/api'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, staffSignInPrompt, tap } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import { contact, person, townshipOfficer } from '../../../../../tests/support/app/roster'
import RosterFollowUpsPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const batch = { id: 9, departedAt: '2026-10-01T00:00:00.000Z', destinationProvince: '江苏省', destinationCity: '昆山市', stationId: 2 }

beforeEach(() => {
  mockApi.reset()
  setRouterParams({}, '/packages/roster/pages/follow-ups/index')
  setToken('staff-token')
  mockApi.on('GET', '/staff/me', () => townshipOfficer)
  mockApi.on('GET', '/staff/follow-ups', (req) =>
    req.query.get('cursor')
      ? { items: [{ person: person({ id: 103, name: '赵三' }), batch, lastContact: null }], nextCursor: null, total: 3 }
      : {
          items: [
            { person: person(), batch, lastContact: null },
            { person: person({ id: 102, name: '王小红', relation: 'spouse' }), batch, lastContact: contact({ id: 5, personId: 102, contactedOn: '2026-09-20', outcome: 'still_working' }) },
          ],
          nextCursor: 'c1',
          total: 3,
        },
  )
})

test('a signed-out visitor is asked to sign in as staff and nobody is listed', async () => {
  setToken(null)
  render(<RosterFollowUpsPage />)
  await settle()
  expect(screen.getByText(staffSignInPrompt)).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/follow-ups')).toHaveLength(0)
})

test('lists who rode which batch and when they were last reached, the count, and more on demand', async () => {
  render(<RosterFollowUpsPage />)
  await settle()
  expect(screen.getByText('共 3 人要回访')).toBeTruthy()
  expect(screen.getByText('王小明 ›')).toBeTruthy()
  expect(screen.getAllByText('2026-10-01 坐专车去江苏省昆山市')).toHaveLength(2)
  expect(screen.getByText('出发后还没回访过')).toBeTruthy()
  expect(screen.getByText('上次回访：2026-09-20 · 电话 · 还在干 · 洛门镇劳务专干')).toBeTruthy()
  expect(screen.queryByText('赵三 ›')).toBeNull()
  await tap('加载更多')
  await settle()
  expect(screen.getByText('赵三 ›')).toBeTruthy()
})

test('a row opens the person, where the contact is recorded', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  render(<RosterFollowUpsPage />)
  await settle()
  await tap('王小红 ›')
  expect(navigate).toHaveBeenCalledWith({ url: '/packages/roster/pages/person/index?id=102' })
  navigate.mockRestore()
})

test('an empty list says nobody is waiting', async () => {
  mockApi.on('GET', '/staff/follow-ups', () => ({ items: [], nextCursor: null, total: 0 }))
  render(<RosterFollowUpsPage />)
  await settle()
  expect(screen.getByText('现在没有要回访的人')).toBeTruthy()
})
