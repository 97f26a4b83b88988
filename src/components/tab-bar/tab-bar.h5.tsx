import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import Taro from '@tarojs/taro'
import { pageChangeUndoneEvent } from '@/lib/page-load-failure'
import { onRouteChangeStart } from '@/lib/taro-router.h5'
import { tabIcons, type TabIcon } from './tab-icons'
import { tabIndexOf, tabs } from './tabs'
import './index.scss'

/**
 * H5: the tab bar as plain links. Taro's own is a Stencil web component, and its runtime was the largest piece of the
 * portal's first script: a cheap phone spent longer starting it than drawing the first page. Links keep what a
 * browser user expects (focus, Enter, open in a new tab); a plain click switches tabs inside the app.
 */
/** The same drawing as the mini-program's PNGs, inline: no request, kept with the shell offline, in the text's colour. */
function TabPicture({ icon }: { icon: TabIcon }) {
  return (
    <svg className='tab-bar__icon' viewBox='0 0 48 48' aria-hidden='true' focusable='false'>
      <g className='tab-bar__icon-body'>
        {icon.body.map((d) => (
          <path key={d} d={d} />
        ))}
      </g>
      <g className='tab-bar__icon-line'>
        {icon.outer.map((d) => (
          <path key={d} d={d} />
        ))}
      </g>
      <g className='tab-bar__icon-line tab-bar__icon-inner'>
        {icon.inner.map((d) => (
          <path key={d} d={d} />
        ))}
      </g>
    </svg>
  )
}

export function TabBar() {
  const [current, setCurrent] = useState(() => tabIndexOf(window.location.pathname))
  useEffect(() => {
    // The router announces every page it shows (Taro's own tab bar listens to the same event).
    const stopFollowing = onRouteChangeStart((e) => setCurrent(tabIndexOf(e?.toLocation?.path ?? window.location.pathname)))
    // A tab whose code could not be fetched (offline) is taken back: the bar marks the page still on screen.
    const onUndone = () => setCurrent(tabIndexOf(window.location.pathname))
    Taro.eventCenter.on(pageChangeUndoneEvent, onUndone)
    return () => {
      stopFollowing()
      Taro.eventCenter.off(pageChangeUndoneEvent, onUndone)
    }
  }, [])
  // Into <body>, outside the router's page container (it hides whatever is not the page being shown), and
  // drawn over tab pages only, as in WeChat.
  if (current < 0) return null
  return createPortal(
    <nav className='tab-bar' aria-label='主菜单'>
      {tabs.map((tab, i) => (
        <a
          key={tab.path}
          href={tab.path}
          className={`tab-bar__item ${i === current ? 'tab-bar__item--on' : ''}`}
          aria-current={i === current ? 'page' : undefined}
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey) return
            e.preventDefault()
            if (i !== current) void Taro.switchTab({ url: tab.path })
          }}
        >
          <TabPicture icon={tabIcons[tab.icon]} />
          <span className='tab-bar__text'>{tab.text}</span>
        </a>
      ))}
    </nav>,
    document.body,
  )
}
