// Lighthouse itself, in plain node: under tsx, esbuild adds `__name(...)` helpers to Lighthouse's functions, which
// Lighthouse then runs inside the page, where they do not exist. Prints one JSON row per URL given.
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'

const chromeFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH || '/usr/bin/chromium', chromeFlags })
try {
  for (const url of process.argv.slice(2)) {
    // Default config = the mobile preset: Moto G-class screen, slow 4G, CPU slowed 4×.
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] })
    const { categories, audits } = result.lhr
    const score = (id) => Math.round((categories[id]?.score ?? 0) * 100)
    const below = Object.values(audits)
      .filter((a) => a.score !== null && a.score < 0.9 && (a.scoreDisplayMode === 'binary' || a.scoreDisplayMode === 'numeric' || a.scoreDisplayMode === 'metricSavings'))
      .map((a) => a.id)
    console.log(
      JSON.stringify({
        url,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        lcp: audits['largest-contentful-paint'].displayValue ?? '',
        tbt: audits['total-blocking-time'].displayValue ?? '',
        cls: audits['cumulative-layout-shift'].displayValue ?? '',
        // How fast this machine is by Lighthouse's own yardstick: the 4× CPU slowdown assumes a desktop of about 1,000+.
        benchmarkIndex: Math.round(result.lhr.environment.benchmarkIndex),
        below,
      }),
    )
  }
} finally {
  await chrome.kill()
}
