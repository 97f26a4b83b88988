// Builds the mini-program (dist/weapp) when it is missing or older than its sources, always holding
// /tmp/wgt-weapp.lock so two builds never overlap and no test reads a half-written build.
// `node scripts/weapp-build.mjs --snapshot DIR` also copies the build to DIR under the same lock: the weapp
// tests run against that copy, so a rebuild started by someone else mid-run cannot change it.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { root, sourcesNewerThan, taroBuild } from './build-support.mjs'

const self = fileURLToPath(import.meta.url)
const lockFile = '/tmp/wgt-weapp.lock'
const sources = ['src', 'types', 'config', 'babel.config.js', 'package.json', '.env.production']
const distDir = join(root, 'dist/weapp')
// Written last by Taro: a build without it is unfinished (Taro empties dist/weapp first).
const builtMarkers = ['app.js', 'app.json', 'base.wxml']
// The weapp tests check the subscribe-message ask at a tap, which asks nothing without template ids: this build
// bakes in fixed test ids unless the environment already names real ones (`npm run build:weapp` is left as set).
const templates =
  process.env.TARO_APP_WECHAT_TEMPLATES ?? JSON.stringify(JSON.parse(readFileSync(join(root, 'scripts/weapp-test-templates.json'), 'utf8')))
// Which templates the build in dist/weapp has: written after a build here, gone once any other build empties it.
const templatesStamp = join(distDir, '.wechat-templates')

export function weappIsStale() {
  if (!builtMarkers.every((f) => existsSync(join(distDir, f)))) return true
  if (!existsSync(templatesStamp) || readFileSync(templatesStamp, 'utf8') !== templates) return true
  const built = Math.min(...builtMarkers.map((f) => statSync(join(distDir, f)).mtimeMs))
  return sourcesNewerThan(sources, built)
}

function buildIfStale() {
  if (!weappIsStale()) return
  // The same build as `npm run build:weapp` (production: .env.production's https API base), with the templates above.
  process.env.TARO_APP_WECHAT_TEMPLATES = templates
  taroBuild('weapp', 'the mini-program (dist/weapp)', builtMarkers.map((f) => join(distDir, f)))
  writeFileSync(templatesStamp, templates)
}

/**
 * Takes the lock, builds when stale and optionally copies the build to `snapshotDir`.
 * Do not run the tests inside `flock /tmp/wgt-weapp.lock …`: this takes the lock itself and would wait on it.
 */
export function ensureWeappBuild(snapshotDir) {
  const args = ['-w', '900', lockFile, process.execPath, self, '--locked', ...(snapshotDir ? ['--snapshot', snapshotDir] : [])]
  const result = spawnSync('flock', args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`The weapp build failed, or ${lockFile} stayed taken for 15 minutes.`)
    process.exit(result.status || 1)
  }
}

if (process.argv[1] === self) {
  const args = process.argv.slice(2)
  if (!args.includes('--locked')) {
    const at = args.indexOf('--snapshot')
    ensureWeappBuild(at >= 0 ? args[at + 1] : undefined)
  } else {
    buildIfStale()
    const at = args.indexOf('--snapshot')
    if (at >= 0) {
      const target = args[at + 1]
      rmSync(target, { recursive: true, force: true })
      cpSync(distDir, target, { recursive: true })
      // Someone building without the lock empties dist/weapp first: never hand the tests half a build.
      if (!builtMarkers.every((f) => existsSync(join(target, f)))) {
        console.error('dist/weapp is incomplete (a build outside /tmp/wgt-weapp.lock is running?); try again.')
        process.exit(1)
      }
    }
  }
}
