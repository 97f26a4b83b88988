/** X-Forwarded-For is believed only from the configured proxies: per-address limits see the real client, and a forged header changes nothing. */
import type { FastifyInstance } from 'fastify'
import { loadConfig } from '../config'
import { buildTestApp, type TestApp } from '../test-support/test-app'

const NGINX = '127.0.0.1'
const echoIp = (app: FastifyInstance) => app.get('/test/ip', async (req) => ({ ip: req.ip }))
const apps: TestApp[] = []
const appWith = async (trustProxy?: string) => {
  const t = await buildTestApp({
    seed: false,
    routes: echoIp,
    config: (c) => ({ ...c, ...(trustProxy === undefined ? {} : { trustProxy: loadConfig({ TRUST_PROXY: trustProxy }).trustProxy }), sms: { ...c.sms, ipLimitPerHour: 2 } }),
  })
  apps.push(t)
  return t
}
afterAll(async () => {
  for (const t of apps) await t.close()
})

let phoneN = 0
const askCode = (t: TestApp, remoteAddress: string, forwardedFor?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sms-code',
    payload: { phone: `1370066${String(++phoneN).padStart(4, '0')}` },
    remoteAddress,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  })
const ipSeen = async (t: TestApp, remoteAddress: string, forwardedFor?: string) =>
  (await t.app.inject({ url: '/test/ip', remoteAddress, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} })).json().ip

describe('default: nginx on this machine', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await appWith()
  })

  test('behind nginx each client has its own allowance of sign-in codes', async () => {
    expect(await ipSeen(t, NGINX, '198.51.100.7')).toBe('198.51.100.7')
    for (let i = 0; i < 2; i++) expect((await askCode(t, NGINX, '198.51.100.7')).statusCode).toBe(200)
    expect((await askCode(t, NGINX, '198.51.100.7')).statusCode).toBe(429)
    expect((await askCode(t, NGINX, '198.51.100.8')).statusCode).toBe(200) // the next client behind the same nginx
  })

  test('a client that forges X-Forwarded-For through nginx is still counted by its own address (nginx appends it)', async () => {
    const real = '198.51.100.20'
    for (let i = 0; i < 2; i++) expect((await askCode(t, NGINX, `10.0.0.${i}, ${real}`)).statusCode).toBe(200)
    expect((await askCode(t, NGINX, `10.0.0.99, ${real}`)).statusCode).toBe(429)
    expect(await ipSeen(t, NGINX, `10.0.0.99, ${real}`)).toBe(real)
  })

  test('a direct client (not nginx) forging the header changes nothing', async () => {
    const direct = '203.0.113.5'
    expect(await ipSeen(t, direct, '198.51.100.77')).toBe(direct)
    for (let i = 0; i < 2; i++) expect((await askCode(t, direct, `198.51.100.${100 + i}`)).statusCode).toBe(200)
    expect((await askCode(t, direct, '198.51.100.200')).statusCode).toBe(429)
  })
})

test('TRUST_PROXY=false: the header is ignored even from this machine', async () => {
  const t = await appWith('false')
  expect(await ipSeen(t, NGINX, '198.51.100.7')).toBe(NGINX)
  for (let i = 0; i < 2; i++) expect((await askCode(t, NGINX, `198.51.100.${i}`)).statusCode).toBe(200)
  expect((await askCode(t, NGINX, '198.51.100.9')).statusCode).toBe(429)
})

test('TRUST_PROXY with a CIDR: nginx on another machine of the private network is believed, nobody else', async () => {
  const t = await appWith('10.0.0.0/8, 127.0.0.1')
  expect(await ipSeen(t, '10.1.2.3', '198.51.100.7')).toBe('198.51.100.7')
  expect(await ipSeen(t, '203.0.113.9', '198.51.100.7')).toBe('203.0.113.9')
  // Two chained proxies of the network: the first address outside it is the client.
  expect(await ipSeen(t, '10.1.2.3', '198.51.100.8, 10.4.5.6')).toBe('198.51.100.8')
})

test('TRUST_PROXY is checked at start: a hop count or a wrong address is refused naming the variable', () => {
  expect(loadConfig({}).trustProxy).toEqual(['loopback'])
  expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true)
  expect(loadConfig({ TRUST_PROXY: '127.0.0.1,::1,10.0.0.0/8,uniquelocal' }).trustProxy).toEqual(['127.0.0.1', '::1', '10.0.0.0/8', 'uniquelocal'])
  expect(() => loadConfig({ TRUST_PROXY: '1' })).toThrow(/TRUST_PROXY.*hop count/)
  expect(() => loadConfig({ TRUST_PROXY: 'nginx.local' })).toThrow(/TRUST_PROXY/)
  expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/40' })).toThrow(/TRUST_PROXY/)
})
