/**
 * H5: a newer build of the portal, found by the service worker (config/service-worker.js), takes over without a word
 * when the page already runs it (the usual case: the page came from the network, the worker after it). A page opened
 * from the phone's copy runs the older build: there the newer one is said quietly, 新版本已就绪 with 更新, at the top,
 * and taken only when the person taps, the page reloading as a whole into it. Either way no page runs one build's code
 * with another's. Ignored, it is taken the next time the portal is opened. Plain DOM (`.wgt-update` in app.scss).
 */
const newVersionText = '新版本已就绪'

/** How long to wait for a worker to say which build it is before leaving the choice to the person. */
const askTimeoutMs = 3000

let bar: HTMLElement | null = null

export function watchForNewVersion(registration: ServiceWorkerRegistration): void {
  // The first visit's own worker is no news: only one that comes while another already looks after the page.
  const offer = async (worker: ServiceWorker) => {
    if (!navigator.serviceWorker.controller) return
    if (await runsBuildOf(worker)) worker.postMessage('take-over')
    else showBar(registration)
  }
  if (registration.waiting) void offer(registration.waiting)
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') void offer(installing)
    })
  })
  // A page opened from the phone's copy without signal: once signal returns, look for a newer build at once.
  window.addEventListener('online', () => void registration.update().catch(() => undefined))
}

/** Whether every script this page started from is among the files of the worker's build. */
function runsBuildOf(worker: ServiceWorker): Promise<boolean> {
  const own = Array.from(document.scripts, (s) => s.src && new URL(s.src).pathname).filter(Boolean)
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = (e: MessageEvent<string[]>) => resolve(own.length > 0 && own.every((p) => e.data.includes(p)))
    setTimeout(resolve, askTimeoutMs, false)
    worker.postMessage('build', [channel.port2])
  })
}

function showBar(registration: ServiceWorkerRegistration): void {
  if (bar) return
  bar = document.createElement('div')
  bar.className = 'wgt-update'
  bar.setAttribute('role', 'status')
  const text = document.createElement('span')
  text.textContent = newVersionText
  const button = document.createElement('button')
  button.type = 'button'
  button.className = 'wgt-update__button'
  button.textContent = '更新'
  button.addEventListener('click', () => {
    button.disabled = true
    button.textContent = '正在更新…'
    takeOver(registration)
  })
  // The bar lies over the top of the page: 稍后 clears it, and the newer build comes when the portal is next opened.
  const later = document.createElement('button')
  later.type = 'button'
  later.className = 'wgt-update__later'
  later.textContent = '稍后'
  later.addEventListener('click', () => bar?.remove())
  bar.append(text, later, button)
  document.body.appendChild(bar)
}

/** The newest waiting build takes over (a deploy after the bar came has its own worker), then the page reloads. */
function takeOver(registration: ServiceWorkerRegistration): void {
  const waiting = registration.waiting
  // None waiting: the newer build is already in charge (another open page of the portal asked first).
  if (!waiting) return location.reload()
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true })
  waiting.postMessage('take-over')
}
