/**
 * Lighthouse, mobile preset (a mid-range phone on slow 4G, CPU slowed 4×), on the portal's main pages served by
 * the real server: performance, accessibility, best practices and LCP for each. Goal: ≥ 95 performance and
 * accessibility. Run with `npm run bench:lighthouse` (builds the portal first if it is stale; `WEB_ROOT=<dir>` measures
 * that build as it is).
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
// @ts-expect-error an .mjs script without type declarations
import { ensureH5Build } from '../scripts/h5-build.mjs'
import { startServer } from '../tests/e2e/support/server'

type Row = { performance: number; performanceRange: string; accessibility: number; bestPractices: number; fcp: string; lcp: string; scriptMs: number; tbt: string; cls: string; benchmarkIndex: number; cpuSlowdown: number; below: string[] }

/**
 * One run can hold several passes, so a before/after is measured on the same machine in the same minutes:
 * `LH_FIRST_SCREEN=off,drawn` serves the tabs without and with their first screen (the server's FIRST_SCREEN), and
 * `LH_CPU_SLOWDOWN=4,8` measures at the preset and at twice its slowdown.
 */
const list = (value: string | undefined, fallback: string) => (value?.trim() || fallback).split(',').map((v) => v.trim())

/** A checkout's own server, started the way that checkout's journeys start it (its code, its dist/h5). */
type StartServer = (env: Record<string, string>) => Promise<{ baseUrl: string; stop: () => Promise<void> }>

async function pass(build: string, mode: string, slowdowns: string[], start: StartServer = startServer): Promise<string[][]> {
  const server = await start({ FIRST_SCREEN: mode })
  try {
    const get = async (path: string) => (await (await fetch(`${server.baseUrl}/api${path}`)).json()) as { items: Array<{ id: number }> }
    const job = (await get('/jobs?limit=1')).items[0]
    const pages: Array<[string, string]> = [
      ['home (找工作)', '/'],
      ['job detail', `/packages/jobs/pages/detail/index?id=${job.id}`],
      ['courses (培训)', '/pages/training/index'],
      ['rights form', '/packages/rights/pages/new/index'],
      ['stations (找组织)', '/pages/stations/index'],
    ]
    // The first-screen setting changes the tabs' answers only: the other pages are measured in the `drawn` pass alone.
    if (mode !== 'drawn') pages.splice(0, pages.length, ...pages.filter(([, p]) => p === '/' || p.startsWith('/pages/')))
    // `LH_PAGES=home,detail` measures only the pages whose names start with one of those words.
    const only = process.env.LH_PAGES ? list(process.env.LH_PAGES, '') : null
    if (only) pages.splice(0, pages.length, ...pages.filter(([name]) => only.some((w) => name.startsWith(w))))
    const rows: string[][] = []
    for (const slowdown of slowdowns) {
      const run = spawnSync(process.execPath, [join(__dirname, 'support/lighthouse-run.mjs'), ...pages.map(([, p]) => server.baseUrl + p)], {
        encoding: 'utf8',
        env: { ...process.env, LH_CPU_SLOWDOWN: slowdown },
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 16 * 1024 * 1024,
      })
      if (run.status !== 0) throw new Error('lighthouse failed')
      const results = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Row)
      pages.forEach(([name], i) => {
        const r = results[i]
        rows.push([name, build, mode, `${r.cpuSlowdown}×`, String(r.performance), r.performanceRange, String(r.accessibility), String(r.bestPractices), r.fcp, r.lcp, r.tbt, r.cls, `${r.scriptMs} ms`, String(r.benchmarkIndex), r.below.slice(0, 6).join(' ')])
      })
    }
    return rows
  } finally {
    await server.stop()
  }
}

async function main() {
  // A WEB_ROOT of its own (a copy of another build, for a before/after) is measured as it is.
  if (!process.env.WEB_ROOT) ensureH5Build()
  const slowdowns = list(process.env.LH_CPU_SLOWDOWN, '4')
  const rows: string[][] = []
  // `LH_REFERENCE=<another checkout, its dist/h5 built>` measures that checkout too, served by its own server (an API
  // that has changed since would leave its pages half drawn), so a before/after comes from one run on one machine.
  const reference = process.env.LH_REFERENCE
  if (reference) {
    const commit = spawnSync('git', ['-C', reference, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim()
    const theirs = (await import(join(reference, 'tests/e2e/support/server.ts'))) as { startServer: StartServer }
    // Its server may know no first-screen setting: the column says only what this checkout's does.
    rows.push(...(await pass(`${commit} (reference)`, 'drawn', slowdowns, theirs.startServer)).map(([page, build, , ...rest]) => [page, build, '—', ...rest]))
  }
  const build = process.env.WEB_ROOT || spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim()
  for (const mode of list(process.env.LH_FIRST_SCREEN, 'drawn')) rows.push(...(await pass(build, mode, slowdowns)))
  const header = ['page', 'build', 'first screen', 'CPU', 'perf', 'perf range', 'a11y', 'best', 'FCP', 'LCP', 'TBT', 'CLS', 'script', 'bench index', 'audits below 0.9']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  console.log(line(header))
  console.log(line(widths.map((w) => '-'.repeat(w))))
  rows.forEach((r) => console.log(line(r)))
  const cjk = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout?.trim().split('\n')[0]
  // Every phone has a Chinese font; without one, Chromium lays out boxes of missing glyphs instead.
  console.log(`\nChinese font on this machine: ${cjk || 'none (apt-get install -y fonts-wqy-microhei): the text drawn is not what a phone draws'}`)
  console.log('bench index: Lighthouse\'s benchmarkIndex of this machine during the page\'s runs (the preset\'s 4× slowdown is calibrated for about 1,000 or more); a CPU other than 4× is not the mobile preset.')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
