// A phone running the built mini-program: WeChat's `App`/`Page`/`getApp`/`getCurrentPages`, a page stack with
// WeChat's navigation rules, pages compiled by WeChat's own `wcc` and rendered by its component engine (exparser)
// through miniprogram-simulate. Template warnings, console errors and unknown `wx` calls are collected as
// problems: each one is something a worker's phone would get wrong.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createWx, type AppJson, type PhoneSettings } from './wx-double'

// CommonJS packages without types.
 
const simulate = require('miniprogram-simulate')
const simulateUtils = require('miniprogram-simulate/src/utils')
const exparser = require('miniprogram-exparser')
const jComponent = require('j-component')

// simulate declares WeChat's <button> without properties, which drops open-type; WeChat acts on it (privacy, share).
jComponent.register({ id: 'button', tagName: 'wx-button', template: '<slot/>', properties: { openType: { type: String, value: '' } } })

type Query = Record<string, string>
type PageInstance = Record<string, any>

export interface PageHandle {
  route: string
  query: Query
  /** The page's own `this` (Taro's page config methods live on it). */
  instance: PageInstance
  /** Everything a worker can read on the page. */
  text: () => string
  /** The page's root in the rendered (jsdom) tree. */
  root: () => Element
}

/** Where the page being opened goes and with which query: read by the page's `attached`. */
let opening: { route: string; query: Query; handle: PageHandle } | null = null
/** Set while a page or component file first runs: lets the harness re-register it later (see runJs). */
let capture: ((register: () => void) => void) | null = null

const simulateComponent = (globalThis as any).Component as (options: unknown) => void

function pageAsComponent(config: Record<string, unknown>) {
  const methods: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value
  return {
    data: config.data,
    methods,
    lifetimes: {
      attached(this: PageInstance) {
        const { route, query, handle } = opening!
        this.route = route
        this.__route__ = route
        this.options = query
        handle.instance = this
        // WeChat's order: onLoad, onShow, then onReady once the first render is on screen.
        this.onLoad(query)
        this.onShow?.()
        setTimeout(() => this.onReady?.(), 0)
      },
    },
  }
}

// jest's module registry never forgets a file (`delete require.cache[…]` is a no-op there), so a page file runs
// once per test file; opening the page again replays the registration its first run made.
const registrations = new Map<string, () => void>()
simulateUtils.runJs = (file: string) => {
  const again = registrations.get(file)
  if (again) return again()
  let register: (() => void) | null = null
  capture = (r) => (register = r)
  try {
    require(file)
  } finally {
    capture = null
  }
  if (!register) throw new Error(`${file} registered no Page or Component`)
  registrations.set(file, register)
}

;(globalThis as any).Component = (options: unknown) => {
  const register = () => simulateComponent(options)
  capture?.(register)
  register()
}
;(globalThis as any).Page = (config: Record<string, unknown>) => {
  const register = () => simulateComponent(pageAsComponent(config))
  capture?.(register)
  register()
}

export interface PhoneOptions {
  distDir: string
  baseUrl: string
  settings?: Partial<PhoneSettings>
  /** Storage the phone starts with (e.g. the privacy notice already accepted). */
  storage?: Record<string, unknown>
}

const defaultSettings: PhoneSettings = {
  // 无锡 (GCJ-02): the county has a labour station and a Party branch there.
  position: { latitude: 31.4912, longitude: 120.3119 },
  allowLocation: true,
  privacyAgreed: true,
}

export class Phone {
  readonly problems: string[] = []
  readonly appJson: AppJson
  readonly settings: PhoneSettings
  private readonly stack: PageHandle[] = []
  private readonly tabs = new Map<string, PageHandle>()
  private readonly double: ReturnType<typeof createWx>
  private app: Record<string, any> | null = null
  private readonly restoreConsole: () => void

