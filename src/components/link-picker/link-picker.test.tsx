import { useState } from 'react'
import { render, screen } from '@testing-library/react'
import { Text } from '@tarojs/components'
import type { RosterLinkKind } from '@contract/roster-activity'
import { setToken } from '@/api'
import { rosterLinkSource } from '@/features/roster/api/roster'
import { fakeApi } from '../../../tests/support/app/fake-api'
import { inputsReady, settle, tap, type } from '../../../tests/support/app/staff-pages'
import { LinkPicker } from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const batches = [
  { id: 31, name: '洛门镇 → 江苏省苏州市', date: '2026-03-02' },
  { id: 30, name: '城关镇 → 江苏省无锡市 · 无锡某电子厂', date: '2026-02-20' },
]

/** The form around the picker: holds the id as the roster form's draft does. */
function Form({ kind = 'batch', initial = '', error }: { kind?: RosterLinkKind; initial?: string; error?: string }) {
  const [value, setValue] = useState(initial)
  return (
    <>
      <LinkPicker kind={kind} source={rosterLinkSource} value={value} onChange={setValue} error={error} />
      <Text className='stored'>stored:{value}</Text>
    </>
  )
}
const stored = () => document.querySelector('.stored')?.textContent

beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  mockApi.on('GET', '/staff/roster/links', (req) => {
    const id = req.query.get('id')
    if (id) return { items: batches.filter((b) => b.id === Number(id)), nextCursor: null }
    const q = req.query.get('q') ?? ''
    if (req.query.get('cursor') === 'page2') return { items: [{ id: 12, name: '洛门镇 → 浙江省宁波市', date: '2025-10-01' }], nextCursor: null }
    const items = batches.filter((b) => b.name.includes(q))
    return { items, nextCursor: q ? null : 'page2' }
  })
})

test('lists the newest batches by name and date; a tap stores the id and shows the choice by its name', async () => {
  render(<Form />)
  await settle()
  expect(mockApi.callsTo('GET', '/staff/roster/links')[0].query.get('kind')).toBe('batch')
  expect(screen.getByText('哪一趟专车')).toBeTruthy()
  expect(screen.getByText('2026-03-02 发车')).toBeTruthy()
  await tap('洛门镇 → 江苏省苏州市')
  expect(stored()).toBe('stored:31')
  expect(screen.getByText('已选：洛门镇 → 江苏省苏州市（2026-03-02）')).toBeTruthy()
  // The list closes once chosen; 换一个 opens it again.
  expect(screen.queryByText('城关镇 → 江苏省无锡市 · 无锡某电子厂')).toBeNull()
  await tap('换一个')
  await settle()
  await tap('城关镇 → 江苏省无锡市 · 无锡某电子厂')
  expect(stored()).toBe('stored:30')
})

test('a word narrows the list; 加载更多 reads the next page; nothing found says so', async () => {
  const { container } = render(<Form />)
  await settle()
  await tap('加载更多')
  await settle()
  expect(screen.getByText('洛门镇 → 浙江省宁波市')).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/roster/links').pop()?.query.get('cursor')).toBe('page2')
  await inputsReady(container)
  type(container, '.search-box__input', '无锡')
  await tap('搜索')
  await settle()
  expect(mockApi.callsTo('GET', '/staff/roster/links').pop()?.query.get('q')).toBe('无锡')
  expect(screen.queryByText('洛门镇 → 江苏省苏州市')).toBeNull()
  expect(screen.getByText('城关镇 → 江苏省无锡市 · 无锡某电子厂')).toBeTruthy()
  type(container, '.search-box__input', '宁夏')
  await tap('搜索')
  await settle()
  expect(screen.getByText('没有找到这趟专车，换个词试试')).toBeTruthy()
  expect(stored()).toBe('stored:')
})

test('a record the form already names is read by its id and shown by its name, with the server’s message under it', async () => {
  render(<Form initial='30' error='没有这一趟专车' />)
  await settle()
  const byId = mockApi.callsTo('GET', '/staff/roster/links')
  expect(byId).toHaveLength(1)
  expect(byId[0].query.get('id')).toBe('30')
  expect(screen.getByText('已选：城关镇 → 江苏省无锡市 · 无锡某电子厂（2026-02-20）')).toBeTruthy()
  expect(screen.getByText('没有这一趟专车')).toBeTruthy()
  expect(screen.queryByText('洛门镇 → 江苏省苏州市')).toBeNull()
})

test('each kind asks its own question', async () => {
  mockApi.on('GET', '/staff/roster/links', () => ({ items: [{ id: 5, name: '武山县驻江苏昆山劳务工作站 · 苏州市', date: null }], nextCursor: null }))
  render(<Form kind='station' />)
  await settle()
  expect(screen.getByText('哪个工作站')).toBeTruthy()
  await tap('武山县驻江苏昆山劳务工作站 · 苏州市')
  expect(screen.getByText('已选：武山县驻江苏昆山劳务工作站 · 苏州市')).toBeTruthy()
  expect(stored()).toBe('stored:5')
})
