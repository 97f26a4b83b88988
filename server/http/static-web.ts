/**
 * The built H5 portal at `/`. Hashed bundles never change under their name, so they are cached
 * for a year; index.html must be revalidated so a deploy is seen at once. Browser-history
 * routes (deep links such as /packages/jobs/pages/detail/index?id=1) get index.html; a tab's address gets it with the
 * tab's first screen inside (first-screen.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { FirstScreenMode } from '../config'
import { errorBody, sendError } from './error-handler'
import { FirstScreenPages, type FirstScreens, loadFirstScreens, withFirstNotice } from './first-screen'
import { API_PREFIX } from './route'

const HASHED_DIRS = /^(js|css|static)\//
// name.3f2a9c1b.js, name-3f2a9c1b.css, chunk.abcdef12.chunk.js …
const HASH_IN_NAME = /[.-][0-9a-f]{6,}[.-]/i

const IMMUTABLE = 'public, max-age=31536000, immutable'
const NO_CACHE = 'no-cache'

export function cacheControlFor(relativePath: string): string {
  const rel = relativePath.split(path.sep).join('/')
  return HASHED_DIRS.test(rel) && HASH_IN_NAME.test(path.posix.basename(rel)) ? IMMUTABLE : NO_CACHE
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>务工通</title></head>
<body style="font-family:sans-serif;padding:2em;line-height:1.6">
<h1>务工通</h1>
<p>网页版还没有构建。服务器和接口（/api）已经在运行。</p>
<p>请在项目目录运行 <code>npm run build:h5</code>，然后重新启动服务器。</p>
</body></html>`

function wantsHtml(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? ''
  return accept.includes('text/html') || accept.includes('*/*') || accept === ''
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The tabs' pages with their first screens (null when the build has none, or FIRST_SCREEN=off). */
    firstScreenPages: FirstScreenPages | null
  }
}

/** What the server answers a portal address with, read from the build once at start. */
export interface Portal {
  webRoot: string
  /** The built index.html, or null when the portal is not built. */
  indexHtml: string | null
  /** The tabs' first screens as the build drew them (null when it drew none, or FIRST_SCREEN=off). */
  drawn: FirstScreens | null
  /** Whether the tabs go out with their markup (`drawn`) or with their first reads alone (`reads`). */
  drawsTabs: boolean
  /** index.html as every portal address gets it: with the first-visit notice drawn, where the tabs are drawn. */
  page: string
}

export function readPortal(webRoot: string, firstScreen: FirstScreenMode = 'drawn'): Portal {
  const indexPath = path.join(webRoot, 'index.html')
  const indexHtml = fs.existsSync(indexPath) ? fs.readFileSync(indexPath, 'utf8') : null
  const drawn = indexHtml !== null && firstScreen !== 'off' ? loadFirstScreens(webRoot) : null
  const drawsTabs = firstScreen === 'drawn'
  const page = indexHtml === null ? NOT_BUILT_PAGE : drawsTabs ? withFirstNotice(indexHtml, drawn?.notice) : indexHtml
  return { webRoot, indexHtml, drawn, drawsTabs, page }
}

export async function registerStaticWeb(app: FastifyInstance, { webRoot, indexHtml, drawn, drawsTabs, page: portalPage }: Portal): Promise<void> {
  const hasIndex = indexHtml !== null
  const withNotice = hasIndex && portalPage !== indexHtml
  const firstScreens = drawn ? new FirstScreenPages(app, portalPage, drawn, drawsTabs) : null
  app.decorate('firstScreenPages', firstScreens)
  if (hasIndex) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      // `/` is a tab's address like the others: answered below, with its first screen.
      index: false,
      cacheControl: false,
      setHeaders(res, filePath) {
        res.setHeader('Cache-Control', cacheControlFor(path.relative(webRoot, filePath)))
      },
    })
  }

  /** A portal address: index.html, with the tab's first screen in it when the address is a drawn tab's. */
  const answerPage = async (req: FastifyRequest, reply: FastifyReply) => {
    const [pathname, search] = req.url.split('?')
    // A tab opened with a query (a shared filter) draws it itself.
    const page = firstScreens && !search ? await firstScreens.page(pathname) : null
    if (page) return reply.header('Cache-Control', NO_CACHE).type('text/html; charset=utf-8').send(page)
    if (hasIndex && !withNotice) return reply.header('Cache-Control', NO_CACHE).sendFile('index.html', { cacheControl: false })
    return reply.header('Cache-Control', NO_CACHE).type('text/html; charset=utf-8').send(portalPage)
  }
  if (hasIndex) app.get('/', answerPage)

  app.setNotFoundHandler(async (req: FastifyRequest, reply: FastifyReply) => {
    const pathname = req.url.split('?')[0]
    const isApi = pathname === API_PREFIX || pathname.startsWith(API_PREFIX + '/')
    if (!isApi && (req.method === 'GET' || req.method === 'HEAD') && wantsHtml(req) && !HASHED_DIRS.test(pathname.slice(1))) return answerPage(req, reply)
    return sendError(reply, errorBody('NOT_FOUND'))
  })
}
