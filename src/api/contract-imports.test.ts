import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const src = join(__dirname, '..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

// The whole-contract `api` map builds every area's zod schemas when loaded: on a cheap phone that was the longest
// task of the first screen. App code takes each endpoint from its own area file instead (`@contract/jobs`).
test('no app module uses the whole-contract api map', () => {
  const offenders = sources(src).filter((file) => {
    const text = readFileSync(file, 'utf8')
    return /import\s*\{[^}]*\bapi\b[^}]*\}\s*from\s*'@contract'/.test(text) || /(^|[^.\w])api\.[a-zA-Z]+/.test(text)
  })
  expect(offenders.map((f) => relative(src, f))).toEqual([])
})