  constructor(private readonly options: PhoneOptions) {
    this.appJson = JSON.parse(readFileSync(join(options.distDir, 'app.json'), 'utf8'))
    this.settings = { ...defaultSettings, ...options.settings }
    this.double = createWx({
      baseUrl: options.baseUrl,
      appJson: this.appJson,
      settings: this.settings,
      problem: (m) => this.problems.push(m),
      navigate: (kind, o) => this.navigate(kind, o),
      hasElementWithId: (id) => !!findById(this.current().root(), id),
    })
    for (const [k, v] of Object.entries(options.storage ?? {})) this.double.storage.set(k, v)
    const g = globalThis as any
    g.wx = this.double.wx
    g.getApp = () => this.app
    g.getCurrentPages = () => this.stack.map((p) => p.instance)
    g.App = (config: Record<string, any>) => {
      this.app = config
    }
    this.restoreConsole = this.watchConsole()
  }

  /** Side effects the app asked WeChat for (calls, clipboard, toasts, requests…). */
  get calls() {
    return this.double.calls
  }

  get storage() {
    return this.double.storage
  }

  setOnline(online: boolean) {
    this.double.setOnline(online)
  }

  hasPrivacyListener() {
    return this.double.hasPrivacyListener()
  }

  /** Starts the mini-program as WeChat does, on `url` (the first tab unless told). */
  async launch(url = `/${this.appJson.pages[0]}`): Promise<PageHandle> {
    const { route, query } = parseUrl(url)
    require(join(this.options.distDir, 'app.js'))
    if (!this.app) throw new Error('app.js did not call App()')
    const launchOptions = { path: route, query, scene: 1001 }
    this.app.onLaunch?.call(this.app, launchOptions)
    this.app.onShow?.call(this.app, launchOptions)
    await this.open(route, query)
    return this.current()
  }

  current(): PageHandle {
    const top = this.stack[this.stack.length - 1]
    if (!top) throw new Error('no page is open')
    return top
  }

  pages(): string[] {
    return this.stack.map((p) => p.route)
  }

  /** Opens a page the way a link from outside would (WeChat's reLaunch): a fresh stack with that page alone. */
  async reLaunch(url: string): Promise<PageHandle> {
    await this.navigate('reLaunch', { url })
    return this.current()
  }

  /** Taps a tab in the tab bar (wx.switchTab): the tab page is kept alive between visits, as WeChat does. */
  async switchTab(url: string): Promise<PageHandle> {
    await this.navigate('switchTab', { url })
    await settle()
    return this.current()
  }

  /** Opens a page on top of the current one (wx.navigateTo). */
  async navigateTo(url: string): Promise<PageHandle> {
    await this.navigate('navigateTo', { url })
    return this.current()
  }

