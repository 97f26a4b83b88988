import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setToken } from '@/api'
import type { PersonAtRisk } from '@contract/roster-follow-up'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { fieldError, settle, tap, tapChip } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import { person, townshipOfficer } from '../../../../../tests/support/app/roster'
import RosterRisksPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

let listed: PersonAtRisk[]
const keyOf = (req: { headers: Record<string, string> }) => Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'idempotency-key')?.[1]

beforeEach(() => {
  mockApi.reset()
  setRouterParams({}, '/packages/roster/pages/risks/index')
  setToken('staff-token')
  mockApi.on('GET', '/staff/me', () => townshipOfficer)
  listed = [
    {
      person: person({ status: 'returned', returnReason: 'lost_job', destinationProvince: null, destinationCity: null }),
      reasons: [
        { kind: 'no_work', since: '2026-10-30', days: 35, contactId: null },
        { kind: 'wages_unpaid', since: '2026-11-02', days: 32, contactId: 4 },
      ],
      lastAction: { id: 1, personId: 101, action: 'training', note: '', staff: null, createdAt: '2026-06-01T02:00:00.000Z' },
    },
    { person: person({ id: 102, name: '王小红', poverty: 'monitored' }), reasons: [{ kind: 'injured', since: '2026-11-28', days: 6, contactId: 6 }], lastAction: null },
  ]
  mockApi.on('GET', '/staff/risks', () => ({ items: listed, nextCursor: null, total: listed.length }))
})

test('lists each person with why they are at risk, in plain words, and what was last done', async () => {
  render(<RosterRisksPage />)
  await settle()
  expect(screen.getByText('共 2 人')).toBeTruthy()
  // A township officer is shown with their township, not as an administrator.
  expect(screen.getByText('洛门镇劳务专干（洛门镇）')).toBeTruthy()
  expect(screen.getByText('没活干 35 天')).toBeTruthy()
  expect(screen.getByText('反映欠薪（2026-11-02起，32 天）')).toBeTruthy()
  expect(screen.getByText('反映受伤（2026-11-28起，6 天）')).toBeTruthy()
  expect(screen.getByText('上次处理：安排了技能培训（2026-06-01）')).toBeTruthy()
  expect(screen.getByText('男 · 1988年生 · 户主 · 监测户（边缘易致贫）')).toBeTruthy()
})

test('记录处理 asks what was done, posts it with a key, and the person leaves the list', async () => {
  mockApi.on('POST', '/staff/people/102/risk-actions', (req) => {
    listed = listed.slice(0, 1)
    return { status: 201, body: { action: { id: 2, personId: 102, action: req.body.action, note: req.body.note, staff: { id: 7, displayName: '洛门镇劳务专干' }, createdAt: '2026-12-04T02:00:00.000Z' }, person: person({ id: 102, name: '王小红' }) } }
  })
  render(<RosterRisksPage />)
  await settle()
  await tap('记录处理')
  expect(screen.getByText('做了什么')).toBeTruthy()
  // Only the card tapped (the last) opened: the other still offers its own button.
  expect(screen.getAllByText('记录处理')).toHaveLength(1)
  await tap('记下处理')
  expect(fieldError('做了什么')).toBe('请选择做了什么')
  expect(mockApi.callsTo('POST', '/staff/people/102/risk-actions')).toHaveLength(0)
  await tapChip('帮助讨要工资')
  await tap('记下处理')
  await settle()
  const posts = mockApi.callsTo('POST', '/staff/people/102/risk-actions')
  expect(mockApi.callsTo('POST', '/staff/people/101/risk-actions')).toHaveLength(0)
  expect(posts).toHaveLength(1)
  expect(posts[0].body).toEqual({ action: 'wage_claim', note: '' })
  expect(keyOf(posts[0])).toEqual(expect.any(String))
  expect(screen.getByText('已记下：王小红 帮助讨要工资')).toBeTruthy()
  expect(screen.getByText('共 1 人')).toBeTruthy()
  expect(screen.queryByText('反映受伤（2026-11-28起，6 天）')).toBeNull()
  expect(screen.getByText('没活干 35 天')).toBeTruthy()
})

test("the server's refusal is shown on the card", async () => {
  mockApi.on('POST', '/staff/people/102/risk-actions', () => failure(403, 'FORBIDDEN', '这个人不在您负责的乡镇'))
  render(<RosterRisksPage />)
  await settle()
  await tap('记录处理')
  await tapChip('其他')
  await tap('记下处理')
  await settle()
  expect(screen.getByText('这个人不在您负责的乡镇')).toBeTruthy()
})

test("a person's name opens their page, where the contacts are", async () => {
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  render(<RosterRisksPage />)
  await settle()
  await tap('王小红 ›')
  expect(navigate).toHaveBeenCalledWith({ url: '/packages/roster/pages/person/index?id=102' })
  navigate.mockRestore()
})
