import { render, screen } from '@testing-library/react'
import type { Person } from '@contract/roster'
import { setToken } from '@/api'
import { failure, fakeApi, type FakeRequest } from '../../../../../tests/support/app/fake-api'
import { inputsReady, settle, stationStaff, tap, tapChip, type } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import { adminStaff } from '../../../../../tests/support/app/staff-pages'
import { person, villageInformant, villages } from '../../../../../tests/support/app/roster'
import RosterNewPersonPage from '.'

const mockApi = fakeApi()
// Three members' forms are many Taro inputs to draw in jsdom.
jest.setTimeout(30_000)
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const posts = () => mockApi.callsTo('POST', '/staff/people')
let nextId = 200
const created = (req: FakeRequest): Person => person({ ...req.body, id: nextId++, householdId: req.body.householdId ?? 77, village: '马坪村', version: 1 })
/** The message under the field labelled `label` in the n-th member's block (1-based). */
const errorIn = (n: number, label: string) =>
  [...[...document.querySelectorAll('.roster-member')][n - 1].querySelectorAll('.form-field')]
    .find((f) => f.querySelector('.form-field__label')?.textContent === label)
    ?.querySelector('.form-field__error')?.textContent

/** Taps the chip with this text inside the n-th member's block. */
async function chipIn(n: number, text: string) {
  const block = [...document.querySelectorAll('.roster-member')][n - 1]
  const chip = [...block.querySelectorAll<HTMLElement>('.chip')].find((c) => c.textContent === text)
  if (!chip) throw new Error(`no chip ${text} in member ${n}`)
  const { act, fireEvent } = await import('@testing-library/react')
  await act(async () => {
    fireEvent.click(chip)
  })
}

beforeEach(() => {
  mockApi.reset()
  nextId = 200
  setRouterParams({}, '/packages/roster/pages/person-new/index')
  setToken('staff-token')
  mockApi.on('GET', '/staff/me', () => villageInformant)
  mockApi.on('GET', '/staff/villages', () => ({ items: villages }))
  mockApi.on('POST', '/staff/people', (req) => ({ status: 201, body: created(req) }))
})

async function fillHead(container: HTMLElement) {
  type(container, '.roster-new-1__name', '王大山')
  type(container, '.roster-new-1__idNumber', '620524198801011237')
  type(container, '.roster-new-1__phone', '13700000001')
  await chipIn(1, '脱贫户')
  await chipIn(1, '外出务工（省外）')
  await chipIn(1, '江苏省')
  type(container, '.roster-new-1__destinationCity', '苏州市')
}

test('a village informant adds a household of three: the head opens it, the others join it', async () => {
  const { container } = render(<RosterNewPersonPage />)
  await inputsReady(container)
  // Their village is fixed: shown, not chosen.
  expect(screen.getByText('马坪村')).toBeTruthy()
  await fillHead(container)
  await tap('再添加一位家庭成员')
  await tap('再添加一位家庭成员')
  await inputsReady(container)
  type(container, '.roster-new-2__name', '李秀英')
  type(container, '.roster-new-2__idNumber', '620524199003150026')
  await chipIn(2, '配偶')
  await chipIn(2, '脱贫户')
  await chipIn(2, '县内务工')
  type(container, '.roster-new-3__name', '王小军')
  type(container, '.roster-new-3__idNumber', '620524201006010010')
  await chipIn(3, '子女')
  await chipIn(3, '脱贫户')
  await chipIn(3, '在校学生')
  await tap('保存这一户（3 人）')
  await settle()
  const bodies = posts().map((c) => c.body)
  expect(bodies).toHaveLength(3)
  expect(bodies[0]).toMatchObject({ name: '王大山', township: '洛门镇', villageId: 31, householdId: null, relation: 'head', status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '苏州市', phone: '13700000001' })
  expect(bodies[1]).toMatchObject({ name: '李秀英', township: '洛门镇', villageId: 31, householdId: 77, relation: 'spouse', status: 'local_work', destinationProvince: null })
  expect(bodies[2]).toMatchObject({ name: '王小军', householdId: 77, relation: 'child', status: 'in_school' })
  // Each person is its own write: a retry of one is never a second person.
  expect(new Set(posts().map((c) => c.headers['Idempotency-Key'] ?? c.headers['idempotency-key'])).size).toBe(3)
  expect(screen.getByText('已保存 3 人')).toBeTruthy()
  expect(screen.getByText('李秀英 ›')).toBeTruthy()
})