  /** Waits until the page in front is `route` (after a tap that navigates). */
  async waitForPage(route: string, timeout = 8000): Promise<PageHandle> {
    await waitUntil(() => this.stack.length > 0 && this.current().route === route.replace(/^\//, ''), timeout, () => `page ${route} (stack: ${this.pages().join(' > ')})`)
    return this.current()
  }

  /** Waits until the page in front shows `text`. */
  async waitForText(text: string | RegExp, timeout = 8000): Promise<string> {
    const has = () => {
      const t = this.current().text()
      return typeof text === 'string' ? t.includes(text) : text.test(t)
    }
    await waitUntil(has, timeout, () => `"${text}" on ${this.current().route}; it shows: ${this.current().text().slice(0, 400)}`)
    return this.current().text()
  }

  /** Waits until the text of the page in front passes `check` (e.g. a row is gone after a filter). */
  async waitForTextWhere(check: (text: string) => boolean, what: string, timeout = 8000): Promise<string> {
    await waitUntil(() => check(this.current().text()), timeout, () => `${what} on ${this.current().route}; it shows: ${this.current().text().slice(0, 400)}`)
    return this.current().text()
  }

  /**
   * Taps what shows `text` on the page in front, as a finger would: the tap bubbles to the nearest handler.
   * `last` takes the last one shown (a dialog's button that repeats its title).
   */
  async tap(text: string, { exact = false, last = false } = {}): Promise<void> {
    const root = this.current().root()
    const target = findByText(root, text, exact, last)
    if (!target) throw new Error(`nothing shows "${text}" on ${this.current().route}: ${this.current().text().slice(0, 400)}`)
    this.double.duringTap(() => tapElement(target, (type, button) => this.openType(type, button)))
    await settle()
  }

  /** Taps the element with this id (what WeChat's button ids and Taro's node ids are). */
  async tapId(id: string): Promise<void> {
    const target = findById(this.current().root(), id)
    if (!target) throw new Error(`no element #${id} on ${this.current().route}`)
    this.double.duringTap(() => tapElement(target, (type, button) => this.openType(type, button)))
    await settle()
  }

  /** WeChat's side of an open-type button. */
  private openType(type: string, button: Element) {
    if (type === 'agreePrivacyAuthorization') {
      this.settings.privacyAgreed = true
      dispatch(button, 'agreeprivacyauthorization', {})
    } else if (type === 'share') {
      this.double.calls.push({ api: 'share', args: [] })
    }
  }

  /** Types into the input whose placeholder mentions `placeholder`. */
  async type(placeholder: string, value: string): Promise<void> {
    const inputs = Array.from(this.current().root().querySelectorAll('wx-input, wx-textarea'))
    const input = inputs.find((el) => (el.getAttribute('placeholder') ?? (el as any).__wxElement?.placeholder ?? '').includes(placeholder))
    if (!input) throw new Error(`no input for "${placeholder}" on ${this.current().route}`)
    dispatch(input, 'input', { value, cursor: value.length, keyCode: 0 })
    await settle()
  }

  /** Calls the page's pull-down refresh, as a worker dragging the list down. */
  async pullDown(): Promise<void> {
    this.current().instance.onPullDownRefresh?.()
    await settle()
  }

  /** Problems so far, and forgets them: tests assert this is empty after each page. */
  takeProblems(): string[] {
    return this.problems.splice(0)
  }

  async close(): Promise<void> {
    for (const page of [...this.stack].reverse()) this.unload(page)
    this.stack.length = 0
    this.tabs.clear()
    await settle()
    this.restoreConsole()
  }

  private isTab(route: string) {
    return !!this.appJson.tabBar?.list.some((t) => t.pagePath === route)
  }

  private isPage(route: string) {
    if (this.appJson.pages.includes(route)) return true
    return !!this.appJson.subPackages?.some((p) => p.pages.some((page) => `${p.root}/${page}` === route))
  }

  private async navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack', o: { url?: string; delta?: number }) {
    if (kind === 'navigateBack') {
      const delta = Math.max(1, o.delta ?? 1)
      if (this.stack.length <= 1) return
      const gone = this.stack.splice(Math.max(1, this.stack.length - delta))
      gone.reverse().forEach((p) => this.unload(p))
      this.current().instance.onShow?.()
      return
    }
    const { route, query } = parseUrl(o.url ?? '')
    if (!this.isPage(route)) throw new Error(`page "${route}" is not found`)
    if (kind === 'switchTab') {
      if (!this.isTab(route)) throw new Error('can not switch to no-tabBar page')
      const leaving = this.stack.splice(0)
      leaving.reverse().forEach((p) => (this.isTab(p.route) ? p.instance.onHide?.() : this.unload(p)))
      const tab = this.tabs.get(route)
      if (tab) {
        this.stack.push(tab)
        tab.instance.onShow?.()
      } else {
        await this.open(route, {})
      }
      return
    }
    if (this.isTab(route) && kind !== 'reLaunch') throw new Error(`can not ${kind} a tabbar page`)
    if (kind === 'navigateTo') {
      if (this.stack.length >= 10) throw new Error('webview count limit exceed')
      this.current().instance.onHide?.()
    } else if (kind === 'redirectTo') {
      const top = this.stack.pop()
      if (top) this.unload(top)
    } else {
      const all = this.stack.splice(0)
      all.reverse().forEach((p) => this.unload(p))
      for (const tab of this.tabs.values()) if (!all.includes(tab)) this.unload(tab)
      this.tabs.clear()
    }
    await this.open(route, query)
  }

  private async open(route: string, query: Query): Promise<void> {
    const file = join(this.options.distDir, route)
    const handle = {
      route,
      query,
      instance: {} as PageInstance,
      container: document.createElement('div'),
    } as unknown as PageHandle & { container: HTMLElement; comp?: any }
    document.body.appendChild(handle.container)
    const id = simulate.load(file, { compiler: 'official', rootPath: this.options.distDir })
    const comp = simulate.render(id)
    handle.comp = comp
    handle.root = () => comp.dom
    handle.text = () => (comp.dom.textContent ?? '').replace(/\s+/g, ' ').trim()
    this.stack.push(handle)
    if (this.isTab(route)) this.tabs.set(route, handle)
    opening = { route, query, handle }
    try {
      comp.attach(handle.container)
    } finally {
      opening = null
    }
    await settle()
  }

  private unload(page: PageHandle) {
    const p = page as PageHandle & { container: HTMLElement; comp?: any }
    try {
      p.instance.onUnload?.()
    } finally {
      p.comp?.detach()
      p.container.remove()
    }
  }

  /** wcc's runtime reports a missing template with console.warn; React reports render errors with console.error. */
  private watchConsole(): () => void {
    const original = { warn: console.warn, error: console.error }
    const keep = (kind: string) => (...args: unknown[]) => {
      const text = args.map((a) => (a instanceof Error ? a.stack ?? a.message : typeof a === 'string' ? a : safeJson(a))).join(' ')
      this.problems.push(`console.${kind}: ${text}`)
    }
    console.warn = keep('warn')
    console.error = keep('error')
    return () => Object.assign(console, original)
  }
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v)
  } catch {
    return String(v)
  }
}

