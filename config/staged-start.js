// H5: the app's start in three tasks instead of one. Taro's generated entry (@tarojs/taro-loader/lib/h5) evaluates
// every module of the first load, creates the app and starts the router in one piece of script: on a cheap phone the
// longest task of a first visit, which a tap on the drawn first screen had to wait behind. Here the framework and the
// router's modules are evaluated first; the app's own modules and the app itself in the next task; the router starts
// in the one after. The app is created in the same task as its modules are evaluated: src/lib/page-transitions.h5.ts
// finds it there from a microtask.
//
// A webpack loader run on that generated code (config/index.ts): each anchor it rewrites must be found, so a Taro
// upgrade that changes the entry fails the build instead of starting the app another way.

const COMPONENT_IMPORT = /^import component from (.+)$/m
const APP_CREATED = /^var inst = .+$/m
const ROUTER_START = /^var history = [\s\S]+$/m

function expectOne(code, pattern, what) {
  const found = code.match(pattern)
  if (!found) throw new Error(`staged-start: Taro's H5 entry no longer has ${what}; see config/staged-start.js`)
  return found
}

module.exports = function stagedStart(code) {
  const [componentImport, componentPath] = expectOne(code, COMPONENT_IMPORT, 'the app component import')
  const [appCreated] = expectOne(code, APP_CREATED, 'the app creation')
  const [routerStart] = expectOne(code, ROUTER_START, 'the router start')
  const created = code.indexOf(appCreated)
  if (created > code.indexOf(routerStart)) throw new Error('staged-start: the app is created after the router starts')
  const head = code.slice(0, created).replace(componentImport, '')
  return `${head}
setTimeout(function () {
  var component = require(${componentPath}).default
  ${appCreated}
  setTimeout(function () {
    ${routerStart.trim().split('\n').join('\n    ')}
  }, 0)
}, 0)
`
}
