import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { pageChangeUndoneEvent } from '@/lib/page-load-failure'
import { TabBar } from './tab-bar.h5'
import { tabIndexOf, tabs } from './tabs'

// app.config.ts is read by Taro at build time through a global it provides.
;(globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c
 
const appConfig = require('../../app.config').default as { pages: string[]; tabBar: { list: Array<{ pagePath: string; text: string }> } }

test('the drawn tabs are the tabs app.config.ts declares, in its order, and all are main-package pages', () => {
  expect(tabs.map((t) => ({ pagePath: t.path.slice(1), text: t.text }))).toEqual(appConfig.tabBar.list)
  for (const t of tabs) expect(appConfig.pages).toContain(t.path.slice(1))
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
