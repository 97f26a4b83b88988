import { createElement } from 'react'
import { createPortal } from 'react-dom'
import { PrivacySheet } from './components/privacy-sheet'

/** H5: no WeChat privacy gate; the notice is a sheet the app draws over the pages (FirstLaunchNotice). */
export function setUpPrivacyFlow(): void {}

/**
 * Drawn into <body>, outside Taro's router: the router hides every page that is not the last child of
 * its container, so a sibling of the pages would hide the page being opened.
 */
export function FirstLaunchNotice() {
  if (typeof document === 'undefined') return null
  return createPortal(createElement(PrivacySheet), document.body)
}
