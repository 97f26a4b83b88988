/** The survey screen's "怎么出去的" naming a record: picked from the county's list with signal, said plainly without. */
import { act, render, screen } from '@testing-library/react'
import { ApiError, setToken } from '@/api'
import type { SurveyCheckBody, SurveyPerson } from '@contract/survey'
import type { RosterLink } from '@contract/roster-activity'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { fieldError, settle, tapText, typeInto } from '../../../../../tests/support/app/interact'
import { CheckForm } from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))
jest.setTimeout(60_000)

const person: SurveyPerson = {
  id: 3,
  name: '张小军',
  sex: 'male',
  birthYear: 1998,
  householdId: 100,
  relation: 'child',
  group: null,
  poverty: 'general',
  status: 'away_other_province',
  returnReason: null,
  destinationProvince: '江苏省',
  destinationCity: '苏州市',
  trade: '普工',
  incomeBand: '3000_5000',
  howWent: { kind: 'self', channel: null, stationId: null, batchId: null, jobId: null, courseId: null, brokerName: null },
  howWentLink: null,
  version: 7,
  checked: false,
  checkedAt: null,
  conflict: false,
  note: null,
}

const batches = [
  { id: 31, name: '洛门镇 → 江苏省苏州市', date: '2026-03-02' },
  { id: 30, name: '城关镇 → 江苏省无锡市 · 无锡某电子厂', date: '2026-02-20' },
]

let sent: Array<{ body: SurveyCheckBody; link: RosterLink | null | undefined }>
function renderForm(p: SurveyPerson = person) {
  return render(<CheckForm person={p} busy={false} serverErrors={{}} onSubmit={(body, link) => sent.push({ body, link })} />)
}

/** Waits (up to 20 s) for what shows once the client's own retries have given up on the network. */
async function until(found: () => unknown) {
  for (let i = 0; i < 200 && !found(); i++) await act(async () => new Promise((r) => setTimeout(r, 100)))
  expect(found()).toBeTruthy()
}

beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  sent = []
  mockApi.on('GET', '/staff/roster/links', (req) => ({ items: batches.filter((b) => b.name.includes(req.query.get('q') ?? '')), nextCursor: null }))
})

test('with signal: 点对点专车 opens the county’s batches; a tap names one, and the check carries its id and its name', async () => {
  renderForm()
  await settle()
  // Nothing is read until a channel that names a record is chosen.
  expect(mockApi.callsTo('GET', '/staff/roster/links')).toHaveLength(0)
  await tapText('点对点专车')
  await settle()
  expect(mockApi.callsTo('GET', '/staff/roster/links')[0].query.get('kind')).toBe('batch')
  expect(screen.getByText('哪一趟专车')).toBeTruthy()
  // Saving before a batch is picked says where, and sends nothing.
  await tapText('保存')
  expect(fieldError('哪一趟专车')).toBe('请选择哪一趟专车')
  expect(sent).toHaveLength(0)
  await tapText('洛门镇 → 江苏省苏州市')
  await settle()
  expect(screen.getByText('已选：洛门镇 → 江苏省苏州市（2026-03-02）')).toBeTruthy()
  // Another channel and back: the pick is still there, not read again.
  await tapText('岗位招聘')
  await settle()
  await tapText('点对点专车')
  await settle()
  expect(screen.getByText('已选：洛门镇 → 江苏省苏州市（2026-03-02）')).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/roster/links').filter((c) => c.query.get('id'))).toHaveLength(0)
  await tapText('保存')
  expect(sent).toEqual([
    {
      body: {
        personId: 3,
        baseVersion: 7,
        unchanged: false,
        howWent: { kind: 'organised', channel: 'batch', stationId: null, batchId: 31, jobId: null, courseId: null, brokerName: null },
        note: null,
      },
      link: batches[0],
    },
  ])
})

test('without signal: the search says so plainly, and what was entered stays; 按台账不变 still saves the rest', async () => {
  mockApi.on('GET', '/staff/roster/links', () => {
    throw new ApiError('NETWORK')
  })
  const { container } = renderForm()
  await settle()
  await tapText('8000元以上')
  await typeInto(container, '.survey-check__note', '春节后换了厂')
  await tapText('驻外劳务工作站')
  await until(() => screen.queryByText('现在没有信号，搜不到。有信号时再选；也可以先选“按台账不变”'))
  expect(screen.queryByText('网络不稳定，请检查网络后重试')).toBeNull()
  // Nothing the informant entered is lost while the list could not be read.
  const selected = [...document.querySelectorAll('.chip--selected')].map((c) => c.textContent)
  expect(selected).toEqual(expect.arrayContaining(['8000元以上', '驻外劳务工作站']))
  await tapText('按台账不变')
  expect(screen.getByText('台账上：自发外出')).toBeTruthy()
  await tapText('保存')
  expect(sent).toEqual([{ body: { personId: 3, baseVersion: 7, unchanged: false, incomeBand: 'above_8000', note: '春节后换了厂' }, link: undefined }])
})

test('a record the roster already names shows by its name under 按台账不变, read from the phone’s list', async () => {
  const station = { id: 5, name: '武山县驻江苏昆山劳务工作站 · 苏州市', date: null }
  renderForm({ ...person, howWent: { kind: 'organised', channel: 'station', stationId: 5, batchId: null, jobId: null, courseId: null, brokerName: null }, howWentLink: station })
  await settle()
  expect(screen.getByText('台账上：驻外劳务工作站：武山县驻江苏昆山劳务工作站 · 苏州市')).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/roster/links')).toHaveLength(0)
  await tapText('无变化')
  expect(sent[0].body).toEqual({ personId: 3, baseVersion: 7, unchanged: true, note: null })
})