/** WeChat hands onLoad the query exactly as written in the url: values stay URL-encoded. */
export function parseUrl(url: string): { route: string; query: Query } {
  const [path, search = ''] = url.split('?')
  const query: Query = {}
  for (const pair of search.split('&')) {
    if (!pair) continue
    const at = pair.indexOf('=')
    if (at < 0) query[pair] = ''
    else query[pair.slice(0, at)] = pair.slice(at + 1)
  }
  return { route: path.replace(/^\//, ''), query }
}

function findByText(root: Element, text: string, exact: boolean, last = false): Element | null {
  const own = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()
  const matches = (el: Element) => (exact ? own(el) === text : own(el).includes(text))
  const walk = (el: Element): Element | null => {
    if (!(el.textContent ?? '').includes(exact ? text : text)) return null
    const children = Array.from(el.children)
    for (const child of last ? children.reverse() : children) {
      const found = walk(child)
      if (found) return found
    }
    return matches(el) ? el : null
  }
  return walk(root)
}

function dispatch(el: Element, name: string, detail: Record<string, unknown> = {}) {
  const wxElement = (el as any).__wxElement
  if (!wxElement) throw new Error(`<${el.tagName.toLowerCase()}> is not a WeChat node`)
  const original = new CustomEvent(name, { detail })
  exparser.Event.dispatchEvent(
    wxElement,
    exparser.Event.create(name, detail, {
      originalEvent: original,
      bubbles: true,
      capturePhase: true,
      composed: true,
      extraFields: { touches: [{ x: 10, y: 10 }], changedTouches: [{ x: 10, y: 10 }] },
    }),
  )
}

/** Finds by the WeChat node id (Taro's ids live on exparser nodes, not on the drawn DOM). */
function findById(root: Element, id: string): Element | null {
  return Array.from(root.querySelectorAll('*')).find((el) => (el as any).__wxElement?.id === id) ?? null
}

function openTypeOf(button: Element): string | undefined {
  const w = (button as any).__wxElement
  return w?.__propData?.openType || undefined
}

/** A tap; on a button with an open-type WeChat also fires that button's own event (e.g. agreeprivacyauthorization). */
function tapElement(el: Element, onOpenType?: (type: string, button: Element) => void) {
  dispatch(el, 'tap', { x: 10, y: 10 })
  const button = el.closest('wx-button')
  const type = button && openTypeOf(button)
  if (button && type) onOpenType?.(type, button)
}

/** Lets timers, promises and the network settle a little (React batches, Taro sets data on the next tick). */
export function settle(ms = 30): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

async function waitUntil(check: () => boolean, timeout: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeout
  for (;;) {
    if (check()) return
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`)
    await settle(25)
  }
}
