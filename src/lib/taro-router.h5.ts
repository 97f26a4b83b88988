/** H5: the router's page-change events and history numbering, the one adapter over those Taro internals. */
import Taro from '@tarojs/taro'
import { taroInternals } from './taro-internals'

export interface RouteChange {
  toLocation?: { path?: string }
}

/** Calls `listener` as the router starts to show a page; returns the unsubscribe. */
export function onRouteChangeStart(listener: (change?: RouteChange) => void): () => void {
  Taro.eventCenter.on(taroInternals.routeChangeStart, listener)
  return () => Taro.eventCenter.off(taroInternals.routeChangeStart, listener)
}

/** Calls `listener` once the router has shown the page (the page's path in `toLocation`); returns the unsubscribe. */
export function onRouteChangeEnd(listener: (change?: RouteChange) => void): () => void {
  Taro.eventCenter.on(taroInternals.routeChangeEnd, listener)
  return () => Taro.eventCenter.off(taroInternals.routeChangeEnd, listener)
}

/** Which history entry a history.state belongs to, as the router numbers them. */
export function historyIndexOf(state: unknown): unknown {
  return (state as Record<string, unknown> | null)?.[taroInternals.historyIndexKey]
}
