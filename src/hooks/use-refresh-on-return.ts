import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'

/**
 * Reloads a page's data when the worker comes back to it (from a detail or a form that may have changed it;
 * the first show is the page's own load) and on pull-down. `when` false skips the return reload.
 */
export function useRefreshOnReturn(refresh: () => Promise<unknown>, when = true): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && when) void refresh()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
}
