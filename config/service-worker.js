/**
 * The H5 portal's service worker (served as /sw.js): the app shell and each tab's code are kept on the phone, so after
 * a first visit the portal opens, and every tab opens, without a network. config/service-worker-plugin.ts writes the
 * build's own list below at build time; registered by src/lib/offline-pages.h5.ts. Plain script for old WebViews.
 *
 * - One cache per build, removed when a newer build's worker takes over: never old and new code mixed.
 * - Pages (index.html): the network first, this build's copy when there is none (or it is too slow to wait for).
 * - Hashed js/css: from the cache first; a file under a hashed name never changes, so any build's copy will do.
 * - The manifest and the home-screen pictures: this build's copy first, so 添加到主屏幕 works offline too.
 * - A newer build's worker waits until the page asks it to take over (the 更新 of src/lib/new-version.h5.ts), and
 *   the page then reloads as a whole into it.
 * - Never /api/: the app keeps its own saved reads, with their dates.
 */
var build = /* build */ { version: 'dev', precache: [] }

var cacheName = 'wgt-pages-' + build.version
var hashed = /^\/(js|css|static)\/.*[.-][0-9a-f]{6,}[.-][^/]*$/i
var pageTimeoutMs = 5000

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches.open(cacheName).then(function (cache) {
      // index.html is revalidated by the server: ask past the browser's own cache for this build's copy.
      return cache.addAll(
        build.precache.map(function (url) {
          return new Request(url, { cache: url === '/index.html' ? 'reload' : 'default' })
        }),
      )
    }),
  )
})

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) {
              return name.indexOf('wgt-pages-') === 0 && name !== cacheName
            })
            .map(function (name) {
              return caches.delete(name)
            }),
        )
      })
      // The first visit's page is looked after at once, so its tabs open offline without a reload. A newer build's
      // worker activates only when no page of the older one is open, or when the page asks and then reloads into it:
      // a page never runs one build's code with another's.
      .then(function () {
        return self.clients.claim()
      }),
  )
})

self.addEventListener('fetch', function (event) {
  var request = event.request
  if (request.method !== 'GET') return
  var url = new URL(request.url)
  if (url.origin !== self.location.origin || url.pathname === '/api' || url.pathname.indexOf('/api/') === 0) return
  if (request.mode === 'navigate') event.respondWith(page(request))
  else if (hashed.test(url.pathname)) event.respondWith(asset(request))
  else if (build.precache.indexOf(url.pathname) !== -1) event.respondWith(kept(request))
})

// From the page (src/lib/new-version.h5.ts): which files this build is made of, so a page can tell whether it already
// runs this build; and `take-over`, after which this build looks after the page (which reloads, unless it runs it).
self.addEventListener('message', function (event) {
  if (event.data === 'take-over') self.skipWaiting()
  else if (event.data === 'build' && event.ports && event.ports[0]) event.ports[0].postMessage(build.precache)
})

/** Every address of the portal is index.html: this build's copy stands in when the network cannot answer. */
function page(request) {
  var fromNetwork = fetch(request)
  var saved = caches.open(cacheName).then(function (cache) {
    return cache.match('/index.html')
  })
  return new Promise(function (resolve, reject) {
    var settled = false
    function answer(response) {
      if (!settled && response) {
        settled = true
        resolve(response)
      }
    }
    function fallBack() {
      saved.then(function (response) {
        if (response) answer(response)
        else fromNetwork.then(answer, reject)
      })
    }
    var timer = setTimeout(fallBack, pageTimeoutMs)
    fromNetwork.then(
      function (response) {
        clearTimeout(timer)
        answer(response)
      },
      function () {
        clearTimeout(timer)
        fallBack()
      },
    )
  })
}

/** A file kept under a fixed name (the manifest, the pictures): this build's own copy, else the network's. */
function kept(request) {
  return caches
    .open(cacheName)
    .then(function (cache) {
      return cache.match(request)
    })
    .then(function (cached) {
      return cached || fetch(request)
    })
}

function asset(request) {
  return caches.match(request).then(function (cached) {
    if (cached) return cached
    return fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone()
        caches.open(cacheName).then(function (cache) {
          return cache.put(request, copy)
        })
      }
      return response
    })
  })
}
