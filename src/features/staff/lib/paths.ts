import type { StaffRole } from '@contract/staff'
/** Workbench pages (subpackage packages/staff). */
export const staffPaths = {
  home: '/packages/staff/pages/index/index',
  /** 提醒: the staff member's own alerts. */
  alerts: '/packages/staff/pages/alerts/index',
  cases: '/packages/staff/pages/cases/index',
  /** The queue opened on one view: overdue, open (在办), mine (我负责的) or a status. */
  casesIn: (view: string) => `/packages/staff/pages/cases/index?view=${encodeURIComponent(view)}`,
  case: (trackingNo: string) => `/packages/staff/pages/case/index?no=${encodeURIComponent(trackingNo)}`,
  jobs: '/packages/staff/pages/jobs/index',
  job: (id?: number) => `/packages/staff/pages/job/index${id ? `?id=${id}` : ''}`,
  /** 用工单位档案 */
  employer: (id: number) => `/packages/staff/pages/employer/index?id=${id}`,
  training: '/packages/staff/pages/training/index',
  course: (id: number) => `/packages/staff/pages/course/index?id=${id}`,
  /** Without an id: open a new course. */
  courseEdit: (id?: number) => `/packages/staff/pages/course-edit/index${id ? `?id=${id}` : ''}`,
  ledgers: '/packages/staff/pages/ledgers/index',
  accounts: '/packages/staff/pages/accounts/index',
  batches: '/packages/staff/pages/batches/index',
  /** Without an id: schedule a new batch. */
  batch: (id?: number) => `/packages/staff/pages/batch/index${id ? `?id=${id}` : ''}`,
  policies: '/packages/staff/pages/policies/index',
  /** 零工到岗: who signed up for a day, who came. */
  dayJobs: '/packages/staff/pages/day-jobs/index',
  /** 直播带岗: events and their funnel. */
  hiringEvents: '/packages/staff/pages/hiring-events/index',
  /** Without an id: publish a new article. */
  policy: (id?: number) => `/packages/staff/pages/policy/index${id ? `?id=${id}` : ''}`,
  /** The labour roster's own subpackage (features/roster has the filtered links). */
  people: '/packages/roster/pages/people/index',
  figures: '/packages/roster/pages/figures/index',
  followUps: '/packages/roster/pages/follow-ups/index',
  risks: '/packages/roster/pages/risks/index',
  unconfirmed: '/packages/roster/pages/unconfirmed/index',
  rosterImport: '/packages/roster/pages/import/index',
  villages: '/packages/roster/pages/villages/index',
  /** 补贴 (subpackage packages/subsidies): the review queue, the 公示 list, payment and the schemes. */
  subsidyReview: '/packages/subsidies/pages/review/index',
  subsidyPublicity: '/packages/subsidies/pages/publicity/index',
  subsidyPayment: '/packages/subsidies/pages/payment/index',
  subsidySchemes: '/packages/subsidies/pages/schemes/index',
}

/** 摸排 (subpackage packages/survey): an informant's village list; officers and admins start from the progress. */
const survey = (role: StaffRole) =>
  role === 'village' ? { label: '摸排', path: '/packages/survey/pages/index/index' } : { label: '摸排进度', path: '/packages/survey/pages/progress/index' }

/** The county's Excel ledger into the roster: township officers (their township) and admins; informants do not import. */
const rosterImport = { label: '导入台账', path: staffPaths.rosterImport }

/** 补贴: township officers review and publish their township's claims; admins also pay them and keep the schemes. */
const subsidies = (role: StaffRole) => [
  { label: '补贴审核', path: staffPaths.subsidyReview },
  { label: '补贴公示', path: staffPaths.subsidyPublicity },
  ...(role === 'admin'
    ? [
        { label: '补贴发放', path: staffPaths.subsidyPayment },
        { label: '补贴项目', path: staffPaths.subsidySchemes },
      ]
    : []),
]

/** The workbench menu: on the home page as big buttons, beside every page on a desk. */
export function staffMenu(role: StaffRole): { label: string; path: string }[] {
  return [{ label: '提醒', path: staffPaths.alerts }, ...workMenu(role)]
}

function workMenu(role: StaffRole): { label: string; path: string }[] {
  // Township officers and village informants work on the roster of their place; the station's queues are not theirs.
  const followUp = [
    { label: '回访名单', path: staffPaths.followUps },
    { label: '风险名单', path: staffPaths.risks },
    { label: '待确认', path: staffPaths.unconfirmed },
  ]
  if (role === 'township') return [survey(role), { label: '劳动力台账', path: staffPaths.people }, ...followUp, { label: '台账', path: staffPaths.ledgers }, rosterImport, { label: '输转统计', path: staffPaths.figures }, ...subsidies(role), { label: '政策解读', path: staffPaths.policies }]
  if (role === 'village') return [survey(role), { label: '劳动力台账', path: staffPaths.people }, ...followUp, { label: '台账', path: staffPaths.ledgers }, { label: '政策解读', path: staffPaths.policies }]
  return [
    { label: '求助案件', path: staffPaths.cases },
    { label: '岗位', path: staffPaths.jobs },
    { label: '培训', path: staffPaths.training },
    { label: '台账', path: staffPaths.ledgers },
    { label: '点对点专车', path: staffPaths.batches },
    { label: '零工到岗', path: staffPaths.dayJobs },
    { label: '直播带岗', path: staffPaths.hiringEvents },
    { label: '政策解读', path: staffPaths.policies },
    ...(role === 'admin'
      ? [
          survey(role),
          { label: '劳动力台账', path: staffPaths.people },
          ...followUp,
          rosterImport,
          { label: '输转统计', path: staffPaths.figures },
          ...subsidies(role),
          { label: '村庄管理', path: staffPaths.villages },
          { label: '账号', path: staffPaths.accounts },
        ]
      : []),
  ]
}

/** The first field message of an API error, else its message. */
export function errorText(e: unknown, fallback = '没有成功，请再试一次'): string {
  const err = e as { fields?: Record<string, string>; message?: string } | null
  if (err?.fields && Object.keys(err.fields).length) return Object.values(err.fields)[0]
  return err?.message || fallback
}
