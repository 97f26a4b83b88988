import { useRef } from 'react'
import Taro, { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro'

/**
 * Reloads a page's data when the worker comes back to it (from a detail or a form that may have changed it) and on
 * pull-down. Only a show that follows a hide is a return: the first show is the page's own read (fetched once), and
 * a component drawn after its page was shown (behind a sign-in check) still reloads on its first return.
 * `when` false (or a function answering false at that moment) skips the return reload.
 */
export function useRefreshOnReturn(refresh: () => Promise<unknown>, when: boolean | (() => boolean) = true): void {
  const away = useRef(false)
  useDidHide(() => {
    away.current = true
  })
  useDidShow(() => {
    if (away.current && (typeof when === 'function' ? when() : when)) void refresh()
    away.current = false
  })
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
}
