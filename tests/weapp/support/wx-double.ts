// The `wx` object a phone would give the mini-program, for the APIs the app uses. `request` goes to the real
// server; storage, location, network and system info behave as on a mid-range Android phone with WeChat 8.
// Every other API WeChat has is present (Taro wraps whatever `wx` lists) but fails the test when called.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string; text: string }[] }
  requiredPrivateInfos?: string[]
  permission?: Record<string, { desc: string }>
}

/** What the phone's owner does and has: its position, and what they answer when WeChat asks. */
export interface PhoneSettings {
  /** GCJ-02, as WeChat returns for type 'gcj02'. */
  position: { latitude: number; longitude: number }
  /** Whether the worker allows location when WeChat asks the first time. */
  allowLocation: boolean
  /** Whether the worker already agreed to the mini-program's privacy notice (WeChat remembers it). */
  privacyAgreed: boolean
}

export interface Call {
  api: string
  args: unknown[]
}

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void }
type Resolve = (option: { event: string; buttonId?: string }) => void

export interface PhoneHooks {
  /** The server the phone reaches, whatever origin the build's API base names. */
  baseUrl: string
  appJson: AppJson
  settings: PhoneSettings
  /** Anything that must fail the test (unknown API, misuse WeChat would reject). */
  problem: (message: string) => void
  navigate: (kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack', options: { url?: string; delta?: number }) => Promise<void>
  /** Ids of the elements on the page in front (WeChat checks the privacy agree button is there). */
  hasElementWithId: (id: string) => boolean
}

const typings = join(__dirname, '../../../node_modules/miniprogram-api-typings/types/wx/lib.wx.api.d.ts')

/** Every method of WeChat's `wx`, read from the official typings. */
export function wechatApiNames(): string[] {
  const text = readFileSync(typings, 'utf8')
  const start = text.indexOf('    interface Wx {')
  const end = text.indexOf('\n    }', start)
  const names = new Set<string>()
  for (const m of text.slice(start, end).matchAll(/^ {8}([a-zA-Z]+)(?:<[^>]*>)?\(/gm)) names.add(m[1])
  return [...names]
}

function settle(opts: Callbacks | undefined, api: string, run: () => unknown): Promise<unknown> {
  return Promise.resolve()
    .then(run)
    .then(
      (res) => {
        const ok = { errMsg: `${api}:ok`, ...(res as object) }
        opts?.success?.(ok)
        opts?.complete?.(ok)
        return ok
      },
      (e: unknown) => {
        const err = { errMsg: `${api}:fail ${e instanceof Error ? e.message : String(e)}` }
        opts?.fail?.(err)
        opts?.complete?.(err)
        return err
      },
    )
}

function toQuery(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
}

export function createWx(hooks: PhoneHooks) {
  const storage = new Map<string, unknown>()
  const files = new Map<string, string>()
  const calls: Call[] = []
  const networkListeners = new Set<(res: unknown) => void>()
  const appShowListeners = new Set<(res: unknown) => void>()
  let privacyListener: ((resolve: Resolve) => void) | null = null
  let locationScope: boolean | undefined
  // How deep the phone is inside a tap's dispatch: WeChat lets some APIs run only in a tap handler's own call.
  let tapping = 0
  const record = (api: string, args: unknown[]) => calls.push({ api, args })

  const systemInfo = {
    brand: 'Xiaomi',
    model: 'Redmi Note 12',
    pixelRatio: 2.75,
    screenWidth: 393,
    screenHeight: 873,
    windowWidth: 393,
    windowHeight: 759,
    statusBarHeight: 33,
    language: 'zh_CN',
    version: '8.0.50',
    system: 'Android 13',
    platform: 'android',
    fontSizeSetting: 16,
    SDKVersion: '3.5.8',
    safeArea: { top: 33, left: 0, right: 393, bottom: 873, width: 393, height: 840 },
    theme: 'light',
  }

  /** WeChat's own gate in front of a privacy-gated API: declared, described, agreed to, allowed. */
  async function privacyGate(api: string, scope: string): Promise<void> {
    if (!hooks.appJson.requiredPrivateInfos?.includes(api)) {
      throw new Error(`the api need to be declared in the requiredPrivateInfos field in app.json/ext.json`)
    }
    if (!hooks.appJson.permission?.[scope]?.desc) throw new Error(`require permission desc for ${scope}`)
    if (!hooks.settings.privacyAgreed) {
      if (!privacyListener) throw new Error('privacy permission is not authorized (no onNeedPrivacyAuthorization listener)')
      const answer = await new Promise<{ event: string; buttonId?: string }>((resolve) => {
        privacyListener!((option) => {
          if (option.event !== 'exposureAuthorization') resolve(option)
        })
      })
      if (answer.event !== 'agree') throw new Error('privacy permission is not authorized')
      if (!answer.buttonId || !hooks.hasElementWithId(answer.buttonId)) {
        hooks.problem(`privacy agree resolved with buttonId ${answer.buttonId}, which is not a button on the page in front`)
      }
      hooks.settings.privacyAgreed = true
    }
    if (locationScope === undefined) locationScope = hooks.settings.allowLocation
    if (!locationScope) throw new Error('auth deny')
  }

  const doubles: Record<string, (...args: any[]) => unknown> = {
    request(opts: { url: string; method?: string; header?: Record<string, string>; data?: unknown; dataType?: string } & Callbacks) {
      record('request', [opts.url])
      const controller = new AbortController()
      void settle(opts, 'request', async () => {
        if (!/^https:\/\//.test(opts.url)) hooks.problem(`wx.request to ${opts.url}: a phone only reaches https addresses`)
        const method = (opts.method ?? 'GET').toUpperCase()
        let url = opts.url.replace(/^https?:\/\/[^/]+/, hooks.baseUrl)
        const headers: Record<string, string> = { ...(opts.header ?? {}) }
        let body: string | undefined
        if (opts.data !== undefined && opts.data !== null) {
          if (method === 'GET') {
            // WeChat turns GET data into the query string.
            const q = typeof opts.data === 'string' ? opts.data : toQuery(opts.data as Record<string, unknown>)
            if (q) url += (url.includes('?') ? '&' : '?') + q
          } else {
            body = typeof opts.data === 'string' ? opts.data : JSON.stringify(opts.data)
            if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json'
          }
        }
        const res = await fetch(url, { method, headers, body, signal: controller.signal })
        const text = await res.text()
        let data: unknown = text
        if ((opts.dataType ?? 'json') === 'json') {
          try {
            data = JSON.parse(text)
          } catch {
            // WeChat hands back the raw text when it is not JSON.
          }
        }
        return { statusCode: res.status, data, header: Object.fromEntries(res.headers.entries()), cookies: [] }
      })
      return { abort: () => controller.abort(), onHeadersReceived() {}, offHeadersReceived() {} }
    },

    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 1, limitSize: 10240 }),
    getStorage: (o: { key: string } & Callbacks) =>
      settle(o, 'getStorage', () => {
        if (!storage.has(o.key)) throw new Error('data not found')
        return { data: storage.get(o.key) }
      }),
    setStorage: (o: { key: string; data: unknown } & Callbacks) => settle(o, 'setStorage', () => void storage.set(o.key, o.data)),
    removeStorage: (o: { key: string } & Callbacks) => settle(o, 'removeStorage', () => void storage.delete(o.key)),

    getSystemInfoSync: () => ({ ...systemInfo }),
    getSystemInfo: (o: Callbacks) => settle(o, 'getSystemInfo', () => ({ ...systemInfo })),
    getWindowInfo: () => {
      const { pixelRatio, screenWidth, screenHeight, windowWidth, windowHeight, statusBarHeight, safeArea } = systemInfo
      return { pixelRatio, screenWidth, screenHeight, windowWidth, windowHeight, statusBarHeight, safeArea, screenTop: 0 }
    },
    getDeviceInfo: () => ({ brand: systemInfo.brand, model: systemInfo.model, system: systemInfo.system, platform: 'android' }),
    getAppBaseInfo: () => ({ SDKVersion: systemInfo.SDKVersion, version: systemInfo.version, language: 'zh_CN', theme: 'light', fontSizeSetting: 16 }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 37, right: 386, bottom: 69, left: 299 }),
    canIUse: () => true,
    getLaunchOptionsSync: () => ({ path: hooks.appJson.pages[0], query: {}, scene: 1001 }),
    getEnterOptionsSync: () => ({ path: hooks.appJson.pages[0], query: {}, scene: 1001 }),

    getNetworkType: (o: Callbacks) => settle(o, 'getNetworkType', () => ({ networkType: '4g' })),
    onNetworkStatusChange: (cb: (res: unknown) => void) => void networkListeners.add(cb),
    offNetworkStatusChange: (cb?: (res: unknown) => void) => (cb ? networkListeners.delete(cb) : networkListeners.clear()),
    // The outbox resends when the worker comes back to the app.
    onAppShow: (cb: (res: unknown) => void) => void appShowListeners.add(cb),
    offAppShow: (cb?: (res: unknown) => void) => (cb ? appShowListeners.delete(cb) : appShowListeners.clear()),

    onNeedPrivacyAuthorization: (listener: (resolve: Resolve) => void) => {
      privacyListener = listener
    },
    getPrivacySetting: (o: Callbacks) => settle(o, 'getPrivacySetting', () => ({ needAuthorization: !hooks.settings.privacyAgreed, privacyContractName: '《务工通隐私保护指引》' })),
    getLocation: (o: { type?: string } & Callbacks) => {
      record('getLocation', [o.type])
      return settle(o, 'getLocation', async () => {
        await privacyGate('getLocation', 'scope.userLocation')
        if (o.type !== 'gcj02') hooks.problem(`getLocation type ${o.type}: the server stores GCJ-02`)
        return { ...hooks.settings.position, accuracy: 30, speed: 0, altitude: 0 }
      })
    },
    getSetting: (o: Callbacks) => settle(o, 'getSetting', () => ({ authSetting: locationScope === undefined ? {} : { 'scope.userLocation': locationScope } })),

    login: (o: Callbacks) => settle(o, 'login', () => ({ code: 'weapp-test-code' })),
    // WeChat shows the ask only when called inside a tap handler (not after an await); the worker allows every one.
    requestSubscribeMessage: (o: { tmplIds?: string[] } & Callbacks) => {
      const fromTap = tapping > 0
      const tmplIds = o.tmplIds ?? []
      record('requestSubscribeMessage', [tmplIds, { fromTap }])
      return settle(o, 'requestSubscribeMessage', () => {
        if (!fromTap) {
          hooks.problem(`wx.requestSubscribeMessage(${JSON.stringify(tmplIds)}) outside a tap: WeChat refuses it`)
          throw new Error('can only be invoked by user TAP gesture.')
        }
        if (!tmplIds.length || tmplIds.length > 3) throw new Error('TmplIds can not be empty or more than 3')
        return Object.fromEntries(tmplIds.map((id) => [id, 'accept']))
      })
    },

    navigateTo: (o: { url: string } & Callbacks) => settle(o, 'navigateTo', () => hooks.navigate('navigateTo', o)),
    redirectTo: (o: { url: string } & Callbacks) => settle(o, 'redirectTo', () => hooks.navigate('redirectTo', o)),
    switchTab: (o: { url: string } & Callbacks) => settle(o, 'switchTab', () => hooks.navigate('switchTab', o)),
    reLaunch: (o: { url: string } & Callbacks) => settle(o, 'reLaunch', () => hooks.navigate('reLaunch', o)),
    navigateBack: (o: { delta?: number } & Callbacks = {}) => settle(o, 'navigateBack', () => hooks.navigate('navigateBack', o)),

    setNavigationBarTitle: (o: { title: string } & Callbacks) => (record('setNavigationBarTitle', [o.title]), settle(o, 'setNavigationBarTitle', () => undefined)),
    stopPullDownRefresh: (o?: Callbacks) => settle(o, 'stopPullDownRefresh', () => undefined),
    startPullDownRefresh: (o?: Callbacks) => settle(o, 'startPullDownRefresh', () => undefined),
    pageScrollTo: (o?: Callbacks) => settle(o, 'pageScrollTo', () => undefined),
    showToast: (o: { title: string } & Callbacks) => (record('showToast', [o.title]), settle(o, 'showToast', () => undefined)),
    hideToast: (o?: Callbacks) => settle(o, 'hideToast', () => undefined),
    showLoading: (o: { title: string } & Callbacks) => settle(o, 'showLoading', () => undefined),
    hideLoading: (o?: Callbacks) => settle(o, 'hideLoading', () => undefined),
    showModal: (o: { title?: string; content?: string } & Callbacks) => (record('showModal', [o.title, o.content]), settle(o, 'showModal', () => ({ confirm: true, cancel: false }))),
    showShareMenu: (o?: Callbacks) => (record('showShareMenu', [o]), settle(o, 'showShareMenu', () => undefined)),
    hideShareMenu: (o?: Callbacks) => settle(o, 'hideShareMenu', () => undefined),

    makePhoneCall: (o: { phoneNumber: string } & Callbacks) => (record('makePhoneCall', [o.phoneNumber]), settle(o, 'makePhoneCall', () => undefined)),
    setClipboardData: (o: { data: string } & Callbacks) => (record('setClipboardData', [o.data]), settle(o, 'setClipboardData', () => undefined)),
    openLocation: (o: { latitude: number; longitude: number; name?: string } & Callbacks) => (record('openLocation', [o]), settle(o, 'openLocation', () => undefined)),

    getFileSystemManager: () => fileSystem(files, hooks.problem),

    nextTick: (fn: () => void) => void Promise.resolve().then(fn),
    createSelectorQuery: () => selectorQuery(systemInfo.windowWidth),
    createIntersectionObserver: () => ({ relativeTo() { return this }, relativeToViewport() { return this }, observe() {}, disconnect() {} }),
    createAnimation: () => animationStub(),
    reportAnalytics: () => undefined,
    getUpdateManager: () => ({ onCheckForUpdate() {}, onUpdateReady() {}, onUpdateFailed() {}, applyUpdate() {} }),
  }

