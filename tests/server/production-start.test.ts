/**
 * The real start-up (`server/main.ts`) with NODE_ENV=production: with every secret it needs, it starts (and has no dev
 * SMS outbox); with any one of them missing or weak it exits non-zero with a message naming the variable, and never
 * prints a secret's value, given or refused.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from '../../server/test-support/cluster'

jest.setTimeout(180_000)

const root = path.resolve(__dirname, '../..')

/** Every secret with a value no log line could contain by chance. */
const production: Record<string, string> = {
  NODE_ENV: 'production',
  APP_DATA_KEY: Buffer.from('prod-start-test-data-key-32bytes').toString('base64'),
  SMS_PROVIDER: 'http',
  SMS_HTTP_URL: 'https://sms.example.invalid/send',
  SMS_HTTP_KEY: 'sms-gateway-secret-5e1f',
  STAFF_PASSWORD_ADMIN: 'admin-secret-pw-7c2d',
  STAFF_PASSWORD_WUXI: 'wuxi-secret-pw-19ab',
  STAFF_PASSWORD_KUNSHAN: 'kunshan-secret-pw-4f0e',
  WECHAT_APPID: 'wx0123456789abcdef',
  WECHAT_SECRET: 'wechat-secret-8d3a',
  METRICS_TOKEN: 'metrics-token-secret-2b6c',
}
const secretNames = ['APP_DATA_KEY', 'SMS_HTTP_KEY', 'STAFF_PASSWORD_ADMIN', 'STAFF_PASSWORD_WUXI', 'STAFF_PASSWORD_KUNSHAN', 'WECHAT_SECRET', 'METRICS_TOKEN']

interface Started {
  code: number | null
  output: string
  /** Set when the server came up (health 200): the dev outbox's status, then the exit code after SIGTERM. */
  up?: { outbox: number }
}

/** Starts main.ts with `env` (on a fresh SQLite DATA_DIR); stops it with SIGTERM if it comes up. */
async function start(env: Record<string, string | undefined>): Promise<Started> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-prod-start-'))
  const port = await freePort()
  const full: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dataDir, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', WEB_ROOT: path.join(dataDir, 'no-web') }
  for (const [k, v] of Object.entries(env)) if (v !== undefined) full[k] = v
  // Only what is given here: no DATABASE_URL or NODE_ENV leaking in from the test run.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, env: full as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (c) => (output += c))
  child.stderr!.on('data', (c) => (output += c))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  let up: Started['up']
  try {
    for (let i = 0; i < 600 && child.exitCode === null; i++) {
      const health = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => 0)
      if (health === 200) {
        up = { outbox: (await fetch(`http://127.0.0.1:${port}/api/dev/sms-outbox?phone=13900000002`)).status }
        child.kill('SIGTERM')
        break
      }
      await new Promise((r) => setTimeout(r, 200))
    }
    if (child.exitCode === null && !up) child.kill('SIGKILL')
    return { code: await exited, output, up }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

function expectNoSecretIn(output: string, extra: string[] = []) {
  for (const value of [...secretNames.map((n) => production[n]), ...extra]) expect(output).not.toContain(value)
}

test('with every secret it needs, production starts, has no dev SMS outbox, and stops with 0 on SIGTERM', async () => {
  const result = await start(production)
  expect(result.up).toEqual({ outbox: 404 })
  expect(result.code).toBe(0)
  expectNoSecretIn(result.output)
})

const weakKey = Buffer.from('sixteen-byte-key').toString('base64')
const refusals: [string, Record<string, string | undefined>, RegExp, string[]][] = [
  ['APP_DATA_KEY missing', { APP_DATA_KEY: undefined }, /APP_DATA_KEY/, []],
  ['APP_DATA_KEY of 16 bytes', { APP_DATA_KEY: weakKey }, /APP_DATA_KEY must be 32 bytes/, [weakKey]],
  ['SMS_PROVIDER missing (the console provider only logs codes)', { SMS_PROVIDER: undefined }, /SMS_PROVIDER/, []],
  ['SMS_HTTP_URL missing', { SMS_HTTP_URL: undefined }, /SMS_HTTP_URL/, []],
  ['STAFF_PASSWORD_ADMIN missing', { STAFF_PASSWORD_ADMIN: undefined }, /STAFF_PASSWORD_ADMIN must be set/, []],
  ['STAFF_PASSWORD_WUXI missing', { STAFF_PASSWORD_WUXI: undefined }, /STAFF_PASSWORD_WUXI must be set/, []],
  ['STAFF_PASSWORD_KUNSHAN missing', { STAFF_PASSWORD_KUNSHAN: undefined }, /STAFF_PASSWORD_KUNSHAN must be set/, []],
  ['STAFF_PASSWORD_ADMIN too short', { STAFF_PASSWORD_ADMIN: 'short-pw9' }, /STAFF_PASSWORD_ADMIN is too weak/, ['short-pw9']],
  ['STAFF_PASSWORD_KUNSHAN a published default', { STAFF_PASSWORD_KUNSHAN: 'wgt-station-2026' }, /STAFF_PASSWORD_KUNSHAN is too weak \(a published default\)/, ['wgt-station-2026']],
  [
    'S3_SECRET_ACCESS_KEY missing beside the other S3 settings',
    { S3_ENDPOINT: 'https://oss-cn-beijing.aliyuncs.com', S3_BUCKET: 'wgt-photos', S3_ACCESS_KEY_ID: 'LTAI-access-id-6a1c' },
    /S3_SECRET_ACCESS_KEY/,
    ['LTAI-access-id-6a1c'],
  ],
]

// Side by side (jest's maxConcurrency, 5): each is a node process that mostly waits for its own start-up.
test.concurrent.each(refusals)('production refuses to start with %s, naming it and printing no secret', async (_what, change, message, refused) => {
  const result = await start({ ...production, ...change })
  expect(result.up).toBeUndefined()
  expect(result.code).not.toBe(0)
  expect(result.code).not.toBeNull()
  expect(result.output).toMatch(message)
  expect(result.output).toMatch(/could not start/)
  expectNoSecretIn(result.output, refused)
})
