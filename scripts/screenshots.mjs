// Screenshots of the screens workers and officers use most, for the notes beside a change (docs/screenshots/).
// Starts the real server of a checkout on a fresh SQLite data dir, serving that checkout's H5 build, and photographs
// its pages in Debian's Chromium; each picture is saved as a small palette PNG.
//
//   npm run build:h5 && node scripts/screenshots.mjs --out docs/screenshots/after
//   node scripts/screenshots.mjs --root /tmp/older-checkout --out docs/screenshots/before
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import sharp from 'sharp'

const here = new URL('..', import.meta.url).pathname
const { values } = parseArgs({ options: { root: { type: 'string', default: here }, out: { type: 'string', default: 'docs/screenshots/after' } } })
const root = resolve(values.root)
const out = resolve(here, values.out)
if (!existsSync(join(root, 'dist/h5/index.html'))) throw new Error(`no H5 build in ${root}/dist/h5: npm run build:h5 first`)
mkdirSync(out, { recursive: true })

const port = await new Promise((ok, fail) => {
  const probe = createServer().once('error', fail)
  probe.listen(0, '127.0.0.1', () => {
    const { port: p } = probe.address()
    probe.close(() => ok(p))
  })
})
const base = `http://127.0.0.1:${port}`
const dataDir = mkdtempSync(join(tmpdir(), 'wgt-shots-'))
const server = spawn(join(here, 'node_modules/.bin/tsx'), ['server/main.ts'], {
  cwd: root,
  env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', WEB_ROOT: join(root, 'dist/h5') },
  stdio: ['ignore', 'ignore', 'inherit'],
})

async function call(path, { method = 'GET', token, body, key } = {}) {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  })
  return { status: res.status, body: await res.json() }
}

async function signIn(phone) {
  await call('/auth/sms-code', { method: 'POST', body: { phone } })
  const { items } = (await call(`/dev/sms-outbox?phone=${phone}`)).body
  const code = [...items].sort((a, b) => a.sentAt.localeCompare(b.sentAt)).pop().code
  return (await call('/auth/login', { method: 'POST', body: { phone, code } })).body.token
}

const privacyVersion = readFileSync(join(root, 'types/privacy.ts'), 'utf8').match(/privacyNoticeVersion\s*=\s*'([^']+)'/)?.[1] ?? ''
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})

/** A phone (or a desk), signed in or not, in normal or 大字模式; Taro's H5 storage keeps `{ data }` JSON. */
async function open({ token = null, elder = false, desk = false } = {}) {
  const context = await browser.newContext(
    desk
      ? { viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }
      : { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' },
  )
  await context.addInitScript(
    ([t, v, e]) => {
      if (t) localStorage.setItem('wgt.session.token', JSON.stringify({ data: t }))
      localStorage.setItem('wgt.privacy.accepted', JSON.stringify({ data: v }))
      localStorage.setItem('wgt.elder-mode', JSON.stringify({ data: e ? '1' : '0' }))
    },
    [token, privacyVersion, elder],
  )
  return context
}

async function shoot(context, path, ready, name) {
  const page = await context.newPage()
  await page.goto(base + path)
  await page.locator(ready).first().waitFor({ timeout: 30000 })
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(500)
  const png = await page.screenshot()
  await sharp(png).png({ palette: true, colours: 64, compressionLevel: 9 }).toFile(join(out, `${name}.png`))
  console.log(`${name}.png`)
  await page.close()
}

try {
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error('the server stopped')
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break
    if (i > 300) throw new Error('the server did not start')
    await new Promise((r) => setTimeout(r, 200))
  }
  const worker = await signIn('13800007788')
  const staff = (await call('/staff/login', { method: 'POST', body: { username: 'admin', password: 'wgt-admin-2026' } })).body.token
  // A few cases for the queue: two full requests and, where the server has it, one 只留电话.
  const month = new Date().toISOString().slice(0, 7)
  for (const [i, employerName, workCity] of [[1, '无锡某建筑劳务公司', '无锡市'], [2, '昆山某电子厂', '昆山市']]) {
    const body = { category: 'unpaid_wages', description: '干了三个月，老板一直拖着不给工资。', employerName, workCity, workAddress: '开发区', workedFrom: month, amountOwedYuan: 9000 * i }
    const res = await call('/rights-requests', { method: 'POST', token: worker, body, key: `screenshots-case-${i}` })
    if (res.status !== 201) console.warn(`case ${i}: ${res.status} ${JSON.stringify(res.body)}`)
  }
  await call('/rights-requests/callback', { method: 'POST', token: worker, body: { category: 'injury' }, key: 'shots-callback' })

  const plain = await open()
  await shoot(plain, '/pages/jobs/index', '.job-card', 'jobs-tab')
  await shoot(plain, '/pages/rights/index', '.rights-page__ask', 'rights-tab')
  const elder = await open({ elder: true })
  await shoot(elder, '/pages/jobs/index', '.job-card', 'jobs-tab-elder')
  const firstJob = (await call('/jobs?limit=1')).body.items[0].id
  await shoot(elder, `/packages/jobs/pages/detail/index?id=${firstJob}`, '.job-detail, .big-button', 'job-page-elder')
  const signedIn = await open({ token: worker })
  await shoot(signedIn, '/packages/rights/pages/new/index', '.category-card', 'help-form')
  if ((await fetch(`${base}/packages/rights/pages/callback/index`)).ok && existsSync(join(root, 'src/packages/rights/pages/callback'))) {
    await shoot(signedIn, '/packages/rights/pages/callback/index', '.category-card', 'help-callback')
  }
  await shoot(signedIn, '/packages/rights/pages/guide/index', '.guide-item', 'help-checklist')
  const desk = await open({ token: staff, desk: true })
  await shoot(desk, '/packages/staff/pages/cases/index', '.case-queue__item, .state-view', 'case-queue')
} finally {
  await browser.close()
  server.kill('SIGTERM')
  await new Promise((r) => server.once('exit', r))
  rmSync(dataDir, { recursive: true, force: true })
}