  const known = new Set(wechatApiNames())
  for (const name of Object.keys(doubles)) known.add(name)
  const values: Record<string, unknown> = { env: { USER_DATA_PATH: 'wxfile://usr' } }

  const wx = new Proxy(values, {
    get(target, key) {
      if (typeof key !== 'string') return undefined
      if (key in doubles) return doubles[key]
      if (key in target) return target[key]
      if (known.has(key)) {
        return () => {
          hooks.problem(`wx.${key} was called: the weapp harness has no double for it (add one that behaves like a phone)`)
          throw new Error(`wx.${key} is not available in the weapp harness`)
        }
      }
      return undefined
    },
    set(target, key, value) {
      target[key as string] = value
      return true
    },
    has: (target, key) => typeof key === 'string' && (key in doubles || key in target || known.has(key)),
    ownKeys: (target) => [...new Set([...Object.keys(target), ...known])],
    getOwnPropertyDescriptor: (target, key) =>
      typeof key === 'string' && (key in target || key in doubles || known.has(key))
        ? { configurable: true, enumerable: true, writable: true, value: (wx as Record<string, unknown>)[key] }
        : undefined,
  }) as Record<string, unknown>

  return {
    wx,
    calls,
    storage,
    /** Tells the app the network went away or came back. */
    setOnline(online: boolean) {
      networkListeners.forEach((cb) => cb({ isConnected: online, networkType: online ? '4g' : 'none' }))
    },
    hasPrivacyListener: () => privacyListener !== null,
    /** Runs a tap's dispatch: what the handlers call meanwhile counts as called from the tap. */
    duringTap(dispatchTap: () => void) {
      tapping++
      try {
        dispatchTap()
      } finally {
        tapping--
      }
    },
  }
}

