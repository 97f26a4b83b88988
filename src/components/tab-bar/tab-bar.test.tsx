import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { pageChangeUndoneEvent } from '@/lib/page-load-failure'
import { TabBar } from './tab-bar.h5'
import { tabIndexOf, tabs } from './tabs'

// app.config.ts is read by Taro at build time through a global it provides.
;(globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c
 
type AppConfig = { pages: string[]; tabBar: { list: Array<{ pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }> } }
/** app.config.ts as the build for one platform reads it. */
function appConfigFor(platform: 'h5' | 'weapp'): AppConfig {
  const was = process.env.TARO_ENV
  process.env.TARO_ENV = platform
  try {
    let config: AppConfig | undefined
    jest.isolateModules(() => {
      config = require('../../app.config').default
    })
    return config!
  } finally {
    process.env.TARO_ENV = was
  }
}
const appConfig = appConfigFor('weapp')

test('the drawn tabs are the tabs app.config.ts declares, in its order, and all are main-package pages', () => {
  expect(appConfig.tabBar.list.map(({ pagePath, text }) => ({ pagePath, text }))).toEqual(tabs.map((t) => ({ pagePath: t.path.slice(1), text: t.text })))
  for (const t of tabs) expect(appConfig.pages).toContain(t.path.slice(1))
})

test('every tab has its picture for WeChat: a PNG of 81×81 under WeChat’s 40 KB, one for off and one for on', () => {
  for (const [i, t] of tabs.entries()) {
    const { iconPath, selectedIconPath } = appConfig.tabBar.list[i]
    expect([iconPath, selectedIconPath]).toEqual([`assets/tab-bar/${t.icon}.png`, `assets/tab-bar/${t.icon}-on.png`])
    for (const file of [iconPath, selectedIconPath]) {
      const png = readFileSync(join(__dirname, '../..', file!))
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
      // IHDR: width and height, big-endian, right after the signature and the chunk's length and name.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([81, 81])
      expect(png.length).toBeLessThan(40 * 1024)
    }
  }
  // The portal draws them inline instead: Taro's H5 entry would put every PNG named here into the first script.
  expect(appConfigFor('h5').tabBar.list.filter((t) => t.iconPath || t.selectedIconPath)).toEqual([])
  // Off and on differ (the on one is filled).
  expect(readFileSync(join(__dirname, '../../assets/tab-bar/jobs.png')).equals(readFileSync(join(__dirname, '../../assets/tab-bar/jobs-on.png')))).toBe(false)
})

test('a browser path maps to its tab; the site root is the first tab; other pages have none', () => {
  expect(tabIndexOf('/')).toBe(0)
  expect(tabIndexOf('/pages/stations/index')).toBe(3)
  expect(tabIndexOf('/pages/me/index/')).toBe(4)
  expect(tabIndexOf('/packages/jobs/pages/detail/index')).toBe(-1)
})

describe('H5 tab bar', () => {
  const switchTab = jest.spyOn(Taro, 'switchTab').mockImplementation(() => Promise.resolve({ errMsg: 'switchTab:ok' }))
  beforeEach(() => {
    window.history.replaceState(null, '', '/')
    switchTab.mockClear()
  })

  test('is a labelled menu of links that marks the open tab and switches tabs on a tap', () => {
    render(<TabBar />)
    const menu = screen.getByRole('navigation', { name: '主菜单' })
    expect(menu.parentElement).toBe(document.body)
    const links = screen.getAllByRole('link')
    expect(links.map((a) => a.textContent)).toEqual(['找工作', '培训', '维权', '找组织', '我的'])
    // A picture above each word, hidden from screen readers (the word says it); filled only on the open tab.
    for (const a of links) expect(a.querySelector('svg.tab-bar__icon')?.getAttribute('aria-hidden')).toBe('true')
    expect(links[0].querySelectorAll('.tab-bar__icon-body path')).toHaveLength(1)
    expect(links[0].className).toContain('tab-bar__item--on')
    expect(screen.getByRole('link', { name: '找工作' }).getAttribute('aria-current')).toBe('page')
    expect(screen.getByRole('link', { name: '我的' }).getAttribute('href')).toBe('/pages/me/index')

    fireEvent.click(screen.getByRole('link', { name: '我的' }))
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
    // The open tab again does nothing.
    fireEvent.click(screen.getByRole('link', { name: '找工作' }))
    expect(switchTab).toHaveBeenCalledTimes(1)
  })

  test('follows the router, and is not drawn over a page that is not a tab', () => {
    render(<TabBar />)
    act(() => void Taro.eventCenter.trigger('__taroRouterChange', { toLocation: { path: '/pages/rights/index' } }))
    expect(screen.getByRole('link', { name: '维权' }).getAttribute('aria-current')).toBe('page')
    expect(screen.getByRole('link', { name: '找工作' }).getAttribute('aria-current')).toBeNull()
    act(() => void Taro.eventCenter.trigger('__taroRouterChange', { toLocation: { path: '/packages/rights/pages/new/index' } }))
    expect(screen.queryByRole('navigation')).toBeNull()
  })

  test('marks the tab still on screen again when the tapped one could not be opened', () => {
    window.history.replaceState(null, '', '/pages/training/index')
    render(<TabBar />)
    act(() => void Taro.eventCenter.trigger('__taroRouterChange', { toLocation: { path: '/pages/me/index' } }))
    expect(screen.getByRole('link', { name: '我的' }).getAttribute('aria-current')).toBe('page')
    // page-load-failure has put the address back.
    act(() => void Taro.eventCenter.trigger(pageChangeUndoneEvent))
    expect(screen.getByRole('link', { name: '培训' }).getAttribute('aria-current')).toBe('page')
  })
})
