import { watchForNewVersion } from './new-version.h5'

/**
 * H5: registers the portal's service worker (/sw.js, written by the build: config/service-worker.js), which keeps the
 * app shell and every tab on the phone so they open without a network after a first visit, and says when a newer
 * build is ready (new-version.h5.ts). Production builds only; registered after the page has loaded, so its downloads
 * never compete with the first screen's.
 */
export function keepPagesOffline(): void {
  if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return
  // A browser that refuses (private mode, storage full) simply works online as before.
  const register = () =>
    void navigator.serviceWorker
      .register('/sw.js')
      .then(watchForNewVersion)
      .catch(() => undefined)
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}
