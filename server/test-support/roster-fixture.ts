/**
 * A hand-counted roster for the ledger and figure tests: twelve people of 洛门镇 (two villages) and 城关镇 entered on
 * 2025-02-10, three of them changed on 2026-03-10 (10:00 China time). The counts each test expects are worked out
 * by hand from the table below, not from the code under test.
 */
import type { FastifyInstance } from 'fastify'
import { bearer, staffSignIn } from './accounts'
import { freshKey, idNumberFor, openAccount, personBody, villageOf } from './roster'
import type { CreatePersonBody } from '../../types'

export const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`)
export const ENTERED = '2025-02-10'
export const CHANGED = '2026-03-10'

export interface RosterFixture {
  admin: string
  luomen: string
  chengguan: string
  village: string
  station: string
  v1: number
  v2: number
  c1: number
  /** Name → person id */
  ids: Record<string, number>
}

const organised = (stationId: number) => ({ kind: 'organised' as const, channel: 'station' as const, stationId })
const self = { kind: 'self' as const }

/** `setClock` moves the app's clock; the fixture leaves it at 2026-03-20. */
export async function buildRosterFixture(app: FastifyInstance, passwords: { admin: string; kunshan: string }, setClock: (d: Date) => void): Promise<RosterFixture> {
  setClock(at(ENTERED, 9))
  let admin = (await staffSignIn(app, 'admin', passwords.admin)).token
  const v1v = await villageOf(app, admin, '洛门镇', 0)
  const v1 = v1v.id
  const v2 = (await villageOf(app, admin, '洛门镇', 1)).id
  const c1 = (await villageOf(app, admin, '城关镇', 0)).id
  const kunshan = (await app.db.selectFrom('staff').select('station_id').where('username', '=', 'kunshan').executeTakeFirstOrThrow()).station_id as number

  const L = { township: '洛门镇' as const }
  const C = { township: '城关镇' as const, villageId: c1 }
  const people: Array<Partial<CreatePersonBody> & { name: string; township: CreatePersonBody['township'] }> = [
    { name: '赵一', ...L, villageId: v1, poverty: 'alleviated', status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '苏州市', trade: '普工', incomeBand: '3000_5000', howWent: organised(kunshan), statusLastYear: 'away_other_province' },
    { name: '钱二', ...L, villageId: v1, status: 'away_in_province', destinationProvince: '甘肃省', destinationCity: '兰州市', trade: '电焊工', incomeBand: '2000_3000', howWent: self },
    { name: '孙三', ...L, villageId: v2, poverty: 'monitored', status: 'away_other_province', destinationProvince: '浙江省', destinationCity: '宁波市', trade: '普工', incomeBand: '5000_8000', howWent: self, statusLastYear: 'away_in_province' },
    { name: '李四', ...L, villageId: v2, status: 'returned', returnReason: 'lost_job', statusLastYear: 'away_other_province' },
    { name: '周五', ...L, villageId: v1, status: 'willing', statusLastYear: 'away_other_province' },
    { name: '吴六', ...L, villageId: v1, poverty: 'monitored', status: 'unwilling' },
    { name: '郑七', ...C, poverty: 'alleviated', status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '苏州市', trade: '叉车司机', incomeBand: 'above_8000', howWent: organised(kunshan), statusLastYear: 'away_other_province' },
    { name: '王八', ...C, status: 'local_work' },
    { name: '冯九', ...C, status: 'unwilling' },
    { name: '陈十', ...C, poverty: 'alleviated', status: 'returned', returnReason: 'family' },
    { name: '褚十一', ...L, villageId: v2, status: 'willing' },
    { name: '卫十二', ...C, status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '无锡市', trade: '普工', howWent: self, statusLastYear: 'local_work' },
  ]
  const ids: Record<string, number> = {}
  let seq = 400
  for (const p of people) {
    seq += 1
    const body = personBody({ idNumber: idNumberFor(seq, '19900101'), phone: `139000${String(seq).padStart(5, '0')}`, villageId: c1, ...p })
    const res = await app.inject({ method: 'POST', url: '/api/staff/people', headers: { ...bearer(admin), 'idempotency-key': freshKey('fixture') }, payload: body })
    if (res.statusCode !== 201) throw new Error(`${p.name}: ${res.body}`)
    ids[p.name] = res.json().id
  }
  // Sessions do not last a year: sign in again on each day the clock jumps to.
  setClock(at(CHANGED))
  admin = (await staffSignIn(app, 'admin', passwords.admin)).token
  const patch = async (name: string, body: object) => {
    const res = await app.inject({ method: 'PATCH', url: `/api/staff/people/${ids[name]}`, headers: bearer(admin), payload: body })
    if (res.statusCode !== 200) throw new Error(`${name}: ${res.body}`)
  }
  // 周五 goes to 苏州 through the station; 孙三 comes home; 冯九 now wants to go.
  await patch('周五', { status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '苏州市', trade: '普工', incomeBand: '3000_5000', howWent: organised(kunshan) })
  await patch('孙三', { status: 'returned', returnReason: 'lost_job', destinationProvince: null, destinationCity: null, howWent: null })
  await patch('冯九', { status: 'willing' })
  setClock(at('2026-03-20'))
  admin = (await staffSignIn(app, 'admin', passwords.admin)).token
  const station = (await staffSignIn(app, 'kunshan', passwords.kunshan)).token
  const luomen = await openAccount(app, admin, 'fx-luomen', { role: 'township', township: '洛门镇' })
  const chengguan = await openAccount(app, admin, 'fx-chengguan', { role: 'township', township: '城关镇' })
  const village = await openAccount(app, admin, 'fx-village', { role: 'village', township: '洛门镇', village: v1v.name })
  return { admin, luomen, chengguan, village, station, v1, v2, c1, ids }
}