/** One result per query, as WeChat gives: NutUI Tabs reads `res[0]`, `res[1]`… and crashes on fewer. */
function selectorQuery(width: number) {
  const rect = { id: '', dataset: {}, left: 0, right: width, top: 0, bottom: 44, width, height: 44 }
  const queue: ((results: unknown[]) => void)[] = []
  const query = {
    in: () => query,
    select: () => nodesRef(false),
    selectAll: () => nodesRef(true),
    selectViewport: () => nodesRef(false),
    exec(cb?: (res: unknown[]) => void) {
      const results: unknown[] = []
      queue.forEach((push) => push(results))
      setTimeout(() => cb?.(results), 0)
      return query
    },
  }
  function nodesRef(all: boolean) {
    const answer = (value: unknown, cb?: (res: unknown) => void) => {
      queue.push((results) => {
        const res = all ? [value] : value
        results.push(res)
        cb?.(res)
      })
      return query
    }
    return {
      boundingClientRect: (cb?: (res: unknown) => void) => answer({ ...rect }, cb),
      scrollOffset: (cb?: (res: unknown) => void) => answer({ id: '', dataset: {}, scrollLeft: 0, scrollTop: 0, scrollWidth: width, scrollHeight: 800 }, cb),
      fields: (_f: unknown, cb?: (res: unknown) => void) => answer({ ...rect }, cb),
      context: (cb?: (res: unknown) => void) => answer({ context: {} }, cb),
      node: (cb?: (res: unknown) => void) => answer({ node: null }, cb),
    }
  }
  return query
}

