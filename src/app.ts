import { createElement, Fragment, PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { FirstLaunchNotice, setUpPrivacyFlow } from './features/account/first-launch'
import './app.scss'

function App({ children }: PropsWithChildren) {
  // The privacy notice once per device; on weapp also the gate in front of privacy-gated APIs (getLocation).
  useLaunch(() => setUpPrivacyFlow())
  // H5 draws the first-launch notice over the pages; on weapp it is a page of its own and this renders nothing.
  return createElement(Fragment, null, children, createElement(FirstLaunchNotice))
}

export default App
