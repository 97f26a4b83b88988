// `npm run bench`: every benchmark under bench/, one after another (they measure, so never in parallel).
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
let failed = 0
for (const name of readdirSync(join(root, 'bench')).filter((n) => n.endsWith('.mjs')).sort()) {
  console.log(`\n### ${name}`)
  const r = spawnSync('node', [join('bench', name)], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
