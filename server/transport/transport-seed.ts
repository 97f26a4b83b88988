// Upcoming 点对点 batches (专车, 专列, 专厢) to the cities of the seeded stations, as the county runs them:
// "一企(一地)一案、一车一策", from a township straight to the employer. Times are China time, days from the seeding date.
import type { Kysely } from 'kysely'
import type { townships, VehicleKind } from '../../types'
import type { DB } from '../db/schema'
import { addDays, chinaDate } from '../lib/dates'

export interface TransportBatchSeed {
  key: string
  /** Days after the seeding date (China date). */
  inDays: number
  /** HH:MM, China time */
  departTime: string
  /** Minutes before departure to be at the meeting point. */
  meetMinutesBefore: number
  departureTownship: (typeof townships)[number]
  meetingPoint: string
  destinationProvince: string
  destinationCity: string
  stationKey: string | null
  employer: string | null
  vehicleKind: VehicleKind
  seats: number
  whatToBring: string
  notes: string
}

const bring = '身份证原件、手机和充电器、换洗衣服和被褥（到厂后有宿舍的可不带被褥）、路上吃的和喝的水、常用药'

export const transportBatches: TransportBatchSeed[] = [
  {
    key: 'transport-kunshan-1',
    inDays: 4,
    departTime: '07:00',
    meetMinutesBefore: 60,
    departureTownship: '城关镇',
    meetingPoint: '武山县劳务输转服务中心门前广场',
    destinationProvince: '江苏省',
    destinationCity: '苏州市',
    stationKey: 'station-kunshan',
    employer: null,
    vehicleKind: 'bus',
    seats: 45,
    whatToBring: bring,
    notes: '到昆山后由驻昆山劳务工作站的工作人员接站，统一送到各厂。路上约两天，中途在服务区休息。',
  },
  {
    key: 'transport-wuxi-1',
    inDays: 6,
    departTime: '06:30',
    meetMinutesBefore: 60,
    departureTownship: '洛门镇',
    meetingPoint: '洛门镇人民政府门前',
    destinationProvince: '江苏省',
    destinationCity: '无锡市',
    stationKey: 'point-wuxi-electronics',
    employer: '无锡恒锐精密电子（直招点）',
    vehicleKind: 'bus',
    seats: 49,
    whatToBring: bring,
    notes: '直接送到厂里，当天办入职。体检在厂里统一做，不用自己先去。',
  },
  {
    key: 'transport-tianjin-1',
    inDays: 9,
    departTime: '09:20',
    meetMinutesBefore: 120,
    departureTownship: '鸳鸯镇',
    meetingPoint: '鸳鸯镇人民政府门前，统一坐大巴到天水站上火车',
    destinationProvince: '天津市',
    destinationCity: '天津市',
    stationKey: 'point-tianjin-logistics',
    employer: '天津顺航物流（直招点）',
    vehicleKind: 'carriage',
    seats: 118,
    whatToBring: bring,
    notes: '包一节火车车厢，座位号上车前发。到天津后由驻天津流动党员党支部的同志接站。',
  },
  {
    key: 'transport-changji-1',
    inDays: 12,
    departTime: '08:00',
    meetMinutesBefore: 90,
    departureTownship: '城关镇',
    meetingPoint: '武山县城火车站广场',
    destinationProvince: '新疆维吾尔自治区',
    destinationCity: '昌吉回族自治州',
    stationKey: 'station-changji',
    employer: null,
    vehicleKind: 'train',
    seats: 300,
    whatToBring: `${bring}、厚衣服、帽子和手套（摘棉花时用）`,
    notes: '“线娘拾花工”包下的整趟火车。到了以后驻昌吉劳务工作站接站，吃住在棉田附近，工钱按公斤算，出发前会讲清楚工价。',
  },
  {
    key: 'transport-yantai-1',
    inDays: 15,
    departTime: '07:00',
    meetMinutesBefore: 60,
    departureTownship: '滩歌镇',
    meetingPoint: '滩歌镇人民政府门前',
    destinationProvince: '山东省',
    destinationCity: '烟台市',
    stationKey: 'point-yantai-autoparts',
    employer: '烟台鑫汇汽车零部件（直招点）',
    vehicleKind: 'bus',
    seats: 45,
    whatToBring: bring,
    notes: '路上约两天，中途住一晚，住宿统一安排。',
  },
  {
    key: 'transport-beijing-1',
    inDays: 18,
    departTime: '08:00',
    meetMinutesBefore: 60,
    departureTownship: '四门镇',
    meetingPoint: '四门镇人民政府门前',
    destinationProvince: '北京市',
    destinationCity: '北京市',
    stationKey: 'station-beijing',
    employer: null,
    vehicleKind: 'bus',
    seats: 35,
    whatToBring: `${bring}、家政服务员或育婴员证书（有的带上）`,
    notes: '“宁远家政妹”专车。到北京后由驻北京劳务工作站接站，先住工作站安排的地方，再分到各家政公司。',
  },
  {
    key: 'transport-ordos-1',
    inDays: 21,
    departTime: '07:30',
    meetMinutesBefore: 60,
    departureTownship: '山丹镇',
    meetingPoint: '山丹镇人民政府门前',
    destinationProvince: '内蒙古自治区',
    destinationCity: '鄂尔多斯市',
    stationKey: 'station-ordos',
    employer: null,
    vehicleKind: 'bus',
    seats: 45,
    whatToBring: `${bring}、铲运机或叉车操作证（有的带上）`,
    notes: '到鄂尔多斯后由驻鄂尔多斯劳务工作站接站。',
  },
  {
    key: 'transport-ningbo-1',
    inDays: 26,
    departTime: '10:05',
    meetMinutesBefore: 150,
    departureTownship: '马力镇',
    meetingPoint: '马力镇人民政府门前，统一坐大巴到天水南站上火车',
    destinationProvince: '浙江省',
    destinationCity: '宁波市',
    stationKey: 'station-ningbo',
    employer: null,
    vehicleKind: 'carriage',
    seats: 118,
    whatToBring: bring,
    notes: '包一节火车车厢。到宁波后由驻宁波劳务工作站接站，统一送到各厂。',
  },
]