test('each member is checked before anything is sent, the message by their own field', async () => {
  const { container } = render(<RosterNewPersonPage />)
  await inputsReady(container)
  type(container, '.roster-new-1__name', '王大山')
  type(container, '.roster-new-1__idNumber', '620524198801011236')
  await chipIn(1, '一般户')
  await chipIn(1, '外出务工（省外）')
  await tap('再添加一位家庭成员')
  await inputsReady(container)
  type(container, '.roster-new-2__name', '李')
  await tap('保存这一户（2 人）')
  expect(posts()).toHaveLength(0)
  expect(errorIn(1, '身份证号')).toBe('身份证号最后一位不对，请核对')
  expect(errorIn(1, '去了哪个省')).toBe('外出务工要填去了哪个省')
  expect(errorIn(2, '姓名')).toBe('姓名至少2个字')
  expect(errorIn(2, '与户主的关系')).toBe('请选择与户主的关系')
  expect(errorIn(2, '目前状态')).toBeTruthy()
})

test("the server's refusal of a later member keeps the ones saved and shows its messages; the retry sends only the rest", async () => {
  let refuse = true
  mockApi.on('POST', '/staff/people', (req) =>
    req.body.name === '李秀英' && refuse
      ? failure(409, 'CONFLICT', '这个身份证号已经登记过了：洛门镇马坪村 李秀英')
      : { status: 201, body: created(req) },
  )
  const { container } = render(<RosterNewPersonPage />)
  await inputsReady(container)
  await fillHead(container)
  await tap('再添加一位家庭成员')
  await inputsReady(container)
  type(container, '.roster-new-2__name', '李秀英')
  type(container, '.roster-new-2__idNumber', '620524199003150026')
  await chipIn(2, '配偶')
  await chipIn(2, '一般户')
  await chipIn(2, '暂无外出意愿')
  await tap('保存这一户（2 人）')
  await settle()
  expect(posts()).toHaveLength(2)
  expect(screen.getByText('王大山 已保存')).toBeTruthy()
  expect(errorIn(2, '身份证号')).toBe('这个身份证号已经登记过了：洛门镇马坪村 李秀英')
  expect(screen.getByText('李秀英没有保存，请看红字；前面的人已保存')).toBeTruthy()
  refuse = false
  await tap('保存这一户（2 人）')
  await settle()
  expect(posts()).toHaveLength(3)
  expect(posts()[2].body).toMatchObject({ name: '李秀英', householdId: 77 })
  expect(screen.getByText('已保存 2 人')).toBeTruthy()
})

test('an admin chooses the township and then its village; opened from a household, members join it', async () => {
  mockApi.on('GET', '/staff/me', () => adminStaff)
  const { container, unmount } = render(<RosterNewPersonPage />)
  await inputsReady(container)
  expect(screen.getByText('先选乡镇')).toBeTruthy()
  await tapChip('洛门镇')
  await settle()
  await tapChip('黄河村')
  type(container, '.roster-new-1__name', '赵四')
  type(container, '.roster-new-1__idNumber', '620524198801011237')
  await chipIn(1, '一般户')
  await chipIn(1, '有意愿外出')
  await tap('保存')
  await settle()
  expect(posts()[0].body).toMatchObject({ township: '洛门镇', villageId: 32, householdId: null })
  unmount()

  setRouterParams({ householdId: '55', township: encodeURIComponent('洛门镇'), villageId: '31' }, '/packages/roster/pages/person-new/index')
  const second = render(<RosterNewPersonPage />)
  await inputsReady(second.container)
  expect(screen.getByText('添加家庭成员')).toBeTruthy()
  type(second.container, '.roster-new-1__name', '王小红')
  type(second.container, '.roster-new-1__idNumber', '620524199003150026')
  await chipIn(1, '儿媳或女婿')
  await chipIn(1, '一般户')
  await chipIn(1, '返乡回流')
  await chipIn(1, '受伤')
  await tap('保存')
  await settle()
  expect(posts()[1].body).toMatchObject({ householdId: 55, township: '洛门镇', villageId: 31, relation: 'child_in_law', status: 'returned', returnReason: 'injury' })
})

test('station staff cannot add people', async () => {
  mockApi.on('GET', '/staff/me', () => stationStaff)
  render(<RosterNewPersonPage />)
  await settle()
  expect(screen.getByText(/驻外工作站只能查看台账/)).toBeTruthy()
})
