/**
 * A tab's address answered with its first screen already in the page (issue 23): index.html plus the markup the
 * built app drew for that tab (scripts/first-screen-draw.ts, kept as first-screen.json beside the build) and the
 * tab's first reads, fresh through the same handlers and caches as /api. The app draws its first render from those
 * reads (src/api/first-reads.h5.ts) and takes the markup away once its own page is drawn (src/lib/first-screen.h5.ts).
 * The markup is drawn from the answers of its build day: it goes out only while today's answers are those, to the day
 * (a card says 3天前发布), otherwise the page carries the fresh reads alone and the app draws them at once.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { LRUCache } from 'lru-cache'
import { elderModeKey, firstNoticeShownClass, privacyAcceptedKey } from '../../types/privacy'
import { chinaDate } from '../lib/dates'
import { API_PREFIX } from './route'

interface DrawnScreen {
  ready: string
  markup: string
  stylesheets?: string[]
  styles?: string
  reads: Record<string, unknown>
}

/** The privacy notice a first visit is shown over any page, as the built app draws it (FirstLaunchNotice). */
export interface DrawnNotice {
  version: string
  markup: string
}

export interface FirstScreens {
  /** The China day the markup was drawn on. */
  day: string
  screens: Record<string, DrawnScreen>
  notice?: DrawnNotice
}

/** The app's first page: the site root opens it. */
const rootTab = '/pages/jobs/index'
const appRoot = '<div id="app"></div>'
const isoInstant = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/

export function loadFirstScreens(webRoot: string): FirstScreens | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(webRoot, 'first-screen.json'), 'utf8')) as FirstScreens
    return parsed && typeof parsed.day === 'string' && parsed.screens ? parsed : null
  } catch {
    return null
  }
}

/**
 * An answer as its markup shows it: instants only to their China day, which is all a card says of them, and without
 * the next page's cursor, which is not drawn (the page carries the fresh one).
 */
function asShown(value: unknown): unknown {
  if (typeof value === 'string') return isoInstant.test(value) ? chinaDate(value) : value
  if (Array.isArray(value)) return value.map(asShown)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'nextCursor').map(([k, v]) => [k, asShown(v)]))
  return value
}

/**
 * The inline script before the drawn notice: it shows the notice only on a phone that has not accepted this version
 * and has not chosen 大字模式 (the app draws that one bigger). Anything unreadable shows it, as the app would. The
 * class it sets shows the notice (app.scss). Allowed by its hash (security-headers.ts).
 */
export function noticeGuard(version: string): string {
  const read = (key: string) => `JSON.parse(s.getItem(${JSON.stringify(key)})||"null")`
  return (
    `(function(){var show=true;try{var s=localStorage,a=${read(privacyAcceptedKey)},e=${read(elderModeKey)};` +
    `show=!(a&&a.data===${JSON.stringify(version)})&&!(e&&e.data==="1")}catch(x){}` +
    `if(show)document.documentElement.classList.add(${JSON.stringify(firstNoticeShownClass)})})()`
  )
}

/**
 * index.html with the first-visit notice drawn in it, before the app root (the router looks for the first page
 * element after it): a worker opening the portal for the first time reads it while the app's script loads, instead
 * of seeing it appear when the app has started. Hidden unless the guard shows it; the app takes it over as it draws
 * its own (src/lib/first-screen.h5.ts).
 */
export function withFirstNotice(indexHtml: string, notice: DrawnNotice | undefined): string {
  if (!notice || !indexHtml.includes(appRoot)) return indexHtml
  const drawn = `<script>${noticeGuard(notice.version)}</script><div id="first-notice" class="first-notice">${notice.markup}</div>`
  return indexHtml.replace(appRoot, () => `${drawn}${appRoot}`)
}

/** JSON inside a <script> element: no `</script>` or `<!--` can close or change it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

/** One read as the page takes it: its answer when the server gave one, and that answer's ETag. */
interface FreshRead {
  read: string
  status: number
  etag: string | undefined
  json: string
}

