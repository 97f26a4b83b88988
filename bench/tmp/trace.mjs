import { chromium } from 'playwright-core'
import { readFileSync } from 'node:fs'
const url = process.argv[2]
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } })
const page = await ctx.newPage()
await browser.startTracing(page, { path: '/tmp/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] })
await page.goto(url, { waitUntil: 'networkidle' })
await page.waitForTimeout(1000)
await browser.stopTracing()
await browser.close()
const { traceEvents } = JSON.parse(readFileSync('/tmp/trace.json', 'utf8'))
const main = traceEvents.filter(e => e.name === 'RunTask' && e.dur > 8000)
const t0 = Math.min(...traceEvents.filter(e=>e.ts>0).map(e => e.ts))
for (const t of main) {
  const inner = traceEvents.filter(e => e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts + (e.dur||0) <= t.ts + t.dur && e.ph === 'X' && e !== t)
  const kinds = new Map()
  for (const e of inner) { if (['FunctionCall','EvaluateScript','v8.compile','ParseHTML','UpdateLayoutTree','Layout','TimerFire','FireAnimationFrame','EventDispatch','XHRReadyStateChange','v8.evaluateModule','RunMicrotasks','ResourceReceivedData','HitTest','Paint','ScheduleStyleRecalculation'].includes(e.name)) {
    const d = e.args?.data || {}
    const k = e.name + ' ' + (d.url ? d.url.split('/').pop().slice(0,14) : '') + (d.functionName ? ' '+d.functionName : '') + (d.type ? ' '+d.type : '')
    kinds.set(k, (kinds.get(k)||0) + e.dur) } }
  console.log(`${((t.ts - t0)/1000).toFixed(0)}ms +${(t.dur/1000).toFixed(1)}ms`, [...kinds].sort((a,b)=>b[1]-a[1]).slice(0,6).map(([k,v])=>`${k}=${(v/1000).toFixed(1)}`).join(' | '))
}
