// H5: the app's start in five tasks instead of one. Taro's generated entry (@tarojs/taro-loader/lib/h5) evaluates
// every module of the first load, creates the app and starts the router in one piece of script: on a cheap phone the
// longest task of a first visit, which a tap on the drawn first screen had to wait behind. Here React, Taro's runtime
// and the router's modules are evaluated first; ReactDOM, the largest module of all, in a task of its own; the app's
// own modules and the app itself in the next; the history, the app's container and the px settings in the one after;
// the router (its routes compiled, the first page's code asked for) in a fifth. The app is created in the same task as its modules are evaluated: src/lib/page-transitions.h5.ts
// finds it there from a microtask. Each page's code, once loaded, is evaluated in one task and the page shown in the
// next: together they were the longest task after the first paint.
//
// A webpack loader run on that generated code (config/index.ts): each anchor it rewrites must be found, so a Taro
// upgrade that changes the entry fails the build instead of starting the app another way.

const COMPONENT_IMPORT = /^import component from (.+)$/m
const DOM_IMPORT = /^import ReactDOM from 'react-dom\/client'$/m
const DOM_LEGACY_IMPORT = /^import \{ findDOMNode, render, unstable_batchedUpdates \} from 'react-dom'$/m
const DOM_LEGACY_ASSIGN = /^Object\.assign\(ReactDOM, \{ findDOMNode, render, unstable_batchedUpdates \}\)$/m
const APP_CREATED = /^var inst = .+$/m
const ROUTER_START = /^var history = [\s\S]+$/m
const ROUTES = /^config\.routes = \[$/m
const ROUTER_CREATED = /^createRouter\(.+\)$/m

// Wraps each route's load (Taro's router awaits the first thing it returns, the page module's promise) so that the
// router goes on to show the page a task after the page's code has run.
const PAGE_IN_NEXT_TASK = `
config.routes.forEach(function (route) {
  var load = route.load
  route.load = function () {
    var loaded = load.apply(this, arguments)
    loaded[0] = Promise.resolve(loaded[0]).then(function (page) {
      return new Promise(function (resolve) {
        setTimeout(resolve, 0, page)
      })
    })
    return loaded
  }
})
`

function expectOne(code, pattern, what) {
  const found = code.match(pattern)
  if (!found) throw new Error(`staged-start: Taro's H5 entry no longer has ${what}; see config/staged-start.js`)
  return found
}

module.exports = function stagedStart(code) {
  const [componentImport, componentPath] = expectOne(code, COMPONENT_IMPORT, 'the app component import')
  const [appCreated] = expectOne(code, APP_CREATED, 'the app creation')
  const [routerStart] = expectOne(code, ROUTER_START, 'the router start')
  expectOne(code, ROUTES, 'the routes')
  const created = code.indexOf(appCreated)
  if (created > code.indexOf(routerStart)) throw new Error('staged-start: the app is created after the router starts')
  const [routerCreated] = expectOne(routerStart, ROUTER_CREATED, 'the router creation')
  const [domImport] = expectOne(code, DOM_IMPORT, 'the react-dom/client import')
  const [legacyImport] = expectOne(code, DOM_LEGACY_IMPORT, "the react-dom import of the older calls")
  const [legacyAssign] = expectOne(code, DOM_LEGACY_ASSIGN, 'the older calls put on ReactDOM')
  const head = code.slice(0, created).replace(componentImport, '').replace(domImport, 'var ReactDOM').replace(legacyImport, '').replace(legacyAssign, '')
  const routerReady = routerStart.replace(`${routerCreated}\n`, '').trim().split('\n').join('\n      ')
  return `${head}${PAGE_IN_NEXT_TASK}
setTimeout(function () {
  ReactDOM = require('react-dom/client')
  var legacy = require('react-dom')
  Object.assign(ReactDOM, { findDOMNode: legacy.findDOMNode, render: legacy.render, unstable_batchedUpdates: legacy.unstable_batchedUpdates })
  setTimeout(function () {
    var component = require(${componentPath}).default
    ${appCreated}
    setTimeout(function () {
      ${routerReady}
      setTimeout(function () {
        ${routerCreated}
      }, 0)
    }, 0)
  }, 0)
}, 0)
`
}
