/** A client that sends slowly is cut off: a byte every so often must not hold a connection open. */
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { buildTestApp, type TestApp } from '../test-support/test-app'

let t: TestApp
let port = 0
beforeAll(async () => {
  t = await buildTestApp({
    seed: false,
    config: (c) => ({ ...c, timeouts: { headersMs: 600, requestMs: 1200, connectionMs: 3000, keepAliveMs: 800 } }),
  })
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  port = (t.app.server.address() as AddressInfo).port
})
afterAll(() => t.close())

/** Writes `first`, then one byte of `drip` every 100 ms; resolves with the ms until the server closes, or null after 4 s. */
function dripUntilClosed(first: string, drip: string): Promise<number | null> {
  return new Promise((resolve) => {
    const started = Date.now()
    const socket = net.connect(port, '127.0.0.1', () => socket.write(first))
    let i = 0
    const timer = setInterval(() => {
      if (!socket.destroyed && socket.writable) socket.write(drip[i++ % drip.length])
    }, 100)
    const done = (value: number | null) => {
      clearInterval(timer)
      clearTimeout(giveUp)
      socket.destroy()
      resolve(value)
    }
    const giveUp = setTimeout(() => done(null), 4000)
    socket.on('data', () => {})
    socket.on('error', () => {})
    socket.on('close', () => done(Date.now() - started))
  })
}

test('headers sent a byte at a time are cut off at the headers limit', async () => {
  const closedAfter = await dripUntilClosed('GET /api/health HTTP/1.1\r\nHost: x\r\n', 'X-Slow: abcdefghij\r\n')
  expect(closedAfter).not.toBeNull()
  expect(closedAfter!).toBeLessThan(2000)
})

test('a body sent a byte at a time is cut off at the request limit', async () => {
  const closedAfter = await dripUntilClosed(
    'POST /api/auth/sms-code HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n',
    ' ',
  )
  expect(closedAfter).not.toBeNull()
  expect(closedAfter!).toBeLessThan(2500)
})

test('an idle kept-alive connection is closed after the keep-alive limit', async () => {
  const closedAfter = await new Promise<number | null>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n'))
    let answeredAt = 0
    const giveUp = setTimeout(() => {
      socket.destroy()
      resolve(null)
    }, 4000)
    socket.on('data', () => {
      answeredAt ||= Date.now()
    })
    socket.on('error', () => {})
    socket.on('close', () => {
      clearTimeout(giveUp)
      resolve(answeredAt ? Date.now() - answeredAt : null)
    })
  })
  expect(closedAfter).not.toBeNull()
  // Node allows a second's grace past the limit.
  expect(closedAfter!).toBeLessThan(3000)
})

test('an ordinary request still gets its answer', async () => {
  const res = await fetch(`http://127.0.0.1:${port}/api/health`)
  expect(res.status).toBe(200)
})
