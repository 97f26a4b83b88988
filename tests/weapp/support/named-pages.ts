// Which test file names what each page of the mini-program shows. A page added to app.json without a line here
// fails the suite (pages.test.ts compares this list with the build): "it draws something" is not a test.
import type { AppJson } from './wx-double'

export type WeappTestFile = 'pages.test.ts' | 'signed-in-pages.test.ts' | 'staff-pages.test.ts' | 'survey-pages.test.ts'

/**
 * Every route of the build and the files that name what it shows. The first file names the page with the session
 * it is for (a signed-in worker, a staff member); pages.test.ts also names what a phone nobody signed in on gets.
 */
export const namedPages: Record<string, WeappTestFile[]> = {
  'pages/jobs/index': ['pages.test.ts'],
  'pages/training/index': ['pages.test.ts'],
  'pages/rights/index': ['pages.test.ts'],
  'pages/stations/index': ['pages.test.ts'],
  'pages/me/index': ['pages.test.ts'],

  'packages/jobs/pages/detail/index': ['pages.test.ts'],
  'packages/jobs/pages/applications/index': ['signed-in-pages.test.ts', 'pages.test.ts'],
  'packages/jobs/pages/local/index': ['pages.test.ts'],
  'packages/jobs/pages/live/index': ['pages.test.ts'],
  'packages/jobs/pages/day-attendance/index': ['pages.test.ts'],

  'packages/training/pages/detail/index': ['pages.test.ts'],
  'packages/training/pages/mine/index': ['signed-in-pages.test.ts', 'pages.test.ts'],
  'packages/training/pages/request/index': ['signed-in-pages.test.ts', 'pages.test.ts'],

  'packages/rights/pages/guide/index': ['pages.test.ts'],
  'packages/rights/pages/new/index': ['signed-in-pages.test.ts', 'pages.test.ts'],
  'packages/rights/pages/callback/index': ['signed-in-pages.test.ts', 'pages.test.ts'],
  'packages/rights/pages/done/index': ['signed-in-pages.test.ts'],
  'packages/rights/pages/mine/index': ['signed-in-pages.test.ts', 'pages.test.ts'],
  'packages/rights/pages/case/index': ['signed-in-pages.test.ts', 'pages.test.ts'],

  'packages/stations/pages/detail/index': ['pages.test.ts'],
  'packages/stations/pages/jobs/index': ['pages.test.ts'],

  'packages/me/pages/about/index': ['pages.test.ts'],
  'packages/me/pages/sign-in/index': ['pages.test.ts'],
  'packages/me/pages/profile/index': ['pages.test.ts'],
  'packages/me/pages/privacy/index': ['pages.test.ts'],
  'packages/me/pages/export/index': ['pages.test.ts'],
  'packages/me/pages/delete/index': ['pages.test.ts'],
  'packages/me/pages/work-check/index': ['pages.test.ts'],

  'packages/transport/pages/list/index': ['pages.test.ts'],
  'packages/transport/pages/mine/index': ['signed-in-pages.test.ts', 'pages.test.ts'],
  'packages/messages/pages/inbox/index': ['pages.test.ts'],
  'packages/worklog/pages/index/index': ['pages.test.ts'],
  'packages/worklog/pages/employer/index': ['pages.test.ts'],
  'packages/worklog/pages/employer-new/index': ['pages.test.ts'],
  'packages/worklog/pages/entry/index': ['pages.test.ts'],
  'packages/worklog/pages/payment/index': ['pages.test.ts'],
  'packages/worklog/pages/evidence/index': ['pages.test.ts'],
  'packages/worklog/pages/check/index': ['pages.test.ts'],
  'packages/worklog/pages/employer-edit/index': ['pages.test.ts'],
  'packages/worklog/pages/join/index': ['pages.test.ts'],

  'packages/subsidies/pages/mine/index': ['pages.test.ts'],
  'packages/subsidies/pages/review/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/subsidies/pages/publicity/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/subsidies/pages/payment/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/subsidies/pages/schemes/index': ['staff-pages.test.ts', 'pages.test.ts'],

  'packages/policies/pages/index/index': ['pages.test.ts'],
  'packages/policies/pages/detail/index': ['pages.test.ts'],

  'packages/survey/pages/index/index': ['survey-pages.test.ts', 'pages.test.ts'],
  'packages/survey/pages/person/index': ['survey-pages.test.ts', 'pages.test.ts'],
  'packages/survey/pages/progress/index': ['survey-pages.test.ts', 'pages.test.ts'],
  'packages/survey/pages/add/index': ['survey-pages.test.ts', 'pages.test.ts'],

  'packages/staff/pages/index/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/staff/pages/cases/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/staff/pages/case/index': ['staff-pages.test.ts'],
  'packages/staff/pages/jobs/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/staff/pages/job/index': ['staff-pages.test.ts'],
  'packages/staff/pages/training/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/staff/pages/course/index': ['staff-pages.test.ts'],
  'packages/staff/pages/course-edit/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/staff/pages/ledgers/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/staff/pages/accounts/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/staff/pages/batches/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/staff/pages/batch/index': ['staff-pages.test.ts'],
  'packages/staff/pages/policies/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/staff/pages/policy/index': ['staff-pages.test.ts'],
  'packages/staff/pages/alerts/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/staff/pages/day-jobs/index': ['pages.test.ts'],
  'packages/staff/pages/employer/index': ['pages.test.ts'],
  'packages/staff/pages/hiring-events/index': ['pages.test.ts'],

  'packages/roster/pages/people/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/roster/pages/person/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/roster/pages/person-new/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/roster/pages/figures/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/roster/pages/follow-ups/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/roster/pages/risks/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/roster/pages/unconfirmed/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/roster/pages/import/index': ['staff-pages.test.ts', 'pages.test.ts'],
  'packages/roster/pages/villages/index': ['staff-pages.test.ts', 'pages.test.ts'],
}

/** The routes `file` names: its expectations must be exactly these. */
export function routesNamedBy(file: WeappTestFile): string[] {
  return Object.keys(namedPages).filter((route) => namedPages[route].includes(file))
}

/** Every page of a build: the main package and each subpackage. */
export function buildRoutes(app: AppJson): string[] {
  return [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
}
