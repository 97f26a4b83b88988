import { render, screen } from '@testing-library/react'
import type { RightsRequest } from '@contract'
import { setToken } from '@/api'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { callbackCase } from '../../../../../tests/support/app/fixtures'
import { settle } from '../../../../../tests/support/app/interact'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import RightsDonePage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const no = '2026-000123'
const sent = (over: Partial<RightsRequest> = {}) => callbackCase({ trackingNo: no, ...over })

beforeEach(() => {
  mockApi.reset()
  setToken('worker-token')
})

test('after 只留电话 it says who will ring which number, and gives the number of whoever handles it', async () => {
  mockApi.on('GET', `/rights-requests/${no}`, () => sent())
  setRouterParams({ trackingNo: no, callback: '1' }, '/packages/rights/pages/done/index')
  render(<RightsDonePage />)
  await settle()
  expect(screen.getByText('记下了，会有人给您打电话')).toBeTruthy()
  expect(screen.getByText('139****1001')).toBeTruthy()
  expect(screen.getByText(no)).toBeTruthy()
  const call = document.querySelector('a.phone-call')!
  expect(call.getAttribute('href')).toBe('tel:09383425617')
  expect(call.textContent).toContain('武山县劳务输转服务中心')
  // The tick is drawn, not a character a phone may lack.
  expect(document.querySelector('.rights-done__tick')!.textContent).toBe('')
})

test('after the full form, the station it went to; while the case cannot be read, the national hotline', async () => {
  mockApi.on('GET', `/rights-requests/${no}`, () => sent({ callbackOnly: false, station: { id: 3, name: '无锡流动党员党支部', phone: '0510-8888 0001' } }))
  setRouterParams({ trackingNo: no }, '/packages/rights/pages/done/index')
  const { unmount } = render(<RightsDonePage />)
  await settle()
  expect(screen.getByText('求助已经提交')).toBeTruthy()
  expect(screen.getByText(/工作人员会在1天内联系您/)).toBeTruthy()
  expect(document.querySelector('a.phone-call')!.getAttribute('href')).toBe('tel:051088880001')
  unmount()

  mockApi.reset()
  render(<RightsDonePage />)
  await settle()
  expect(document.querySelector('a.phone-call')!.getAttribute('href')).toBe('tel:12333')
})
