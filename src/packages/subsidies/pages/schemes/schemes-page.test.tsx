import { act, fireEvent, render, screen } from '@testing-library/react'
import type { SubsidyScheme } from '@contract/subsidies'
import { setToken } from '@/api'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { adminStaff, fieldError, inputsReady, settle, tap } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import { typeInto } from '../../../../../tests/support/app/interact'
import SubsidySchemesPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const at = '2026-03-02T02:00:00.000Z'
const transport: SubsidyScheme = {
  id: 3,
  kind: 'transport',
  name: '交通补助',
  year: 2026,
  rules: { poverty: ['alleviated', 'monitored'], mustBeAway: true, minMonthsAway: 0, mustHaveTrained: false },
  amounts: { byBand: { other_province: 600, neighbour_province: 400, in_province: 300, in_city: 200 }, flatYuan: null, neighbourProvinces: ['陕西省'] },
  knownBy: ['batch'],
  proofKinds: ['ticket'],
  opensOn: '2026-01-01',
  closesOn: '2026-12-31',
  publicityDays: 10,
  createdAt: at,
  updatedAt: at,
}
const training: SubsidyScheme = { ...transport, id: 4, kind: 'training', name: '培训补贴', rules: { ...transport.rules, mustBeAway: false, mustHaveTrained: true }, amounts: { byBand: null, flatYuan: 800, neighbourProvinces: [] }, knownBy: ['course'], proofKinds: [] }

let schemes: SubsidyScheme[]
beforeEach(() => {
  mockApi.reset()
  schemes = [transport, training]
  setRouterParams({}, '/packages/subsidies/pages/schemes/index')
  setToken('staff-token')
  mockApi.on('GET', '/staff/me', () => adminStaff)
  mockApi.on('GET', '/staff/subsidy-schemes', () => ({ items: schemes }))
})

const edit = async (id: number) => {
  await act(async () => {
    fireEvent.click(document.querySelector(`.schemes-page__edit-${id}`)!)
  })
}
const value = (container: HTMLElement, selector: string) => container.querySelector<HTMLInputElement>(`${selector} input`)?.value

test('an admin opens a scheme in the same form, filled with its values, and saves it back whole with PUT', async () => {
  mockApi.on('PUT', '/staff/subsidy-schemes/3', (req) => {
    schemes = [{ ...transport, ...(req.body as Partial<SubsidyScheme>) }, training]
    return schemes[0]
  })
  const { container } = render(<SubsidySchemesPage />)
  await settle()
  await edit(3)
  await inputsReady(container)
  expect(screen.getByText('修改2026年交通补助')).toBeTruthy()
  expect(screen.getByText('交通补助（不能改）')).toBeTruthy()
  expect(value(container, '.schemes-page__band-other_province')).toBe('600')
  expect(value(container, '.schemes-page__closes')).toBe('2026-12-31')
  await typeInto(container, '.schemes-page__band-other_province', '700')
  await typeInto(container, '.schemes-page__closes', '2026-11-30')
  await tap('保存')
  await settle()
  const put = mockApi.callsTo('PUT', '/staff/subsidy-schemes/3')
  expect(put).toHaveLength(1)
  const body = put[0].body as SubsidyScheme
  expect(body.amounts).toEqual({ byBand: { other_province: 700, neighbour_province: 400, in_province: 300, in_city: 200 }, flatYuan: null, neighbourProvinces: ['陕西省'] })
  expect(body).toMatchObject({ kind: 'transport', year: 2026, closesOn: '2026-11-30', publicityDays: 10, knownBy: ['batch'], proofKinds: ['ticket'] })
  expect(mockApi.callsTo('POST', '/staff/subsidy-schemes')).toHaveLength(0)
  expect(screen.getByText('已保存 2026年交通补助')).toBeTruthy()
  expect(screen.getByText(/700元/)).toBeTruthy()
})

test('a flat scheme opens with its one amount; the server refusal is shown by the field', async () => {
  mockApi.on('PUT', '/staff/subsidy-schemes/4', () => failure(400, 'VALIDATION_FAILED', '填写的内容有误', { closesOn: '截止日期不能早于开始日期' }))
  const { container } = render(<SubsidySchemesPage />)
  await settle()
  await edit(4)
  await inputsReady(container)
  expect(value(container, '.schemes-page__flat')).toBe('800')
  await tap('保存')
  await settle()
  expect(fieldError('截止日期')).toBe('截止日期不能早于开始日期')
  expect((mockApi.callsTo('PUT', '/staff/subsidy-schemes/4')[0].body as SubsidyScheme).amounts).toEqual({ byBand: null, flatYuan: 800, neighbourProvinces: [] })
  await tap('取消')
  expect(screen.queryByText('修改2026年培训补贴')).toBeNull()
})

test('a new scheme still goes out as a POST with the defaults of the year', async () => {
  mockApi.on('POST', '/staff/subsidy-schemes', () => ({ ...transport, id: 9, year: 2027 }))
  const { container } = render(<SubsidySchemesPage />)
  await settle()
  await tap('新建补贴项目')
  await inputsReady(container)
  await tap('保存')
  await settle()
  expect(mockApi.callsTo('POST', '/staff/subsidy-schemes')).toHaveLength(1)
  expect(mockApi.callsTo('PUT', '/staff/subsidy-schemes/3')).toHaveLength(0)
  expect((mockApi.callsTo('POST', '/staff/subsidy-schemes')[0].body as SubsidyScheme).publicityDays).toBeUndefined()
})
