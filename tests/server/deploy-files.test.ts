/**
 * The files docs/deploy.md tells an IT office to install: the systemd unit passes `systemd-analyze verify` and gives
 * the server time for its graceful shutdown; the whole nginx sample (TLS and all) passes `nginx -t`. Each check is
 * skipped, saying why, where its tool is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../server/config'
import { findNginx, sampleNginxConf } from '../../server/test-support/cluster'
const { serverNodeFlags } = require('../../scripts/server-node-flags.cjs') as { serverNodeFlags: string[] }

const root = path.resolve(__dirname, '../..')
const unitFile = path.join(root, 'deploy/wugongtong@.service')
const unit = fs.readFileSync(unitFile, 'utf8')

function which(tool: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${tool} || ls /usr/bin/${tool} /usr/sbin/${tool} 2>/dev/null`], { encoding: 'utf8' }).stdout.trim().split('\n')[0]
  return found || null
}

const systemdAnalyze = which('systemd-analyze')
if (!systemdAnalyze) console.log('systemd unit check SKIPPED: systemd-analyze is not installed (it comes with systemd)')
const nginx = findNginx()
const openssl = which('openssl')
if (!nginx || !openssl) console.log(`nginx sample check SKIPPED: ${!nginx ? 'nginx' : 'openssl'} is not installed`)

let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-deploy-files-'))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

;(systemdAnalyze ? test : test.skip)('the systemd unit passes systemd-analyze verify, without a warning', () => {
  // A template is verified as one of its instances; node where this machine has it, if not at /usr/bin/node.
  const instance = path.join(dir, 'wugongtong@3001.service')
  fs.writeFileSync(instance, fs.existsSync('/usr/bin/node') ? unit : unit.replace('/usr/bin/node', process.execPath))
  const result = spawnSync(systemdAnalyze!, ['verify', instance], { encoding: 'utf8' })
  const aboutUs = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.includes('wugongtong'))
  expect({ status: result.status, aboutUs }).toEqual({ status: 0, aboutUs: [] })
})

test('the unit runs node itself in production and waits longer than the graceful shutdown takes', () => {
  const exec = /^ExecStart=(.*)$/m.exec(unit)?.[1] ?? ''
  // npm and npx exit on SIGTERM without passing it on: the server would never drain.
  expect(exec).toBe(`/usr/bin/node ${serverNodeFlags.join(' ')} --import tsx server/main.ts`)
  expect(serverNodeFlags).toContain('--max-old-space-size=384')
  expect(unit).toMatch(/^Environment=NODE_ENV=production$/m)
  expect(unit).toMatch(/^Environment=PORT=%i$/m)
  const { shutdown } = loadConfig({})
  const stopSeconds = Number(/^TimeoutStopSec=(\d+)$/m.exec(unit)?.[1])
  expect(stopSeconds * 1000).toBeGreaterThan(shutdown.noticeMs + shutdown.timeoutMs)
})

;(nginx && openssl ? test : test.skip)('the whole nginx sample, TLS and HTTP/2 included, passes nginx -t', () => {
  const cert = path.join(dir, 'cert.pem')
  const key = path.join(dir, 'key.pem')
  execFileSync(openssl!, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=wgt.example.gov.cn', '-keyout', key, '-out', cert], { stdio: 'ignore' })
  // Only what belongs to the machine changes: the certificate's place, the log's place, and ports a test may bind.
  const site = fs
    .readFileSync(sampleNginxConf, 'utf8')
    .replace(/\/etc\/nginx\/tls\/[^;]+\.fullchain\.pem/, cert)
    .replace(/\/etc\/nginx\/tls\/[^;]+\.key/, key)
    .replace('/var/log/nginx/wugongtong.access.log', path.join(dir, 'access.log'))
    .replace(/listen (\[::\]:)?443 /g, (_m, v6) => `listen ${v6 ?? ''}18443 `)
    .replace(/listen (\[::\]:)?80;/g, (_m, v6) => `listen ${v6 ?? ''}18080;`)
  fs.writeFileSync(path.join(dir, 'wugongtong.conf'), site)
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `${k}_temp_path ${dir}/temp-${k};`).join(' ')
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `pid ${dir}/nginx.pid; error_log ${dir}/error.log; events {} http { ${temp} include ${path.join(dir, 'wugongtong.conf')}; }\n`,
  )
  const result = spawnSync(nginx!, ['-t', '-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' })
  expect({ status: result.status, output: result.stderr }).toEqual({ status: 0, output: expect.stringMatching(/test is successful/) })
  // Warnings (a directive nginx ignores, a deprecated listen option) would be in the same output.
  expect(result.stderr.split('\n').filter((l) => /\[(warn|emerg|alert)\]/.test(l))).toEqual([])
})
