import { createElement, Fragment, type PropsWithChildren, startTransition, useEffect, useState } from 'react'
import { useLaunch } from '@tarojs/taro'
import { startSending } from './api/start-sending'
import { TabBar } from './components/tab-bar'
import { FirstLaunchNotice, setUpPrivacyFlow } from './features/account/first-launch'
import { restoreElderMode } from './lib/elder-mode'
import { takeOverFirstScreen } from './lib/first-screen'
import { enableKeyboardActivation } from './lib/keyboard-activation'
import { keepPagesOffline } from './lib/offline-pages'
import { watchPageLoadFailures } from './lib/page-load-failure'
import { drawPagesAsTransitions } from './lib/page-transitions'
import './app.scss'

// Before the first render: the drawn first screen must be watched from the moment the app starts drawing under it.
takeOverFirstScreen()
drawPagesAsTransitions()
// H5: a page that cannot be fetched (no network) is said, and the worker stays where they were. Watched from the
// start: the first page's own code is on its way before the app has launched.
watchPageLoadFailures()

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // The privacy notice once per device; on weapp also the gate in front of privacy-gated APIs (getLocation).
    setUpPrivacyFlow()
    restoreElderMode()
    // H5: Enter and Space press the Views that act as buttons, as they press real ones.
    enableKeyboardActivation()
    // H5: the shell and every tab kept on the phone, so they open without a network after this visit.
    keepPagesOffline()
    // Writes kept on the phone without a network go out when it returns; the worker is told when each arrives.
    startSending()
  })
  // H5 draws the first-launch notice over the pages and its own tab bar; on weapp the notice is a page of its own,
  // WeChat draws the tab bar, and both render nothing. They are drawn as a transition just after launch: React then
  // draws them in slices a tap can come between, instead of one long first render on a slow phone.
  const [chrome, setChrome] = useState(false)
  useEffect(() => startTransition(() => setChrome(true)), [])
  return createElement(Fragment, null, children, chrome && createElement(FirstLaunchNotice), chrome && createElement(TabBar))
}

export default App
