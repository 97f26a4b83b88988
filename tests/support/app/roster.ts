/** For the roster page tests: people, villages, officers and figures as the server answers them. */
import type { Person, PersonHistoryEntry } from '@contract/roster'
import type { StaffMember } from '@contract/staff'
import type { LabourFigures } from '@contract/labour-figures'
import type { PersonContact } from '@contract/roster-follow-up'

export const townshipOfficer: StaffMember = { id: 7, username: 'lm-officer', displayName: '洛门镇劳务专干', role: 'township', stationId: null, stationName: null, mustChangePassword: false, township: '洛门镇', villageId: null, village: null }
export const villageInformant: StaffMember = { id: 8, username: 'mp-informant', displayName: '马坪村信息员', role: 'village', stationId: null, stationName: null, mustChangePassword: false, township: '洛门镇', villageId: 31, village: '马坪村' }

export const villages = [
  { id: 31, township: '洛门镇' as const, code: '620524101201', name: '马坪村', officialName: '马坪村民委员会' },
  { id: 32, township: '洛门镇' as const, code: '620524101202', name: '黄河村', officialName: '黄河村民委员会' },
]

export function person(over: Partial<Person> = {}): Person {
  return {
    id: 101,
    name: '王小明',
    idNumber: '620524198801011237',
    phone: '13700000001',
    piiMasked: false,
    sex: 'male',
    birthYear: 1988,
    township: '洛门镇',
    villageId: 31,
    village: '马坪村',
    group: '3组',
    householdId: 55,
    relation: 'head',
    poverty: 'alleviated',
    workAbility: 'full',
    status: 'away_other_province',
    returnReason: null,
    destinationProvince: '江苏省',
    destinationCity: '苏州市',
    employer: null,
    trade: '电工',
    incomeBand: '5000_8000',
    howWent: { kind: 'organised', channel: 'station', stationId: 2, batchId: null, jobId: null, courseId: null, brokerName: null },
    statusSince: '2026-03-01',
    statusLastYear: 'away_other_province',
    userId: null,
    version: 3,
    source: 'staff',
    createdAt: '2026-01-05T02:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
    ...over,
  }
}

export function historyEntry(over: Partial<PersonHistoryEntry> = {}): PersonHistoryEntry {
  return { version: 1, at: '2026-01-05T02:00:00.000Z', source: 'staff', staff: { id: 7, displayName: '洛门镇劳务专干' }, userId: null, changes: [], ...over }
}

const period = (away: number, organised: number) => ({ away, organised, organisedRate: away ? Math.round((organised / away) * 10000) / 10000 : 0 })

/** A county's figures: 3,120 working in 江苏省, 1,000 in 浙江省; two months of the year. */
export function labourFigures(over: Partial<LabourFigures> = {}): LabourFigures {
  const asOf = '2026-11-30'
  return {
    year: 2026,
    township: null,
    asOf,
    yearToDate: { ...period(4120, 3500), incomeYuan: 26_780_000, awayWithoutIncomeBand: 12, lastYear: { ...period(3900, 3100), incomeYuan: 24_000_000 }, filter: { kind: 'away', asOf } },
    months: [
      { month: '2026-10', asOf: '2026-10-31', ...period(4000, 3400), incomeYuan: 26_000_000, lastYear: { ...period(3800, 3000), incomeYuan: 23_000_000 }, filter: { kind: 'away', asOf: '2026-10-31' } },
      { month: '2026-11', asOf, ...period(4120, 3500), incomeYuan: 26_780_000, lastYear: { ...period(3900, 3100), incomeYuan: 24_000_000 }, filter: { kind: 'away', asOf } },
    ],
    byProvince: [
      { province: '江苏省', ...period(3120, 2800), lastYear: period(3000, 2500), filter: { kind: 'away', destination: '江苏省', asOf } },
      { province: '浙江省', ...period(1000, 700), lastYear: period(900, 600), filter: { kind: 'away', destination: '浙江省', asOf } },
    ],
    byTownship: [
      { township: '洛门镇', ...period(2500, 2200), lastYear: period(2400, 2000), filter: { kind: 'away', township: '洛门镇', asOf } },
      { township: '城关镇', ...period(1620, 1300), lastYear: period(1500, 1100), filter: { kind: 'away', township: '城关镇', asOf } },
    ],
    ...over,
  }
}

export function contact(over: Partial<PersonContact> = {}): PersonContact {
  return { id: 1, personId: 101, channel: 'call', outcome: 'still_working', note: '', contactedOn: '2026-11-20', staff: { id: 7, displayName: '洛门镇劳务专干' }, createdAt: '2026-11-20T02:00:00.000Z', ...over }
}
