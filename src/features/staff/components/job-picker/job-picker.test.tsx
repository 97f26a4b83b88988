import { useState } from 'react'
import { act, render, screen } from '@testing-library/react'
import { setToken } from '@/api'
import { jobPosting } from '../../../../../tests/support/app/fixtures'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, tapText, typeInto } from '../../../../../tests/support/app/interact'
import { JobPicker, SEARCH_DELAY_MS } from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))
jest.setTimeout(20_000)

const open = (id: number, title: string, employerName = '昆山某电子厂') => ({ ...jobPosting({ id, title, employerName }), reviewStatus: 'ok' as const, applicationCount: 0, hiredCount: 0 })
const firstPage = [open(30, '电子厂普工'), open(29, '公益性岗位保洁', '洛门镇政府')]
// Far down the list: not on the first page the picker loads.
const deep = open(4, '翻砂铸造工', '昆山宏图机械')

/** The server's answer for a word: only `deep` has 铸造; nothing has 焊工. */
function answer(q: string | null) {
  if (!q) return { items: firstPage, nextCursor: 'next' }
  return { items: [...firstPage, deep].filter((j) => j.title.includes(q)), nextCursor: null }
}

let ticked: number[] = []
function Harness() {
  const [value, setValue] = useState<number[]>([])
  ticked = value
  return <JobPicker value={value} onChange={setValue} />
}

const titles = () => [...document.querySelectorAll('.job-picker__title')].map((e) => e.textContent)
const searches = () => mockApi.callsTo('GET', '/staff/jobs').map((c) => c.query.get('q'))
/** Lets the typing pause pass and the search answer. */
const pause = async () => {
  await act(async () => new Promise((r) => setTimeout(r, SEARCH_DELAY_MS + 50)))
  await settle()
}

beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  ticked = []
  mockApi.on('GET', '/staff/jobs', (req) => {
    expect(req.query.get('status')).toBe('open')
    return answer(req.query.get('q'))
  })
})

test('a word is searched on the server once typing pauses, and its results replace the list', async () => {
  const { container } = render(<Harness />)
  await settle()
  expect(titles()).toEqual(['电子厂普工', '公益性岗位保洁'])
  expect(searches()).toEqual([null])

  // Typed a character at a time: only the word the typing stopped at is asked for.
  await typeInto(container, '.job-picker__search', '铸')
  await typeInto(container, '.job-picker__search', ' 铸造 ')
  expect(searches()).toEqual([null])
  await pause()
  expect(searches()).toEqual([null, '铸造'])
  expect(titles()).toEqual(['翻砂铸造工'])
  expect(screen.queryByText('再看更多岗位')).toBeNull()

  // Cleared: every posting again, at once.
  await typeInto(container, '.job-picker__search', '')
  await settle()
  expect(searches()).toEqual([null, '铸造', null])
  expect(titles()).toEqual(['电子厂普工', '公益性岗位保洁'])
})

test('a ticked posting stays listed and named when a new search does not find it', async () => {
  const { container } = render(<Harness />)
  await settle()
  await typeInto(container, '.job-picker__search', '铸造')
  await pause()
  await tapText('翻砂铸造工')
  expect(ticked).toEqual([4])

  await typeInto(container, '.job-picker__search', '保洁')
  await pause()
  expect(searches().at(-1)).toBe('保洁')
  // Above the results, still ticked, and can be unticked from there.
  expect(titles()).toEqual(['翻砂铸造工', '公益性岗位保洁'])
  expect(screen.getByText('翻砂铸造工').closest('.job-picker__row')!.getAttribute('aria-pressed')).toBe('true')
  await tapText('公益性岗位保洁')
  expect(screen.getByText('已选 2 个：翻砂铸造工、公益性岗位保洁')).toBeTruthy()
  await tapText('翻砂铸造工')
  expect(ticked).toEqual([29])
  expect(titles()).toEqual(['公益性岗位保洁'])
})

test('nothing found: says so with the word, and suggests another', async () => {
  const { container } = render(<Harness />)
  await settle()
  await typeInto(container, '.job-picker__search', '焊工')
  await pause()
  expect(searches().at(-1)).toBe('焊工')
  expect(titles()).toEqual([])
  expect(screen.getByText('没有找到“焊工”，换个词试试')).toBeTruthy()
})

test('a word with hidden characters is not sent: the picker says what to fix', async () => {
  const { container } = render(<Harness />)
  await settle()
  await typeInto(container, '.job-picker__search', '保洁\u202E')
  await pause()
  expect(searches()).toEqual([null])
  expect(screen.getByText(/看不见的控制字符/)).toBeTruthy()
})
