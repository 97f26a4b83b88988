import { takeOverFirstScreen } from './first-screen.h5'

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

/** The page as the server sends a tab: the empty app root, then the drawn first screen over it. */
function servedPage() {
  document.body.innerHTML =
    '<div id="app"></div><div id="first-screen" data-ready=".job-card"><div class="taro_router"><div class="job-card">drawn</div><nav class="tab-bar"></nav></div></div>'
}

/** What Taro's router does at start (handleAppMountWithTabbar): the root is replaced by a copy inside its panel. */
function routerMounts(): HTMLElement {
  const app = document.getElementById('app')!
  const container = document.createElement('div')
  container.id = 'container'
  const panel = document.createElement('div')
  panel.className = 'taro-tabbar__panel'
  panel.appendChild(app.cloneNode(true))
  container.appendChild(panel)
  app.replaceWith(container)
  return document.getElementById('app')!
}

beforeEach(() => {
  jest.useRealTimers()
  servedPage()
})

test('the drawing goes as soon as the app has drawn its page and tab bar in the root the router moved', async () => {
  takeOverFirstScreen()
  const root = routerMounts()
  root.innerHTML = '<div class="taro_page"><div class="job-card">live</div></div>'
  await flush()
  // The page alone is not enough: the tab bar is still only in the drawing.
  expect(document.getElementById('first-screen')).not.toBeNull()
  const tabBar = document.createElement('nav')
  tabBar.className = 'tab-bar'
  document.body.appendChild(tabBar)
  await flush()
  expect(document.getElementById('first-screen')).toBeNull()
})

test('the drawing stays while the app has not drawn the tab, and is given up after 15 s', async () => {
  jest.useFakeTimers()
  takeOverFirstScreen()
  routerMounts()
  document.body.appendChild(Object.assign(document.createElement('nav'), { className: 'tab-bar' }))
  await Promise.resolve()
  expect(document.getElementById('first-screen')).not.toBeNull()
  jest.advanceTimersByTime(15000)
  expect(document.getElementById('first-screen')).toBeNull()
})
