/**
 * The village list this session last read, kept in memory so each person's screen opens at once (a village of a
 * thousand people is not fetched again per person on one bar of signal), and checks made offline show at once.
 */
import { orderForSurvey, type SurveyPerson, type staffSurveyVillage } from '@contract/survey'
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

/** A person as the phone now knows them (the server's answer, or checked and waiting to be sent). */
export function updateRemembered(key: string, personId: number, change: (p: SurveyPerson) => SurveyPerson): void {
  const data = remembered.get(key)
  if (!data) return
  let newlyChecked = 0
  const people = data.households.flatMap((h) => h.members).map((p) => {
    if (p.id !== personId) return p
    const next = change(p)
    if (next.checked && !p.checked) newlyChecked++
    return next
  })
  remembered.set(key, { ...data, households: orderForSurvey(people), checked: data.checked + newlyChecked })
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
