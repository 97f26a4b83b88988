import { render, screen } from '@testing-library/react'
import type { TransportBatch } from '@contract'
import { setToken } from '@/api'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { fieldError, settle, tapText, typeInto } from '../../../../../tests/support/app/interact'
import { BatchMoveDialog } from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const batch: TransportBatch = {
  id: 7,
  departAt: '2026-03-19T23:30:00.000Z', // 3月20日 07:30 China time
  departureTownship: '洛门镇',
  destinationProvince: '江苏省',
  destinationCity: '昆山市',
  station: { id: 2, name: '昆山劳务工作站' },
  employer: null,
  vehicleKind: 'bus',
  seats: 45,
  seatsLeft: 43,
  status: 'open',
  meetingPoint: '洛门镇人民政府门前',
  meetAt: '2026-03-19T22:30:00.000Z',
  whatToBring: '身份证',
  notes: '',
  cancelReason: null,
  isSample: false,
}

beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
})

function open() {
  const moved = jest.fn()
  const view = render(<BatchMoveDialog batch={batch} riders={2} open onClose={() => undefined} onMoved={moved} />)
  return { ...view, moved }
}

test('shows the batch as it is, China time; sends only what changed and says how many riders were told', async () => {
  mockApi.on('PATCH', '/staff/transport-batches/7', (req) => ({ ...batch, departAt: new Date(req.body.departAt).toISOString(), told: 2 }))
  const { container, moved } = open()
  expect(screen.getByText('已报名的 2 人会马上收到消息和短信。集合时间跟着发车时间一起挪。')).toBeTruthy()
  await typeInto(container, '.batch-move__time', '9:00')
  await tapText('改好了，通知乘客')
  await settle()
  expect(mockApi.callsTo('PATCH', '/staff/transport-batches/7').map((c) => c.body)).toEqual([{ departAt: '2026-03-20T09:00:00+08:00' }])
  expect(moved).toHaveBeenCalledWith('已改好，已通知 2 位乘客')
})

test('opened as the batch is, nothing changed is said; a time not in the form shown: says so by the field and sends nothing', async () => {
  const { container } = open()
  await tapText('改好了，通知乘客')
  expect(fieldError('发车时间')).toBe('时间和地点都没有改')
  await typeInto(container, '.batch-move__time', '7点半')
  await tapText('改好了，通知乘客')
  expect(fieldError('发车时间')).toBe('时间请按 07:30 的格式填写')
  expect(mockApi.callsTo('PATCH', '/staff/transport-batches/7')).toHaveLength(0)
})

test('the server’s refusal shows by its field (a batch that has left)', async () => {
  mockApi.on('PATCH', '/staff/transport-batches/7', () => failure(400, 'VALIDATION_FAILED', '这趟车已经发车了，不能再改时间和地点', { meetingPoint: '这趟车已经发车了，不能再改时间和地点' }))
  const { container, moved } = open()
  await typeInto(container, '.batch-move__point', '县汽车站')
  await tapText('改好了，通知乘客')
  await settle()
  expect(mockApi.callsTo('PATCH', '/staff/transport-batches/7').map((c) => c.body)).toEqual([{ meetingPoint: '县汽车站' }])
  expect(fieldError('集合地点')).toBe('这趟车已经发车了，不能再改时间和地点')
  expect(moved).not.toHaveBeenCalled()
})
