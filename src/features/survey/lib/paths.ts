/** 摸排 pages (subpackage packages/survey). */
export const surveyPaths = {
  /** A village's list: an informant's own, or (township officers, admins) the one named. */
  village: (roundId?: number, villageId?: number) => `/packages/survey/pages/index/index${villageId ? `?round=${roundId}&village=${villageId}` : ''}`,
  person: (roundId: number, personId: number, villageId: number | null) => `/packages/survey/pages/person/index?round=${roundId}&person=${personId}${villageId ? `&village=${villageId}` : ''}`,
  progress: (roundId?: number) => `/packages/survey/pages/progress/index${roundId ? `?round=${roundId}` : ''}`,
  add: (roundId: number, householdId: number | null, villageId: number | null) =>
    `/packages/survey/pages/add/index?round=${roundId}${householdId ? `&household=${householdId}` : ''}${villageId ? `&village=${villageId}` : ''}`,
  staffHome: '/packages/staff/pages/index/index',
}