/** The mini-program's own files: only under wx.env.USER_DATA_PATH may it write, as on a phone. */
function fileSystem(files: Map<string, string>, problem: (m: string) => void) {
  const writable = (path: string) => path.startsWith('wxfile://usr/')
  const write = (o: { filePath: string; data: string; encoding?: string }) => {
    if (!writable(o.filePath)) throw new Error(`permission denied, open ${o.filePath}`)
    if (o.encoding === 'base64' && !/^[A-Za-z0-9+/=\s]*$/.test(o.data)) problem(`writeFile ${o.filePath}: data is not base64`)
    files.set(o.filePath, o.data)
  }
  const read = (path: string) => {
    if (!files.has(path)) throw new Error(`no such file or directory ${path}`)
    return files.get(path)!
  }
  return {
    writeFile: (o: { filePath: string; data: string; encoding?: string } & Callbacks) => void settle(o, 'writeFile', () => write(o)),
    writeFileSync: (filePath: string, data: string, encoding?: string) => write({ filePath, data, encoding }),
    readFile: (o: { filePath: string } & Callbacks) => void settle(o, 'readFile', () => ({ data: read(o.filePath) })),
    readFileSync: (filePath: string) => read(filePath),
    access: (o: { path: string } & Callbacks) => void settle(o, 'access', () => void read(o.path)),
    accessSync: (path: string) => void read(path),
    unlink: (o: { filePath: string } & Callbacks) => void settle(o, 'unlink', () => void files.delete(o.filePath)),
  }
}

function animationStub() {
  const a: Record<string, unknown> = {}
  for (const m of ['opacity', 'backgroundColor', 'width', 'height', 'left', 'top', 'right', 'bottom', 'rotate', 'scale', 'translate', 'translateX', 'translateY', 'skew', 'matrix', 'step']) a[m] = () => a
  a.export = () => ({ actions: [] })
  return a
}
