import { chromium } from 'playwright-core'
const url = process.argv[2]
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } })
const page = await ctx.newPage()
const cdp = await ctx.newCDPSession(page)
await cdp.send('Profiler.enable')
await cdp.send('Profiler.setSamplingInterval', { interval: 50 })
await cdp.send('Profiler.start')
await page.goto(url, { waitUntil: 'networkidle' })
await page.waitForTimeout(1000)
const { profile } = await cdp.send('Profiler.stop')
const byId = new Map(profile.nodes.map(n => [n.id, { ...n, self: 0 }]))
profile.samples.forEach((id, i) => { byId.get(id).self += profile.timeDeltas[i] || 0 })
const total = (n) => n.total ??= n.self + (n.children || []).reduce((s, c) => s + total(byId.get(c)), 0)
const root = byId.get(profile.nodes[0].id); total(root)
const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`
function walk(n, depth, maxDepth) {
  if (depth > maxDepth) return
  const kids = (n.children || []).map(c => byId.get(c)).filter(k => k.total > 4000).sort((a, b) => b.total - a.total)
  for (const k of kids) { console.log(`${'  '.repeat(depth)}${(k.total/1000).toFixed(1)}ms (self ${(k.self/1000).toFixed(1)}) ${name(k)}`); walk(k, depth + 1, maxDepth) }
}
walk(root, 0, +process.argv[3] || 14)
await browser.close()