/**
 * The tabs' pages, each kept by what it was assembled from: the tab, the day (the markup goes out only on its own)
 * and each read's ETag, a hash of the answer. A repeat still makes the reads (most from the response cache) but
 * not the parsing, comparing and assembling; a read that changed (a new posting) has a new ETag, so the next request
 * gets a new page at once. A page with a read left out is not kept: the next request tries that read again.
 */
export class FirstScreenPages {
  private readonly kept = new LRUCache<string, string>({ maxSize: 4_000_000, sizeCalculation: (page) => Math.max(1, page.length) })
  /** Pages assembled, and pages sent as kept, since start (for /metrics). */
  assembled = 0
  reused = 0

  constructor(
    private readonly app: FastifyInstance,
    private readonly indexHtml: string,
    private readonly drawn: FirstScreens,
    private readonly withMarkup: boolean,
  ) {}

  /**
   * The page for `pathname`, or null when it is not a drawn tab (the caller sends index.html as it is). A read the
   * server cannot answer now is left out, and so is the markup: the app then asks for it as before.
   */
  async page(pathname: string): Promise<string | null> {
    const tab = pathname === '/' ? rootTab : pathname
    const screen = this.drawn.screens[tab]
    if (!screen || !this.indexHtml.includes(appRoot)) return null
    const today = chinaDate(this.app.clock())
    const fresh: FreshRead[] = []
    for (const read of Object.keys(screen.reads)) {
      const res = await this.app.inject({ method: 'GET', url: API_PREFIX + read, headers: { accept: 'application/json' } })
      const etag = res.headers.etag
      fresh.push({ read, status: res.statusCode, etag: typeof etag === 'string' ? etag : undefined, json: res.payload })
    }
    const complete = fresh.every((r) => r.status === 200 && r.etag !== undefined)
    const key = [tab, today, ...fresh.map((r) => `${r.read} ${r.etag}`)].join('\n')
    const kept = complete ? this.kept.get(key) : undefined
    if (kept !== undefined) {
      this.reused++
      return kept
    }
    const page = assemble(this.indexHtml, screen, fresh, this.withMarkup && this.drawn.day === today)
    this.assembled++
    if (complete) this.kept.set(key, page)
    return page
  }
}

/** index.html with the fresh reads in it, and the drawn markup when `drawnDay` and every read is as it was drawn. */
function assemble(indexHtml: string, screen: DrawnScreen, fresh: FreshRead[], drawnDay: boolean): string {
  const answers: Record<string, unknown> = {}
  let same = drawnDay
  for (const { read, status, json } of fresh) {
    if (status !== 200) {
      same = false
      continue
    }
    answers[read] = JSON.parse(json)
    if (same && JSON.stringify(asShown(answers[read])) !== JSON.stringify(asShown(screen.reads[read]))) same = false
  }
  const reads = `<script type="application/json" id="first-reads">${scriptJson(answers)}</script>`
  // Replacer functions: a `$&` or `$'` in a posting's text must stay text, not a replacement pattern.
  if (!same) return indexHtml.replace(appRoot, () => `${appRoot}${reads}`)
  // After the app's root (the router looks for the first page element in the document) and over it until the app has
  // drawn the same. The page's stylesheets go in the head, where the app's loader finds them and keeps them; the
  // styles its script adds at start go with the drawing.
  const links = (screen.stylesheets ?? []).map((href) => `<link rel="stylesheet" href="${escapeAttr(href)}">`).join('')
  const styles = screen.styles ? `<style>${screen.styles.replace(/<\//g, '<\\/')}</style>` : ''
  const drawing = `<div id="first-screen" class="first-screen" data-ready="${escapeAttr(screen.ready)}">${styles}<div class="taro_router">${screen.markup}</div></div>`
  return indexHtml.replace('</head>', () => `${links}</head>`).replace(appRoot, () => `${appRoot}${drawing}${reads}`)
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}
