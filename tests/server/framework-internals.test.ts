/**
 * The app leans on a few private internals of Taro 4.2 and NutUI 3.0.20 (named in src/lib/taro-internals.ts). None is
 * public API, so an upgrade may rename one with no error anywhere: the tab bar would stop following pages, offline
 * taps would leave the app, styles would miss. These tests read the installed packages and fail loudly instead.
 */
import { execSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { parse } from '@babel/parser'
import postcss from 'postcss'
import * as sass from 'sass'
import { taroInternals } from '../../src/lib/taro-internals'

const root = join(__dirname, '..', '..')
const read = (file: string) => readFileSync(join(root, 'node_modules', file), 'utf8')

test("Taro's H5 router fires the page-change events the tab bar and the offline guard listen to", () => {
  const router = read('@tarojs/router/dist/index.esm.js')
  expect(router).toContain(`trigger('${taroInternals.routeChangeStart}'`)
  expect(router).toContain(`trigger('${taroInternals.routeChangeEnd}'`)
})

test("the router's history numbers its entries under the key the offline guard reads", () => {
  expect(read('history/index.js')).toMatch(new RegExp(`\\b${taroInternals.historyIndexKey}: index\\b`))
})

test("the router's page classes and the tab bar height variable are still Taro's", () => {
  const style = read('@tarojs/router/dist/style.js')
  expect(style).toContain(`.${taroInternals.pageClass}`)
  expect(style).toContain(`.${taroInternals.pageClass}.${taroInternals.tabBarPageClass}`)
  expect(read('@tarojs/webpack5-runner/dist/postcss/postcss.h5.js')).toContain(`'${taroInternals.tabBarHeightVariable.slice(2)}'`)
  // The SCSS side names the same things.
  const scss = readFileSync(join(root, 'src/styles/_taro.scss'), 'utf8')
  expect(scss).toContain(`'.${taroInternals.pageClass}'`)
  expect(scss).toContain(`'.${taroInternals.pageClass}.${taroInternals.tabBarPageClass}'`)
  expect(scss).toContain(`${taroInternals.tabBarHeightVariable};`)
})

test("the router's navigation bar starts without its show class, which the app's style waits for", () => {
  const router = read('@tarojs/router/dist/index.esm.js')
  expect(router).toContain(`navigationBar.id = '${taroInternals.navigationBarId}'`)
  expect(router).toContain(`classList.add('${taroInternals.navigationBarShowClass}')`)
  const scss = readFileSync(join(root, 'src/styles/_taro.scss'), 'utf8')
  expect(scss).toContain(`'#${taroInternals.navigationBarId}'`)
  expect(scss).toContain(`'.${taroInternals.navigationBarShowClass}'`)
})

test("the router imports its own tab bar from where config/no-tab-bar.js stands in for it", () => {
  expect(read('@tarojs/router/dist/index.esm.js')).toContain(`import { ${taroInternals.routerTabBarExport} } from '@tarojs/components/dist/components'`)
  expect(readFileSync(join(root, 'config/no-tab-bar.js'), 'utf8')).toContain(`export function ${taroInternals.routerTabBarExport}()`)
})

test('every NutUI component the app imports is where the on-demand import looks, with its stylesheet', () => {
  // No page imports NutUI today (our bottom sheet replaced its Popup); one that does must resolve on demand.
  const imports = execSync(`grep -rhoE "import \\{[^}]+\\} from '@nutui/nutui-react-taro'" src || true`, { cwd: root, encoding: 'utf8' })
  const names = [...new Set([...imports.matchAll(/\{([^}]+)\}/g)].flatMap((m) => m[1].split(',').map((n) => n.trim().replace(/^type\s+/, ''))).filter(Boolean))]
  const packages = join(root, 'node_modules', taroInternals.nutuiPackagesDir)
  for (const name of names) {
    expect(existsSync(join(packages, name.toLowerCase(), 'index.js')) || name).toBe(true)
    expect(existsSync(join(packages, name.toLowerCase(), 'style', 'css.js')) || `${name} style`).toBe(true)
  }
  expect(readFileSync(join(root, 'babel.config.js'), 'utf8')).toContain(taroInternals.nutuiPackagesDir)
  expect(dirname(packages)).toMatch(/dist[\\/]es$/)
})

test("the app-test shim sets the runtime's current page and router, which NutUI and page hooks read", () => {
  const current = read('@tarojs/runtime/dist/current.js')
  expect(current).toMatch(/\brouter: null\b/)
  expect(current).toMatch(/\bpage: null\b/)
})

