import { startTransition } from 'react'
import Taro from '@tarojs/taro'

type Mount = (...args: unknown[]) => void

/**
 * H5: each page is drawn as a React transition. Taro mounts a page with a plain update, which React draws in one
 * piece: on a cheap phone the first page of job cards was one long task that a tap had to wait behind (the total
 * blocking time Lighthouse counts). As a transition React draws it in slices of a few milliseconds with the browser
 * free in between; the page and its callbacks are unchanged.
 *
 * Called as the app's code loads: Taro creates the app just after, in the same script, and mounts the first page only
 * after loading its chunk, so a microtask finds the app made and its first mount still to come.
 */
export function drawPagesAsTransitions(): void {
  queueMicrotask(() => {
    const app = Taro.getCurrentInstance().app as { mount?: Mount } | null
    if (!app?.mount) return
    const mount = app.mount.bind(app) as Mount
    app.mount = (...args: unknown[]) => startTransition(() => mount(...args))
  })
}
