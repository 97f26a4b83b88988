/**
 * Writes the H5 portal's service worker (sw.js at the site root, from config/service-worker.js) with this build's
 * list of what to keep on the phone: index.html, the app shell's own script and styles, the chunks of each tab page
 * and of the pages opened from them (keptPage), and the web app manifest with its pictures. Other pages are kept as
 * they are first opened. The cache is named by a hash of that list, so a new build gets a new cache and the old one is
 * removed.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Chunk, Compilation, Compiler } from 'webpack'

const template = path.join(__dirname, 'service-worker.js')
const placeholder = "/* build */ { version: 'dev', precache: [] }"
/** The web app manifest and its pictures, copied into the build (config/index.ts). */
const homeScreen = /^(manifest\.webmanifest|icons\/)/
/**
 * The pages kept from the first visit on: the main package's, src/pages/<tab>/index (the five tabs), and the pages a
 * worker opens from them: a posting (from the jobs tab's saved list) and a station.
 */
const keptPage = /[\\/]src[\\/](pages[\\/][^\\/]+|packages[\\/](jobs|stations)[\\/]pages[\\/]detail)[\\/]index\.tsx$/

export class ServiceWorkerPlugin {
  constructor(private readonly publicPath = '/') {}

  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('ServiceWorkerPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ServiceWorkerPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE }, () => {
        const files = new Set<string>()
        for (const entry of compilation.entrypoints.values()) for (const f of entry.getFiles()) files.add(f)
        for (const chunk of keptChunks(compilation)) for (const f of chunk.files) files.add(f)
        // The manifest and its pictures (copied into the build, config/index.ts), so the home-screen icon opens offline.
        for (const { name } of compilation.getAssets()) if (homeScreen.test(name)) files.add(name)
        const precache = ['/index.html', ...[...files].filter((f) => /\.(js|css|webmanifest|png|svg)$/.test(f)).sort().map((f) => this.publicPath + f)]
        const source = fs.readFileSync(template, 'utf8')
        if (!source.includes(placeholder)) throw new Error(`${template} has lost its build placeholder`)
        const version = createHash('sha256').update(precache.join('\n')).update(source).digest('hex').slice(0, 10)
        const script = source.replace(placeholder, JSON.stringify({ version, precache }))
        compilation.emitAsset('sw.js', new sources.RawSource(script))
      })
    })
  }
}

/** Every chunk a kept page needs to open: the chunks of each group its module is loaded in. */
function keptChunks(compilation: Compilation): Set<Chunk> {
  const out = new Set<Chunk>()
  for (const module of compilation.modules) {
    // A page joined with its imports into one module (production's module concatenation) is named by its root.
    const named = module as { resource?: string; rootModule?: { resource?: string } }
    const resource = (named.resource ?? named.rootModule?.resource)?.split('?')[0]
    if (!resource || !keptPage.test(resource)) continue
    for (const chunk of compilation.chunkGraph.getModuleChunksIterable(module)) {
      for (const group of chunk.groupsIterable) for (const c of group.chunks) out.add(c)
    }
  }
  return out
}
