import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { VillageOverview } from '@contract/staff-villages'
import { townships } from '@contract/places'
import { setToken } from '@/api'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { adminStaff, inputsReady, settle, tap, type } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import { townshipOfficer } from '../../../../../tests/support/app/roster'
import RosterVillagesPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const village = (over: Partial<VillageOverview>): VillageOverview => ({ id: 31, township: '洛门镇', code: '620524101201', name: '马坪村', officialName: '马坪村民委员会', people: 120, renamed: null, ...over })
let luomen: VillageOverview[]
const overview = () => ({
  townships: townships.map((t) => (t === '洛门镇' ? { township: t, people: luomen.reduce((n, v) => n + v.people, 0), villages: luomen } : { township: t, people: 0, villages: [] })),
})
const keyOf = (req: { headers: Record<string, string> }) => Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'idempotency-key')?.[1]

beforeEach(() => {
  mockApi.reset()
  setRouterParams({}, '/packages/roster/pages/villages/index')
  setToken('staff-token')
  luomen = [
    village({}),
    village({ id: 32, code: null, name: '新黄河村', officialName: '黄河村民委员会', people: 1234, renamed: { at: '2026-12-01T02:30:00.000Z', by: '县人社局管理员', from: '黄河村' } }),
  ]
  mockApi.on('GET', '/staff/me', () => adminStaff)
  mockApi.on('GET', '/staff/villages/overview', overview)
})

test('townships with their villages and people; a village shows who renamed it, when, and opens its people', async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  render(<RosterVillagesPage />)
  await settle()
  expect(screen.getByText('全县 15 个乡镇，2 个村（社区），台账里 1,354 人')).toBeTruthy()
  expect(screen.getByText('2 个村（社区） · 1,354 人')).toBeTruthy()
  expect(screen.queryByText('马坪村 · 120 人 ›')).toBeNull()
  await tap('洛门镇 ›')
  expect(screen.getByText('马坪村 · 120 人 ›')).toBeTruthy()
  expect(screen.getByText('新黄河村 · 1,234 人 ›')).toBeTruthy()
  expect(screen.getByText('2026-12-01 10:30 县人社局管理员改名，原名 黄河村')).toBeTruthy()
  await tap('新黄河村 · 1,234 人 ›')
  expect(navigate).toHaveBeenCalledWith({ url: `/packages/roster/pages/people/index?township=${encodeURIComponent('洛门镇')}&villageId=32` })
  navigate.mockRestore()
})

test('改名: the new name is sent; a name the township has is refused with the server’s words', async () => {
  mockApi.on('PATCH', '/staff/villages/31', (req) => {
    if (req.body.name === '新黄河村') return failure(409, 'CONFLICT', '洛门镇已经有新黄河村了')
    luomen = [village({ name: req.body.name, renamed: { at: '2026-12-04T02:00:00.000Z', by: '县劳务输转服务中心', from: '马坪村' } }), luomen[1]]
    return village({ name: req.body.name })
  })
  const { container } = render(<RosterVillagesPage />)
  await settle()
  await tap('洛门镇 ›')
  // The first village's 改名 (each village has one).
  await act(async () => {
    fireEvent.click(screen.getAllByText('改名')[0])
  })
  await inputsReady(container)
  type(container, '.roster-village__rename', '新黄河村')
  await tap('保存新名字')
  await settle()
  expect(screen.getByText('洛门镇已经有新黄河村了')).toBeTruthy()
  type(container, '.roster-village__rename', '马坪新村')
  await tap('保存新名字')
  await settle()
  expect(mockApi.callsTo('PATCH', '/staff/villages/31').map((r) => r.body)).toEqual([{ name: '新黄河村' }, { name: '马坪新村' }])
  expect(screen.getByText('马坪村已改名为马坪新村')).toBeTruthy()
  expect(screen.getByText('马坪新村 · 120 人 ›')).toBeTruthy()
  expect(screen.getByText('2026-12-04 10:00 县劳务输转服务中心改名，原名 马坪村')).toBeTruthy()
})

test('添加: a new village is added once with a key; an empty name is stopped before sending', async () => {
  mockApi.on('POST', '/staff/villages', (req) => {
    luomen = [...luomen, village({ id: 40, code: null, name: req.body.name, officialName: req.body.name, people: 0 })]
    return { status: 201, body: { id: 40, township: '洛门镇', code: null, name: req.body.name, officialName: req.body.name } }
  })
  const { container } = render(<RosterVillagesPage />)
  await settle()
  await tap('洛门镇 ›')
  await tap('添加这个村')
  expect(screen.getByText('请写村名')).toBeTruthy()
  expect(mockApi.callsTo('POST', '/staff/villages')).toHaveLength(0)
  await inputsReady(container)
  type(container, '.roster-village__new', '移民新村')
  await tap('添加这个村')
  await settle()
  const posts = mockApi.callsTo('POST', '/staff/villages')
  expect(posts.map((p) => p.body)).toEqual([{ township: '洛门镇', name: '移民新村' }])
  expect(keyOf(posts[0])).toEqual(expect.any(String))
  expect(screen.getByText('洛门镇添加了移民新村')).toBeTruthy()
  expect(screen.getByText('移民新村 · 0 人 ›')).toBeTruthy()
})

test('only administrators: a township officer is told so and nothing is read', async () => {
  mockApi.on('GET', '/staff/me', () => townshipOfficer)
  render(<RosterVillagesPage />)
  await settle()
  expect(screen.getByText('只有县级管理员可以使用这个功能。')).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/villages/overview')).toHaveLength(0)
})
