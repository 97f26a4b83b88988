// WeChat's tab bar shows these PNGs (scripts/make-icons.mjs). Not on H5: Taro's H5 entry would inline every one of
// them into the first script, and the portal's own bar draws the same pictures inline (src/components/tab-bar).
const icons = (name: string) =>
  process.env.TARO_ENV === 'h5' ? {} : { iconPath: `assets/tab-bar/${name}.png`, selectedIconPath: `assets/tab-bar/${name}-on.png` }

// Main package: only the five tabs. Everything else lives in one subpackage per area, loaded when first opened.
export default defineAppConfig({
  pages: ['pages/jobs/index', 'pages/training/index', 'pages/rights/index', 'pages/stations/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/jobs', pages: ['pages/detail/index', 'pages/applications/index', 'pages/local/index', 'pages/live/index', 'pages/day-attendance/index'] },
    { root: 'packages/training', pages: ['pages/detail/index', 'pages/mine/index', 'pages/request/index'] },
    { root: 'packages/rights', pages: ['pages/guide/index', 'pages/new/index', 'pages/callback/index', 'pages/done/index', 'pages/mine/index', 'pages/case/index'] },
    { root: 'packages/stations', pages: ['pages/detail/index', 'pages/jobs/index'] },
    {
      root: 'packages/me',
      pages: [
        'pages/about/index',
        'pages/sign-in/index',
        'pages/profile/index',
        'pages/privacy/index',
        'pages/export/index',
        'pages/delete/index',
        'pages/work-check/index',
      ],
    },
    { root: 'packages/transport', pages: ['pages/list/index', 'pages/mine/index'] },
    { root: 'packages/messages', pages: ['pages/inbox/index'] },
    { root: 'packages/policies', pages: ['pages/index/index', 'pages/detail/index'] },
    // The county's labour roster: people, a person, a household added at the door, the figures with their charts, and
    // what follows a move: follow-up calls, the risk list, self-registered people to confirm; the county's Excel ledger
    // in; admins keep the villages.
    { root: 'packages/roster', pages: ['pages/people/index', 'pages/person/index', 'pages/person-new/index', 'pages/figures/index', 'pages/follow-ups/index', 'pages/risks/index', 'pages/unconfirmed/index', 'pages/import/index', 'pages/villages/index'] },
    { root: 'packages/worklog', pages: ['pages/index/index', 'pages/employer/index', 'pages/employer-new/index', 'pages/entry/index', 'pages/payment/index', 'pages/evidence/index', 'pages/check/index', 'pages/employer-edit/index', 'pages/join/index'] },
    { root: 'packages/survey', pages: ['pages/index/index', 'pages/person/index', 'pages/progress/index', 'pages/add/index'] },
    // 补贴免审即享: the worker's own subsidies, and the staff's review queue, 公示 list, payment and schemes.
    { root: 'packages/subsidies', pages: ['pages/mine/index', 'pages/review/index', 'pages/publicity/index', 'pages/payment/index', 'pages/schemes/index'] },
    {
      root: 'packages/staff',
      pages: [
        'pages/index/index',
        'pages/cases/index',
        'pages/case/index',
        'pages/jobs/index',
        'pages/job/index',
        'pages/employer/index',
        'pages/training/index',
        'pages/course/index',
        'pages/course-edit/index',
        'pages/ledgers/index',
        'pages/accounts/index',
        'pages/batches/index',
        'pages/batch/index',
        'pages/policies/index',
        'pages/policy/index',
        'pages/alerts/index',
        'pages/day-jobs/index',
        'pages/hiring-events/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f2f4f7',
    navigationBarBackgroundColor: '#1558b0',
    navigationBarTitleText: '务工通',
    navigationBarTextStyle: 'white',
  },
  // A picture above each word, for those who read little. #4a4a4a on white is 8.9:1, #1558b0 on white is 6.6:1.
  tabBar: {
    // H5 draws its own (src/components/tab-bar): Taro's is a web component whose runtime slows the first load.
    custom: process.env.TARO_ENV === 'h5',
    color: '#4a4a4a',
    selectedColor: '#1558b0',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/jobs/index', text: '找工作', ...icons('jobs') },
      { pagePath: 'pages/training/index', text: '培训', ...icons('training') },
      { pagePath: 'pages/rights/index', text: '维权', ...icons('rights') },
      { pagePath: 'pages/stations/index', text: '找组织', ...icons('stations') },
      { pagePath: 'pages/me/index', text: '我的', ...icons('me') },
    ],
  },
  // H5: pages change at once, without the router's slide. With the slide, the page left behind is hidden on a timer
  // that going back does not cancel: 返回 within a third of a second drew a blank page. A slide is also a cost on a
  // cheap phone.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  // WeChat fetches these subpackages in the background once the tab shows, so the first tap on a posting or on
  // 我要求助 does not wait for a download on a weak network. Wi-Fi only for the rest: data costs the worker money.
  preloadRule: {
    'pages/jobs/index': { network: 'all', packages: ['packages/jobs', 'packages/rights'] },
    'pages/rights/index': { network: 'all', packages: ['packages/rights'] },
    'pages/training/index': { network: 'wifi', packages: ['packages/training'] },
    'pages/stations/index': { network: 'wifi', packages: ['packages/stations'] },
  },
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于查找离您最近的党支部和劳务工作站' },
  },
  lazyCodeLoading: 'requiredComponents',
})
