/** The real server on SIGTERM: health says draining, a request in flight finishes, new connections are refused, exit 0. */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

jest.setTimeout(90_000)

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })

interface Answer {
  status: number
  body: string
  headers: http.IncomingHttpHeaders
}
const get = (port: number, url: string) =>
  new Promise<Answer>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url, agent: false }, (res) => {
        let body = ''
        res.on('data', (c) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }))
      })
      .on('error', reject)
  })

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function startServer(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-shutdown-'))
  const port = await freePort()
  // tsx itself, not `npx tsx`: npm exec dies on SIGTERM without passing it on; tsx relays it to the server.
  const root = path.resolve(__dirname, '../..')
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: root,
    detached: true, // its own process group, so a failed test can end the server with its wrapper
    env: { ...process.env, DATABASE_URL: '', NODE_ENV: 'development', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', WEB_ROOT: path.join(dataDir, 'no-web'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (c) => (output += c))
  child.stderr!.on('data', (c) => (output += c))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  for (let i = 0; i < 600; i++) {
    const up = await get(port, '/api/health').catch(() => null)
    if (up?.status === 200) return { child, port, exited, dataDir, output: () => output }
    if (child.exitCode !== null) break
    await sleep(100)
  }
  process.kill(-child.pid!, 'SIGKILL')
  throw new Error(`server did not start:\n${output}`)
}

let running: ChildProcess | null = null
afterEach(() => {
  if (running && running.exitCode === null) process.kill(-running.pid!, 'SIGKILL')
  running?.stdout?.destroy()
  running?.stderr?.destroy()
})

test('SIGTERM: health says draining, the request in flight completes, then no new connections, exit 0', async () => {
  const server = await startServer({ SHUTDOWN_NOTICE_MS: '1500', SHUTDOWN_TIMEOUT_MS: '10000' })
  running = server.child
  // A request in flight: its body arrives in two halves, the second after the server stopped accepting.
  const body = JSON.stringify({ phone: '13700990001' })
  const inFlight = new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: '/api/auth/sms-code', method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = ''
        res.on('data', (c) => (text += c))
        res.on('end', () => resolve({ status: res.statusCode!, body: text, headers: res.headers }))
      },
    )
    req.on('error', reject)
    req.write(body.slice(0, 10))
    setTimeout(() => req.end(body.slice(10)), 2500)
  })
  await sleep(200)
  server.child.kill('SIGTERM')
  await sleep(300)

  const draining = await get(server.port, '/api/health')
  expect(draining.status).toBe(503)
  expect(JSON.parse(draining.body)).toMatchObject({ status: 'draining', error: { code: 'UNAVAILABLE' } })
  expect(draining.headers.connection).toBe('close')

  await sleep(1700) // past the notice: the listening socket is closed
  await expect(get(server.port, '/api/health')).rejects.toMatchObject({ code: 'ECONNREFUSED' })

  const answer = await inFlight
  expect(answer.status).toBe(200)
  expect(answer.headers.connection).toBe('close')
  expect(await server.exited).toBe(0)
  expect(server.output()).toMatch(/draining/)
  fs.rmSync(server.dataDir, { recursive: true, force: true })
})

test('a request that never finishes is cut at SHUTDOWN_TIMEOUT_MS and the server still exits 0', async () => {
  const server = await startServer({ SHUTDOWN_NOTICE_MS: '0', SHUTDOWN_TIMEOUT_MS: '1000' })
  running = server.child
  const stuck = http.request({ host: '127.0.0.1', port: server.port, path: '/api/auth/sms-code', method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': 100 } })
  stuck.on('error', () => undefined)
  stuck.write('{"phone":')
  await sleep(200)
  const started = Date.now()
  server.child.kill('SIGTERM')
  expect(await server.exited).toBe(0)
  expect(Date.now() - started).toBeLessThan(6000)
  expect(server.output()).toMatch(/cutting them/)
  fs.rmSync(server.dataDir, { recursive: true, force: true })
})
