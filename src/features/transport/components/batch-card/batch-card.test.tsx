import { render, screen } from '@testing-library/react'
import type { TransportBatch } from '@contract'
import { BatchCard } from '.'

const batch = (over: Partial<TransportBatch> = {}): TransportBatch => ({
  id: 5,
  departAt: '2026-03-16T22:30:00.000Z',
  departureTownship: '洛门镇',
  destinationProvince: '江苏省',
  destinationCity: '无锡市',
  station: null,
  employer: '无锡恒锐精密电子',
  vehicleKind: 'bus',
  seats: 49,
  seatsLeft: 12,
  status: 'open',
  meetingPoint: '洛门镇人民政府门前',
  meetAt: '2026-03-16T21:30:00.000Z',
  whatToBring: '身份证',
  notes: '',
  cancelReason: null,
  isSample: false,
  ...over,
})

it('tells a rider the county cancelled the batch, and why', () => {
  render(<BatchCard batch={batch({ status: 'cancelled', seatsLeft: 0, cancelReason: '用工单位推迟到下个月开工' })} />)
  expect(screen.getByText('这趟车取消了')).toBeTruthy()
  expect(screen.getByText('取消原因：用工单位推迟到下个月开工')).toBeTruthy()
})

it('shows no reason on a batch that runs', () => {
  render(<BatchCard batch={batch()} />)
  expect(screen.getByText('还剩 12 个座位（共 49 个）')).toBeTruthy()
  expect(screen.queryByText(/取消原因/)).toBeNull()
})

it('says what the worker will ride, not 专列 or 专厢', () => {
  const { container, rerender } = render(<BatchCard batch={batch({ vehicleKind: 'train' })} />)
  expect(screen.getByText('洛门镇 → 无锡市 包下的整趟火车')).toBeTruthy()
  rerender(<BatchCard batch={batch({ vehicleKind: 'carriage' })} />)
  expect(screen.getByText('洛门镇 → 无锡市 火车上包下的车厢')).toBeTruthy()
  expect(container.textContent).not.toMatch(/专列|专厢/)
})
