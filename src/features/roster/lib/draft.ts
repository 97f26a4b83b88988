import type { CreatePersonBody, HowWent, Person, UpdatePersonBody } from '@contract/roster'

/** A person as the form holds it: text boxes and chips, '' for "not filled". */
export interface PersonDraft {
  name: string
  idNumber: string
  phone: string
  township: string
  villageId: string
  group: string
  relation: string
  poverty: string
  workAbility: string
  status: string
  returnReason: string
  destinationProvince: string
  destinationCity: string
  employer: string
  trade: string
  incomeBand: string
  howWentKind: string
  channel: string
  stationId: string
  batchId: string
  jobId: string
  courseId: string
  brokerName: string
  statusSince: string
  statusLastYear: string
}

export function emptyDraft(place: { township?: string | null; villageId?: number | null } = {}, relation = 'head'): PersonDraft {
  return {
    name: '',
    idNumber: '',
    phone: '',
    township: place.township ?? '',
    villageId: place.villageId ? String(place.villageId) : '',
    group: '',
    relation,
    poverty: '',
    workAbility: 'full',
    status: '',
    returnReason: '',
    destinationProvince: '',
    destinationCity: '',
    employer: '',
    trade: '',
    incomeBand: '',
    howWentKind: '',
    channel: '',
    stationId: '',
    batchId: '',
    jobId: '',
    courseId: '',
    brokerName: '',
    statusSince: '',
    statusLastYear: '',
  }
}

const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v))

export function draftOf(p: Person): PersonDraft {
  const h = p.howWent
  return {
    name: p.name,
    idNumber: s(p.idNumber),
    phone: s(p.phone),
    township: p.township,
    villageId: String(p.villageId),
    group: s(p.group),
    relation: p.relation,
    poverty: p.poverty,
    workAbility: p.workAbility,
    status: p.status,
    returnReason: s(p.returnReason),
    destinationProvince: s(p.destinationProvince),
    destinationCity: s(p.destinationCity),
    employer: s(p.employer),
    trade: s(p.trade),
    incomeBand: s(p.incomeBand),
    howWentKind: s(h?.kind),
    channel: s(h?.channel),
    stationId: s(h?.stationId),
    batchId: s(h?.batchId),
    jobId: s(h?.jobId),
    courseId: s(h?.courseId),
    brokerName: s(h?.brokerName),
    statusSince: s(p.statusSince),
    statusLastYear: s(p.statusLastYear),
  }
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim())
/** An empty required choice stays undefined, so the contract says 请选择… rather than a type error. */
const orUndefined = (v: string) => (v.trim() === '' ? undefined : v.trim())
const idOrNull = (v: string) => (v.trim() === '' ? null : Number(v.trim()))

function howWentOf(d: PersonDraft): HowWent | null {
  if (!d.howWentKind) return null
  const organised = d.howWentKind === 'organised'
  const channel = organised ? d.channel : ''
  return {
    kind: d.howWentKind as HowWent['kind'],
    channel: (orNull(channel) as HowWent['channel']) ?? null,
    stationId: channel === 'station' ? idOrNull(d.stationId) : null,
    batchId: channel === 'batch' ? idOrNull(d.batchId) : null,
    jobId: channel === 'posting' ? idOrNull(d.jobId) : null,
    courseId: channel === 'training' ? idOrNull(d.courseId) : null,
    brokerName: channel === 'broker' ? orNull(d.brokerName) : null,
  }
}

/** The record's fields as the contract takes them (the household part is the caller's). */
function fieldsOf(d: PersonDraft) {
  return {
    name: d.name.trim(),
    idNumber: d.idNumber.trim(),
    phone: orNull(d.phone),
    township: orUndefined(d.township),
    villageId: d.villageId ? Number(d.villageId) : undefined,
    group: orNull(d.group),
    relation: d.relation,
    poverty: orUndefined(d.poverty),
    workAbility: d.workAbility,
    status: orUndefined(d.status),
    returnReason: orNull(d.returnReason),
    destinationProvince: orNull(d.destinationProvince),
    destinationCity: orNull(d.destinationCity),
    employer: orNull(d.employer),
    trade: orNull(d.trade),
    incomeBand: orNull(d.incomeBand),
    howWent: howWentOf(d),
    statusSince: orNull(d.statusSince),
    statusLastYear: orNull(d.statusLastYear),
  }
}

export function createBodyOf(d: PersonDraft, householdId: number | null): CreatePersonBody {
  return { ...fieldsOf(d), householdId } as CreatePersonBody
}

/** Only what the form changed, with the version it was read at (a newer one on the server is a 409). */
export function updateBodyOf(d: PersonDraft, original: Person): UpdatePersonBody {
  const now = fieldsOf(d) as Record<string, unknown>
  const before = fieldsOf(draftOf(original)) as Record<string, unknown>
  const changed = Object.fromEntries(Object.entries(now).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])))
  return { ...changed, version: original.version } as UpdatePersonBody
}
