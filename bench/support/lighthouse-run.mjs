// Lighthouse itself, in plain node: under tsx, esbuild adds `__name(...)` helpers to Lighthouse's functions, which
// Lighthouse then runs inside the page, where they do not exist. Prints one JSON row per URL given.
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import flags from '../../tests/e2e/support/chromium-flags.cjs'

const { chromiumFlags } = flags

const chromeFlags = ['--headless=new', ...chromiumFlags]

const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH || '/usr/bin/chromium', chromeFlags })
try {
  // One Lighthouse run moves by ten points or more with what else the machine is doing: each page is measured
  // `LH_RUNS` times (default 3) and the run with the median performance score is reported, with the spread.
  const runs = Math.max(1, Number(process.env.LH_RUNS) || 3)
  // `LH_CPU_SLOWDOWN` (default 4, the preset's) stands in for a slower host: 8 on this host is about what 4 is on a
  // host with half its benchmarkIndex. Anything but 4 is not the mobile preset, and the table says so.
  const cpuSlowdown = Number(process.env.LH_CPU_SLOWDOWN) || 4
  const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] }
  if (cpuSlowdown !== 4) {
    const { throttling } = await import('lighthouse/core/config/constants.js')
    flags.throttling = { ...throttling.mobileSlow4G, cpuSlowdownMultiplier: cpuSlowdown }
  }
  for (const url of process.argv.slice(2)) {
    const results = []
    for (let i = 0; i < runs; i++) {
      // Default config = the mobile preset: Moto G-class screen, slow 4G, CPU slowed 4×.
      const result = await lighthouse(url, flags)
      results.push(result.lhr)
    }
    const perf = (lhr) => Math.round((lhr.categories.performance?.score ?? 0) * 100)
    const sorted = [...results].sort((a, b) => perf(a) - perf(b))
    const lhr = sorted[Math.floor((sorted.length - 1) / 2)]
    const { categories, audits } = lhr
    // LH_REPORT_DIR=dir keeps each page's median report (long tasks, forced reflows, script by file) to read later.
    if (process.env.LH_REPORT_DIR) {
      const { mkdirSync, writeFileSync } = await import('node:fs')
      mkdirSync(process.env.LH_REPORT_DIR, { recursive: true })
      const name = `${new URL(url).pathname.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}-${cpuSlowdown}x.json`
      writeFileSync(`${process.env.LH_REPORT_DIR}/${name}`, JSON.stringify(lhr))
    }
    const score = (id) => Math.round((categories[id]?.score ?? 0) * 100)
    const below = Object.values(audits)
      .filter((a) => a.score !== null && a.score < 0.9 && (a.scoreDisplayMode === 'binary' || a.scoreDisplayMode === 'numeric' || a.scoreDisplayMode === 'metricSavings'))
      .map((a) => a.id)
    console.log(
      JSON.stringify({
        url,
        performance: score('performance'),
        performanceRange: `${perf(sorted[0])}–${perf(sorted[sorted.length - 1])}`,
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        fcp: audits['first-contentful-paint'].displayValue ?? '',
        lcp: audits['largest-contentful-paint'].displayValue ?? '',
        // What a first screen drawn before the script (issue 23) would take off the critical path.
        scriptMs: Math.round(
          (audits['mainthread-work-breakdown'].details?.items ?? [])
            .filter((i) => i.group === 'scriptEvaluation' || i.group === 'scriptParseCompile')
            .reduce((n, i) => n + i.duration, 0),
        ),
        tbt: audits['total-blocking-time'].displayValue ?? '',
        cls: audits['cumulative-layout-shift'].displayValue ?? '',
        // What moved, when something did: Lighthouse's own list of the shifted elements and by how much.
        shifts: (audits['layout-shifts']?.details?.items ?? []).map((i) => `${i.node?.selector ?? '?'} ${Number(i.score).toFixed(3)}`),
        // How fast this machine is by Lighthouse's own yardstick: the 4× CPU slowdown assumes a desktop of about 1,000+.
        benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
        cpuSlowdown: lhr.configSettings.throttling.cpuSlowdownMultiplier,
        below,
      }),
    )
  }
} finally {
  await chrome.kill()
}
