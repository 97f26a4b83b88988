import { vehicleKindLabel, vehicleKindPlainLabel, type TransportBatch } from '@contract/transport'

/** A departure as the county lives it (China time, with the weekday): 3月14日 周六 07:00 */
export { chinaMonthDayWeekdayTime as chinaTime } from '@contract/format'

/** 洛门镇 → 无锡市 专车, in the official words staff use. */
export function routeTitle(b: Pick<TransportBatch, 'departureTownship' | 'destinationCity' | 'vehicleKind'>): string {
  return `${b.departureTownship} → ${b.destinationCity} ${vehicleKindLabel[b.vehicleKind]}`
}

/** 洛门镇 → 宁波市 包下的整趟火车: the same route in the words a worker uses (专列 and 专厢 mean little to most). */
export function workerRouteTitle(b: Pick<TransportBatch, 'departureTownship' | 'destinationCity' | 'vehicleKind'>): string {
  return `${b.departureTownship} → ${b.destinationCity} ${vehicleKindPlainLabel[b.vehicleKind]}`
}

/** What the seat count means to a worker. */
export function seatsText(b: Pick<TransportBatch, 'status' | 'seatsLeft' | 'seats'>): string {
  if (b.status === 'cancelled') return '这趟车取消了'
  if (b.status === 'departed') return '已经发车了'
  if (b.status === 'full' || b.seatsLeft === 0) return '座位已满'
  return `还剩 ${b.seatsLeft} 个座位（共 ${b.seats} 个）`
}

/** Who runs a batch, as staff tell batches apart: the station (or the county centre) and the employer. */
export function runBy(b: Pick<TransportBatch, 'station' | 'employer'>): string {
  return [b.station?.name ?? '县劳务输转服务中心', b.employer].filter(Boolean).join(' · ')
}
