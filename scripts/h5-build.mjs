// Builds the H5 portal when dist/h5 is missing or older than the sources it is built from, then draws each tab's
// first screen beside it (scripts/first-screen-draw.ts), which the server puts in the tab's page.
import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { root, sourcesNewerThan, taroBuild } from './build-support.mjs'

const sources = ['src', 'types', 'config', 'babel.config.js', 'package.json']
const builtIndex = join(root, 'dist/h5/index.html')
const drawnScreens = join(root, 'dist/h5/first-screen.json')

export function h5IsStale() {
  return !existsSync(builtIndex) || sourcesNewerThan(sources, statSync(builtIndex).mtimeMs)
}

/**
 * The drawing needs Chromium and a seeded server; without them the portal works as before (no drawn first screen),
 * so a failure is said and the build stands.
 */
export function drawFirstScreens() {
  console.log('Drawing each tab’s first screen…')
  const result = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/first-screen-draw.ts')], { cwd: root, encoding: 'utf8' })
  if (result.status !== 0) console.error(`${result.stdout ?? ''}${result.stderr ?? ''}\nNo first screens drawn: the tabs open as before.`)
  else console.log(result.stdout.trim())
}

export function ensureH5Build() {
  if (h5IsStale()) {
    taroBuild('h5', 'the H5 portal (dist/h5)', [builtIndex])
    drawFirstScreens()
  } else if (!existsSync(drawnScreens)) drawFirstScreens()
}

if (import.meta.url === `file://${process.argv[1]}`) ensureH5Build()
