/**
 * The village list this session last read, kept in memory so each person's screen opens at once (a village of a
 * thousand people is not fetched again per person on one bar of signal), and checks made offline show at once.
 */
import { saveRead } from '@/api'
import type { HowWent } from '@contract/roster'
import type { RosterLink } from '@contract/roster-activity'
import { orderForSurvey, surveyChangeFields, type SurveyCheckBody, type SurveyPerson, type staffSurveyVillage } from '@contract/survey'
import type { ResponseOf, StaffMember } from '@contract'
import type { SurveyRound } from '@contract/survey'

export type VillageAnswer = ResponseOf<typeof staffSurveyVillage>

const remembered = new Map<string, VillageAnswer>()

export function rememberVillage(key: string, data: VillageAnswer): void {
  remembered.set(key, data)
}

export function rememberedVillage(key: string): VillageAnswer | undefined {
  return remembered.get(key)
}

/**
 * A person as a check kept on the phone leaves them: what it changed (the status rule already applied by the form,
 * which sends every field the new status drops), the record its "how they went" names, checked.
 */
export function applyCheck(p: SurveyPerson, body: SurveyCheckBody, link: RosterLink | null | undefined): SurveyPerson {
  const changed = Object.fromEntries(Object.entries(body).filter(([k, v]) => k in surveyChangeFields && v !== undefined)) as Partial<SurveyPerson>
  const how = body.howWent === undefined ? {} : { howWent: (body.howWent as HowWent | null) ?? null, howWentLink: link ?? null }
  return { ...p, ...changed, ...how, note: body.note ?? p.note, checked: true }
}

/**
 * A person as the phone now knows them (the server's answer, or checked and waiting to be sent). `keep`: also kept
 * as the phone's saved copy of the list, so a check waiting without signal still shows after the app is closed.
 */
export function updateRemembered(key: string, personId: number, change: (p: SurveyPerson) => SurveyPerson, keep = false): void {
  const data = remembered.get(key)
  if (!data) return
  let newlyChecked = 0
  const people = data.households.flatMap((h) => h.members).map((p) => {
    if (p.id !== personId) return p
    const next = change(p)
    if (next.checked && !p.checked) newlyChecked++
    return next
  })
  const next = { ...data, households: orderForSurvey(people), checked: data.checked + newlyChecked }
  remembered.set(key, next)
  if (keep) saveRead(key, next)
}

/** The officer and the rounds as this session last knew them: the next person's screen opens at once without signal. */
let session: { staff: StaffMember; rounds: SurveyRound[] } | null = null

export function rememberSession(staff: StaffMember, rounds: SurveyRound[]): void {
  session = { staff, rounds }
}

export const rememberedSession = () => session

export function forgetVillagesForTests(): void {
  remembered.clear()
  session = null
}
