import { act, fireEvent, render, screen } from '@testing-library/react'
import type { TransportBatch, TransportSignup } from '@contract'
import { ApiError } from '@/api'
import { SignupPanel } from '.'

jest.mock('../../api/transport', () => ({ signUpForTransport: jest.fn(), cancelTransportSignup: jest.fn() }))
const { signUpForTransport, cancelTransportSignup } = jest.requireMock('../../api/transport') as {
  signUpForTransport: jest.Mock
  cancelTransportSignup: jest.Mock
}

function batch(over: Partial<TransportBatch> = {}): TransportBatch {
  return {
    id: 5,
    departAt: '2026-03-16T22:30:00.000Z', // 3月17日 06:30 China time
    departureTownship: '洛门镇',
    destinationProvince: '江苏省',
    destinationCity: '无锡市',
    station: { id: 2, name: '武山县驻无锡恒锐精密电子直招点' },
    employer: '无锡恒锐精密电子',
    vehicleKind: 'bus',
    seats: 49,
    seatsLeft: 12,
    status: 'open',
    meetingPoint: '洛门镇人民政府门前',
    meetAt: '2026-03-16T21:30:00.000Z',
    whatToBring: '身份证原件、手机和充电器',
    notes: '直接送到厂里。',
    cancelReason: null,
    isSample: false,
    ...over,
  }
}
const signup = (over: Partial<TransportSignup> = {}): TransportSignup => ({
  id: 31,
  batchId: 5,
  status: 'active',
  createdAt: '2026-03-10T02:00:00.000Z',
  cancelledAt: null,
  batch: batch({ seatsLeft: 11 }),
  ...over,
})

function renderPanel(props: Partial<Parameters<typeof SignupPanel>[0]> = {}) {
  const handlers = { onNeedSignIn: jest.fn(), onChanged: jest.fn() }
  render(<SignupPanel batch={batch()} signup={null} signedIn {...handlers} {...props} />)
  return handlers
}
const tap = async (text: string) => {
  await act(async () => {
    fireEvent.click(screen.getByText(text))
  })
}

beforeEach(() => {
  signUpForTransport.mockReset()
  cancelTransportSignup.mockReset()
})

it('asks to confirm the day and the meeting point before taking a seat, then shows the boarding notice', async () => {
  signUpForTransport.mockResolvedValue(signup())
  const { onChanged } = renderPanel()
  expect(screen.queryByText('乘车须知')).toBeNull()

  await tap('我要坐这趟车')
  expect(screen.getByRole('dialog', { name: '确定报名这趟车吗？' })).toBeTruthy()
  expect(screen.getByText('洛门镇 → 无锡市 专车')).toBeTruthy()
  expect(screen.getByText('发车：3月17日 周二 06:30')).toBeTruthy()
  expect(screen.getByText('集合：3月17日 周二 05:30，洛门镇人民政府门前')).toBeTruthy()
  expect(signUpForTransport).not.toHaveBeenCalled()

  // Changing one's mind takes nothing.
  await tap('再想想')
  expect(screen.queryByRole('dialog')).toBeNull()
  expect(signUpForTransport).not.toHaveBeenCalled()

  await tap('我要坐这趟车')
  await tap('确定报名')
  expect(signUpForTransport).toHaveBeenCalledWith(5, expect.any(String))
  expect(onChanged).toHaveBeenCalledWith(signup())
  expect(screen.getByText('报名成功，给您留了座位')).toBeTruthy()
  expect(screen.getByText('乘车须知')).toBeTruthy()
  expect(screen.getByText('洛门镇人民政府门前')).toBeTruthy()
  expect(screen.getByText('身份证原件、手机和充电器')).toBeTruthy()
  expect(screen.getByText('不去了，取消报名')).toBeTruthy()
})

it('says plainly when the seats ran out meanwhile, and a retry keeps its key', async () => {
  signUpForTransport.mockRejectedValueOnce(new ApiError('NETWORK', '网络不好，请稍后重试'))
  signUpForTransport.mockRejectedValueOnce(new ApiError('CONFLICT', '座位已经满了，请看看别的车次', { status: 409 }))
  renderPanel()
  await tap('我要坐这趟车')
  await tap('确定报名')
  expect(screen.getByText('网络不好，请稍后重试')).toBeTruthy()
  await tap('我要坐这趟车')
  await tap('确定报名')
  expect(screen.getByText('座位已经满了，请看看别的车次')).toBeTruthy()
  expect(signUpForTransport.mock.calls[0][1]).toBe(signUpForTransport.mock.calls[1][1])
  expect(screen.queryByText('乘车须知')).toBeNull()
})

it('not signed in: goes to sign in instead of asking', async () => {
  const { onNeedSignIn } = renderPanel({ signedIn: false })
  expect(screen.getByText('报名要先用手机号登录')).toBeTruthy()
  await tap('我要坐这趟车')
  expect(onNeedSignIn).toHaveBeenCalled()
  expect(screen.queryByRole('dialog')).toBeNull()
})

it('a full batch has no sign-up button', () => {
  renderPanel({ batch: batch({ seatsLeft: 0, status: 'full' }) })
  expect(screen.queryByText('我要坐这趟车')).toBeNull()
  expect(screen.getByText(/这趟车坐满了/)).toBeTruthy()
})

it('my seat: the notice is there, and giving it up needs a second tap', async () => {
  cancelTransportSignup.mockResolvedValue(signup({ status: 'cancelled', cancelledAt: '2026-03-11T02:00:00.000Z' }))
  const { onChanged } = renderPanel({ signup: signup() })
  expect(screen.getByText('您已报名这趟车')).toBeTruthy()
  expect(screen.getByText('乘车须知')).toBeTruthy()
  await tap('不去了，取消报名')
  expect(screen.getByRole('dialog', { name: '确定不去了吗？' })).toBeTruthy()
  await tap('不取消')
  expect(cancelTransportSignup).not.toHaveBeenCalled()
  await tap('不去了，取消报名')
  await tap('确定取消')
  expect(cancelTransportSignup).toHaveBeenCalledWith(31)
  expect(onChanged).toHaveBeenCalled()
  expect(screen.getByText('已取消，座位让给别人了。')).toBeTruthy()
  expect(screen.queryByText('乘车须知')).toBeNull()
})