describe("Taro's generated H5 entry, as config/staged-start.js splits it into five tasks", () => {
  // What Taro's React plugin hands the loader for React 18 on the web (its getLoaderMeta, which it does not export):
  // its source must still say it, or these tests would check an entry the build never makes.
  const reactOnTheWeb = {
    importFrameworkStatement: "\nimport * as React from 'react'\nimport ReactDOM from 'react-dom/client'\n",
    extraImportForWeb: "import { findDOMNode, render, unstable_batchedUpdates } from 'react-dom'\n",
    execBeforeCreateWebApp: 'Object.assign(ReactDOM, { findDOMNode, render, unstable_batchedUpdates })\n',
  }
  test("Taro's React plugin still gives the loader React 18's imports", () => {
    const plugin = read('@tarojs/plugin-framework-react/dist/index.js')
    expect(plugin).toContain("importFrameworkStatement: `\nimport * as React from 'react'\nimport ReactDOM from 'react-dom'\n`")
    expect(plugin).toContain(".replace('\\'react-dom\\'', '\\'react-dom/client\\'')")
    expect(plugin).toContain(`loaderMeta.extraImportForWeb += \`${reactOnTheWeb.extraImportForWeb.replace('\n', '\\n')}\``)
    expect(plugin).toContain(`loaderMeta.execBeforeCreateWebApp += \`${reactOnTheWeb.execBeforeCreateWebApp.replace('\n', '\\n')}\``)
  })

  // The entry Taro's loader makes from app.config.ts, with the options its H5 build passes (no pages: the routes
  // are the same code for one page or thirty).
  function taroEntry(): string {
    const source = join(root, 'src')
    const { default: generate } = require('@tarojs/taro-loader/lib/h5') as { default: (this: unknown) => string }
    const loaderMeta = { ...reactOnTheWeb, importFrameworkName: 'React', creator: 'createReactApp', creatorLocation: '@tarojs/plugin-framework-react/dist/runtime', frameworkArgs: 'React, ReactDOM, config' }
    const options = { config: { pages: [], router: { mode: 'browser' } }, pages: [], runtimePath: ['@tarojs/plugin-platform-h5/dist/runtime'], sourceDir: source, entryFileName: 'app', loaderMeta, pxTransformConfig: { designWidth: 750, deviceRatio: {}, baseFontSize: 20 } }
    const contextify = (context: string, request: string) => './' + relative(context, request)
    return generate.call({ getOptions: () => options, mode: 'production', resourcePath: join(source, 'app.config.ts'), context: source, utils: { contextify } })
  }
  const stagedStart = require('../../config/staged-start.js') as (code: string) => string

  test('the modules of the framework first; ReactDOM in a task of its own; the app and its modules in the next; the history and px settings, then the router', () => {
    const entry = taroEntry()
    const staged = stagedStart(entry)
    // Still one module a compiler reads, with the same imports but the app's and ReactDOM's.
    parse(staged, { sourceType: 'module' })
    expect(entry).toMatch(/^import component from "\.\/app"$/m)
    expect(staged).not.toMatch(/^import component/m)
    expect(staged.match(/^import .+$/gm)).toEqual(entry.match(/^import .+$/gm)!.filter((line) => !line.startsWith('import component') && !/'react-dom(\/client)?'$/.test(line)))
    const [framework, dom, app, ready, router] = staged.split(/setTimeout\(function \(\) \{/)
    expect(framework).toContain('window.__taroAppConfig = config')
    expect(framework).not.toMatch(/react-dom|Object\.assign\(ReactDOM/)
    // The same ReactDOM the plugin's entry builds: react-dom/client's, with the older calls put on it.
    const modules: Record<string, unknown> = { 'react-dom/client': { createRoot: 'createRoot' }, 'react-dom': { findDOMNode: 'f', render: 'r', unstable_batchedUpdates: 'u', createPortal: 'p' } }
    const ReactDOM = new Function('require', `var ReactDOM\n${dom.slice(0, dom.lastIndexOf('setTimeout('))}\nreturn ReactDOM`)((m: string) => modules[m])
    expect(ReactDOM).toEqual({ createRoot: 'createRoot', findDOMNode: 'f', render: 'r', unstable_batchedUpdates: 'u' })
    expect(app).toMatch(/var component = require\("\.\/app"\)\.default\n\s+var inst = createReactApp\(component/)
    expect(ready).toMatch(/var history = createBrowserHistory\(\{ window \}\)\n\s+handleAppMount\w*\(config, history\)\n\s+initPxTransform\(\{/)
    expect(router.trim()).toMatch(/^createRouter\(history, inst, config, React\)\n/)
    expect(framework + app + ready).not.toContain('createRouter(')
  })

  test("each page's code runs in one task and the router shows the page in the next", async () => {
    const staged = stagedStart(taroEntry())
    const [framework] = staged.split(/setTimeout\(function \(\) \{\n\s+ReactDOM = /)
    // Wrapped where the routes are made, before the router (two tasks later) can call a load.
    expect(framework.indexOf('config.routes.forEach(')).toBeGreaterThan(framework.indexOf('config.routes = ['))
    const wrap = framework.slice(framework.indexOf('config.routes.forEach('))
    const page = { default: 'the page' }
    const config = { routes: [{ path: 'pages/jobs/index', load: (context: string) => [Promise.resolve(page), context, 'params'] }] }
    new Function('config', wrap)(config)
    let shown: unknown
    const [loaded, context, params] = config.routes[0].load('context') as [Promise<unknown>, string, string]
    expect([context, params]).toEqual(['context', 'params'])
    void loaded.then((p) => (shown = p))
    for (let i = 0; i < 10; i++) await Promise.resolve()
    expect(shown).toBeUndefined()
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(shown).toBe(page)
  })

  test('an entry it does not know fails the build rather than starting the app another way', () => {
    expect(() => stagedStart(taroEntry().replace(/^var inst = .+$/m, ''))).toThrow(/app creation/)
    expect(() => stagedStart(taroEntry().replace('config.routes = [', 'config.pages = ['))).toThrow(/routes/)
    expect(() => stagedStart(taroEntry().replace(/^createRouter\(/m, 'startRouter('))).toThrow(/router creation/)
    expect(() => stagedStart(taroEntry().replace('import component from', 'import app from'))).toThrow(/component import/)
    expect(() => stagedStart(taroEntry().replace("from 'react-dom/client'", "from 'react-dom'"))).toThrow(/react-dom\/client import/)
    expect(() => stagedStart(taroEntry().replace(/^Object\.assign\(ReactDOM.+$/m, ''))).toThrow(/older calls put on ReactDOM/)
  })
})

describe("Taro's router styles, in the app's stylesheet instead of <style> elements the router writes", () => {
  const style = read('@tarojs/router/dist/style.js')

  // The router's own style functions, run against a page that only records what would be written into it.
  function written(): string {
    const styles: string[] = []
    const document = {
      createElement: () => ({ innerHTML: '' }),
      getElementsByTagName: () => [{ appendChild: (el: { innerHTML: string }) => styles.push(el.innerHTML) }],
    }
    // This app's settings: a tab bar (more than one tab), pages scrolling in their own box, no page animation.
    new Function('document', `${style.replace(/^export \{[^}]*\};?$/m, '')}\nloadNavigationBarStyle(); loadRouterStyle(true, false, undefined)`)(document)
    return styles.join('\n')
  }

  // Each selector with its declarations, and each @keyframes: the same rules however they are grouped or spaced.
  function rules(css: string): string[] {
    const found = new Set<string>()
    const space = (s: string) => s.replace(/\s+/g, ' ').trim()
    postcss.parse(css).walk((node) => {
      if (node.type === 'atrule' && node.name === 'keyframes') found.add(space(node.toString()))
      if (node.type !== 'rule' || node.parent?.type === 'atrule') return
      const declarations = node.nodes.filter((d) => d.type === 'decl').map((d) => `${d.prop}: ${space(d.value)}`)
      for (const selector of node.selectors) for (const d of declarations) found.add(`${space(selector)} { ${d} }`)
    })
    return [...found].sort()
  }

  test('are the rules the installed router writes for this app', () => {
    const taro = written().replace(/var\(--taro-tabbar-height\)/g, 'var(--wgt-tab-bar-height)')
    const ours = sass.compileString('@use "taro-router" as *;\n@include taro-router-styles;', { loadPaths: [join(root, 'src/styles')] }).css
    expect(rules(taro).length).toBeGreaterThan(30)
    expect(rules(ours)).toEqual(rules(taro))
    // Read through the tab bar's own variable, which Taro's build leaves alone.
    expect(ours).toContain('var(--wgt-tab-bar-height)')
  })

  test('and every function the router imports from its style module has a stand-in that writes nothing', () => {
    const standIn = readFileSync(join(root, 'config/no-router-styles.js'), 'utf8')
    const imported = ['navigationBar.js', 'router/page.js', 'router/multi-page.js'].flatMap((file) => {
      const found = read(`@tarojs/router/dist/${file}`).match(/^import \{([^}]+)\} from '\.\.?\/style\.js';$/m)
      expect(found).not.toBeNull()
      return found![1].split(',').map((name) => name.trim())
    })
    expect(new Set(imported)).toEqual(new Set(['loadNavigationBarStyle', 'loadAnimateStyle', 'loadRouterStyle']))
    for (const name of imported) expect(standIn).toMatch(new RegExp(`^export function ${name}\\(\\) \\{\\}$`, 'm'))
    // Nothing else in the router imports it.
    expect(execSync(`grep -rl "style.js'" ${join(root, 'node_modules/@tarojs/router/dist')} --include=*.js`, { encoding: 'utf8' }).trim().split('\n').map((f) => relative(join(root, 'node_modules/@tarojs/router/dist'), f)).sort()).toEqual(['navigationBar.js', 'router/multi-page.js', 'router/page.js'])
  })
})
