// What the H5 and weapp build scripts share: how stale a build is, and a quiet Taro build.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs'
import { join } from 'node:path'

export const root = new URL('..', import.meta.url).pathname

/** The newest modification time under a path; tests do not go into a build, so they do not count. */
export function newestMtime(path) {
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

/** Whether any of the sources changed after `builtAt`. */
export function sourcesNewerThan(sources, builtAt) {
  return sources.some((s) => newestMtime(join(root, s)) > builtAt)
}

/**
 * A production Taro build. Taro redraws a progress bar hundreds of times; its output is kept for a failure only,
 * which ends the process. `markers` (the files staleness is judged by) are dated to when the build started:
 * a source saved while Taro was reading the tree then counts as newer, and the next check builds again.
 */
export function taroBuild(type, label, markers = []) {
  console.log(`Building ${label}…`)
  const started = Date.now()
  const result = spawnSync('npx', ['taro', 'build', '--type', type], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.split('\n').slice(-60).join('\n')
    console.error(`${output}\nThe ${type} build failed.`)
    process.exit(result.status ?? 1)
  }
  for (const marker of markers) if (existsSync(marker)) utimesSync(marker, started / 1000, started / 1000)
  console.log(`Built ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