/** Inserts the missing sample batches (idempotent by seed_key, like the rest of the seed). */
export async function seedTransport(trx: Kysely<DB>, now: Date): Promise<number> {
  if (!transportBatches.length) return 0
  const stations = await trx.selectFrom('stations').select(['id', 'seed_key']).where('seed_key', 'is not', null).execute()
  const stationIds = new Map(stations.map((s) => [s.seed_key as string, s.id]))
  const today = chinaDate(now)
  const rows = transportBatches.map((b) => {
    const depart = new Date(`${addDays(today, b.inDays)}T${b.departTime}:00+08:00`)
    const stationId = b.stationKey ? stationIds.get(b.stationKey) : null
    if (stationId === undefined) throw new Error(`seed: unknown station key "${b.stationKey}"`)
    return {
      seed_key: b.key,
      depart_at: depart.toISOString(),
      meet_at: new Date(depart.getTime() - b.meetMinutesBefore * 60 * 1000).toISOString(),
      departure_township: b.departureTownship,
      meeting_point: b.meetingPoint,
      destination_province: b.destinationProvince,
      destination_city: b.destinationCity,
      station_id: stationId,
      employer: b.employer,
      vehicle_kind: b.vehicleKind,
      seats: b.seats,
      seats_taken: 0,
      status: 'open',
      what_to_bring: b.whatToBring,
      notes: b.notes,
      is_sample: 1 as const,
      created_at: now.toISOString(),
    }
  })
  const result = await trx.insertInto('transport_batches').values(rows).onConflict((oc) => oc.column('seed_key').doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}
