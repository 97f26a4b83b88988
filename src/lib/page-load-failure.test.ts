import Taro from '@tarojs/taro'
import { isCodeLoadFailure, pageChangeUndoneEvent, watchPageLoadFailures } from './page-load-failure.h5'

test("only a failed fetch of the app's own code counts as a page that could not be fetched", () => {
  const chunkError = Object.assign(new Error('Loading chunk 3 failed.\n(error: /js/3.0e11c23b.js)'), { name: 'ChunkLoadError' })
  expect(isCodeLoadFailure(chunkError)).toBe(true)
  // Its stylesheet failing comes as a plain Error with its own wording.
  expect(isCodeLoadFailure(new Error('Loading CSS chunk 3 failed.\n(error: /css/3.74cbb555.css)'))).toBe(true)
  expect(isCodeLoadFailure(new Error('请求超时'))).toBe(false)
  expect(isCodeLoadFailure(undefined)).toBe(false)
  expect(isCodeLoadFailure('Loading chunk 3 failed')).toBe(false)
})

describe('a change of page whose code cannot be fetched', () => {
  const back = jest.spyOn(window.history, 'back').mockImplementation(() => undefined)
  const undone = jest.fn()
  Taro.eventCenter.on(pageChangeUndoneEvent, undone)
  watchPageLoadFailures()

  /** The router shows a page, as Taro's does: the address first, then its events. Its history keeps `idx` in the state. */
  function shown(url: string, idx: number) {
    window.history.replaceState({ idx, key: `k${idx}` }, '', url)
    Taro.eventCenter.trigger('__taroRouterChange', { toLocation: { path: url.split('?')[0] } })
    Taro.eventCenter.trigger('__afterTaroRouterChange', { toLocation: { path: url.split('?')[0] } })
  }
  function opening(url: string, how: 'push' | 'replace', idx: number) {
    const state = { idx: how === 'push' ? idx + 1 : idx, key: 'new' }
    if (how === 'push') window.history.pushState(state, '', url)
    else window.history.replaceState(state, '', url)
    Taro.eventCenter.trigger('__taroRouterChange', { toLocation: { path: url.split('?')[0] } })
    const event = Object.assign(new Event('unhandledrejection', { cancelable: true }), {
      reason: Object.assign(new Error('Loading chunk 89 failed.'), { name: 'ChunkLoadError' }),
    })
    window.dispatchEvent(event)
    return event
  }

  beforeEach(() => {
    back.mockClear()
    undone.mockClear()
  })

  test('a tab (switchTab replaces the address) leaves the worker on the tab they were on, never out of the app', () => {
    shown('/pages/jobs/index?from=home', 0)
    const event = opening('/pages/me/index', 'replace', 0)
    expect(event.defaultPrevented).toBe(true)
    // Going back from a replaced address leaves the app (a blank page): the address is put back instead.
    expect(back).not.toHaveBeenCalled()
    expect(window.location.pathname + window.location.search).toBe('/pages/jobs/index?from=home')
    expect(window.history.state).toMatchObject({ idx: 0, key: 'k0' })
    expect(undone).toHaveBeenCalledTimes(1)
    expect(document.querySelector('.wgt-notice')?.textContent).toBe('网络不好，页面没有打开，请稍后再试')
  })

  test('a page opened on top (navigateTo pushes an address) is taken back out of the history', () => {
    shown('/pages/jobs/index', 0)
    opening('/packages/jobs/pages/detail/index?id=3', 'push', 0)
    expect(back).toHaveBeenCalledTimes(1)
    expect(undone).toHaveBeenCalledTimes(1)
  })

  test('返回 while the next page was still loading: the late page is closed again, the page gone back to stays', () => {
    shown('/pages/jobs/index', 0)
    window.history.pushState({ idx: 1, key: 'k1' }, '', '/packages/jobs/pages/detail/index?id=3')
    Taro.eventCenter.trigger('__taroRouterChange', { toLocation: { path: '/packages/jobs/pages/detail/index' } })
    // The worker goes back before the page's code arrives.
    window.history.replaceState({ idx: 0, key: 'k0' }, '', '/pages/jobs/index')
    window.dispatchEvent(new PopStateEvent('popstate'))
    const pushed = jest.spyOn(window.history, 'pushState')
    // Then the code arrives and the router shows the page the worker left.
    Taro.eventCenter.trigger('__afterTaroRouterChange', { toLocation: { path: '/packages/jobs/pages/detail/index' } })
    expect(pushed).toHaveBeenCalledWith({ idx: 0, key: 'k0' }, '', '/packages/jobs/pages/detail/index')
    expect(back).toHaveBeenCalledTimes(1)
    pushed.mockRestore()
  })

  test('a page opened and finished normally is never sent back', () => {
    shown('/pages/jobs/index', 0)
    window.history.pushState({ idx: 1, key: 'k1' }, '', '/packages/jobs/pages/detail/index?id=3')
    Taro.eventCenter.trigger('__taroRouterChange', { toLocation: { path: '/packages/jobs/pages/detail/index' } })
    Taro.eventCenter.trigger('__afterTaroRouterChange', { toLocation: { path: '/packages/jobs/pages/detail/index' } })
    // A 返回 after the page has opened is an ordinary one.
    window.history.back()
    back.mockClear()
    window.dispatchEvent(new PopStateEvent('popstate'))
    Taro.eventCenter.trigger('__taroRouterChange', { toLocation: { path: '/pages/jobs/index' } })
    window.history.replaceState({ idx: 0, key: 'k0' }, '', '/pages/jobs/index')
    Taro.eventCenter.trigger('__afterTaroRouterChange', { toLocation: { path: '/pages/jobs/index' } })
    expect(back).not.toHaveBeenCalled()
  })
})
