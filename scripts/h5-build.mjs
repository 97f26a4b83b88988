// Builds the H5 portal when dist/h5 is missing or older than the sources it is built from.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const sources = ['src', 'types', 'config', 'babel.config.js', 'package.json']
const builtIndex = join(root, 'dist/h5/index.html')

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = 0
  for (const name of readdirSync(path)) {
    if (name.endsWith('.test.ts') || name.endsWith('.test.tsx')) continue
    newest = Math.max(newest, newestMtime(join(path, name)))
  }
  return newest
}

export function h5IsStale() {
  if (!existsSync(builtIndex)) return true
  const built = statSync(builtIndex).mtimeMs
  return sources.some((s) => newestMtime(join(root, s)) > built)
}

export function ensureH5Build() {
  if (!h5IsStale()) return
  console.log('Building the H5 portal (dist/h5)…')
  const started = Date.now()
  // Taro redraws a progress bar hundreds of times; keep its output for a failure only.
  const result = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.split('\n').slice(-60).join('\n')
    console.error(`${output}\nThe H5 build failed.`)
    process.exit(result.status ?? 1)
  }
  console.log(`Built dist/h5 in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

if (import.meta.url === `file://${process.argv[1]}`) ensureH5Build()
