/**
 * `@tarojs/taro` for jest (mapped in jest.config.js): Taro's H5 APIs, plus page hooks that run as React effects.
 *
 * - The default export carries every named API too (the build rewrites `Taro.x` to named imports; code may use both).
 * - Page events that a real page receives from the runtime (reach bottom, pull down) are fired from tests with
 *   `firePageEvent('reachBottom')`; the route's query comes from `setRouterParams({ id: '1' })`.
 * - `Current.page` is set so components that look up the current page (NutUI Tabs) find one.
 */
import { useEffect, useRef } from 'react'
import * as h5 from '@tarojs/taro-h5'
import { Current } from '@tarojs/runtime'

type Callback = (...args: any[]) => unknown
type PageEvent = 'reachBottom' | 'pullDownRefresh' | 'pageScroll' | 'show' | 'hide'

let routerParams: Record<string, string> = {}
let routerPath = '/pages/test/index'
const listeners: Record<PageEvent, Set<{ current: Callback }>> = {
  reachBottom: new Set(),
  pullDownRefresh: new Set(),
  pageScroll: new Set(),
  show: new Set(),
  hide: new Set(),
}

const fakePage = { path: routerPath, route: routerPath.slice(1), options: routerParams, config: {} }
;(Current as any).page = fakePage
;(Current as any).router = { params: routerParams, path: routerPath, onReady: '', onHide: '', onShow: '' }

/** The route query (and optionally path) the page under test was opened with. */
export function setRouterParams(params: Record<string, string>, path = '/pages/test/index'): void {
  routerParams = params
  routerPath = path
  fakePage.options = params
  fakePage.path = path
  ;(Current as any).router = { params, path, onReady: '', onHide: '', onShow: '' }
}

/** Delivers a page event to every mounted hook listening for it; returns what the callbacks returned. */
export function firePageEvent(event: PageEvent, ...args: unknown[]): unknown[] {
  return [...listeners[event]].map((l) => l.current(...args))
}

function listen(event: PageEvent) {
  return (callback: Callback) => {
    const ref = useRef(callback)
    ref.current = callback
    useEffect(() => {
      listeners[event].add(ref)
      return () => {
        listeners[event].delete(ref)
      }
    }, [])
  }
}

function runOnMount(withParams: boolean) {
  return (callback: Callback) => {
    useEffect(() => {
      void (withParams ? callback(routerParams) : callback())
      // Page lifecycles run once per page instance.
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [])
  }
}

function noop(): void {}

export const useLoad = runOnMount(true)
export const useLaunch = runOnMount(true)
export const useReady = runOnMount(false)
export const useDidShow = (callback: Callback) => {
  runOnMount(false)(callback)
  listen('show')(callback)
}
export const useDidHide = listen('hide')
export const useUnload = (callback: Callback) => {
  const ref = useRef(callback)
  ref.current = callback
  useEffect(() => () => void ref.current(), [])
}
export const useReachBottom = listen('reachBottom')
export const usePullDownRefresh = listen('pullDownRefresh')
export const usePageScroll = listen('pageScroll')
export const useResize = noop
export const useShareAppMessage = noop
export const useShareTimeline = noop
export const useTabItemTap = noop
export const useError = noop
export const usePageNotFound = noop
export const useRouter = () => ({ params: routerParams, path: routerPath })

const hooks = {
  useLoad,
  useLaunch,
  useReady,
  useDidShow,
  useDidHide,
  useUnload,
  useReachBottom,
  usePullDownRefresh,
  usePageScroll,
  useResize,
  useShareAppMessage,
  useShareTimeline,
  useTabItemTap,
  useError,
  usePageNotFound,
  useRouter,
}

// A plain mutable object, so tests can jest.spyOn(Taro, 'navigateTo') and the code under test sees the spy.
const Taro: Record<string, any> = { ...(h5 as any).default, ...(h5 as any), ...hooks }
delete Taro.default

export * from '@tarojs/taro-h5'
export default Taro
