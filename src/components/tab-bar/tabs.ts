import type { TabIconName } from './tab-icons'

/** The five tabs, in the order app.config.ts lists them (tab-bar.test.ts keeps the two the same). */
export const tabs = [
  { path: '/pages/jobs/index', text: '找工作', icon: 'jobs' },
  { path: '/pages/training/index', text: '培训', icon: 'training' },
  { path: '/pages/rights/index', text: '维权', icon: 'rights' },
  { path: '/pages/stations/index', text: '找组织', icon: 'stations' },
  { path: '/pages/me/index', text: '我的', icon: 'me' },
] as const satisfies ReadonlyArray<{ path: string; text: string; icon: TabIconName }>

/** Which tab a browser path shows: the site root is the first tab; -1 for any page that is not a tab. */
export function tabIndexOf(pathname: string): number {
  const path = pathname === '/' || pathname === '' ? tabs[0].path : pathname.replace(/\/$/, '')
  return tabs.findIndex((t) => t.path === path)
}
