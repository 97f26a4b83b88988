import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'

/**
 * Reloads a page's data when the worker comes back to it (from a detail or a form that may have changed it) and on
 * pull-down. The first show is skipped: the page's own read is already under way, so it is fetched once. `when`
 * false (or a function answering false at that moment) skips the return reload.
 */
export function useRefreshOnReturn(refresh: () => Promise<unknown>, when: boolean | (() => boolean) = true): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && (typeof when === 'function' ? when() : when)) void refresh()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
}
