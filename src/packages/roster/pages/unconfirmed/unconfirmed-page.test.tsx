import { render, screen } from '@testing-library/react'
import { setToken } from '@/api'
import type { UnconfirmedPerson } from '@contract/roster-follow-up'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, tap } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import { person, townshipOfficer } from '../../../../../tests/support/app/roster'
import RosterUnconfirmedPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

let listed: UnconfirmedPerson[]
const keyOf = (req: { headers: Record<string, string> }) => Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'idempotency-key')?.[1]
const self = person({ id: 201, name: '李四', source: 'self', userId: 9, phone: '13800000009', group: null, birthYear: 1990, relation: 'head', poverty: 'general' })
const county = person({ id: 120, name: '李四', group: '2组', birthYear: 1990 })

beforeEach(() => {
  mockApi.reset()
  setRouterParams({}, '/packages/roster/pages/unconfirmed/index')
  setToken('staff-token')
  mockApi.on('GET', '/staff/me', () => townshipOfficer)
  listed = [{ person: self, candidates: [county] }, { person: person({ id: 202, name: '孙五', source: 'self', userId: 10 }), candidates: [] }]
  mockApi.on('GET', '/staff/roster/unconfirmed', () => ({ items: listed, nextCursor: null, total: listed.length }))
})

test('lists who registered themselves, with the records they may be', async () => {
  render(<RosterUnconfirmedPage />)
  await settle()
  expect(screen.getByText('共 2 人待确认')).toBeTruthy()
  expect(screen.getByText('李四')).toBeTruthy()
  expect(screen.getByText('合并到 李四（洛门镇马坪村2组 · 男 · 1990年生 · 户主 · 脱贫户）')).toBeTruthy()
  expect(screen.getAllByText('确认（是新的人）')).toHaveLength(2)
  // Nobody to merge with: only 确认.
  expect(screen.getAllByText(/^合并到/)).toHaveLength(1)
})

test('合并到 … merges into the county record with a key and takes the person off the list', async () => {
  mockApi.on('POST', '/staff/people/201/merge', () => {
    listed = listed.slice(1)
    return { person: county, mergedId: 201 }
  })
  render(<RosterUnconfirmedPage />)
  await settle()
  await tap('合并到 李四（洛门镇马坪村2组 · 男 · 1990年生 · 户主 · 脱贫户）')
  await settle()
  const posts = mockApi.callsTo('POST', '/staff/people/201/merge')
  expect(posts).toHaveLength(1)
  expect(posts[0].body).toEqual({ intoId: 120 })
  expect(keyOf(posts[0])).toEqual(expect.any(String))
  expect(screen.getByText('已合并到 李四 的记录')).toBeTruthy()
  expect(screen.getByText('共 1 人待确认')).toBeTruthy()
})

test('确认 keeps the person as a new record of the roster', async () => {
  mockApi.on('POST', '/staff/people/202/confirm', () => {
    listed = listed.slice(0, 1)
    return person({ id: 202, name: '孙五', source: 'staff' })
  })
  render(<RosterUnconfirmedPage />)
  await settle()
  await tap('确认（是新的人）')
  await settle()
  expect(mockApi.callsTo('POST', '/staff/people/202/confirm')).toHaveLength(1)
  expect(mockApi.callsTo('POST', '/staff/people/201/confirm')).toHaveLength(0)
  expect(screen.getByText('孙五 已确认，记进了台账')).toBeTruthy()
  expect(screen.getByText('共 1 人待确认')).toBeTruthy()
})
