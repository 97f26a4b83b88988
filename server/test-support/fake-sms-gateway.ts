/**
 * A local SMS gateway for tests and benchmarks: records every POST, and on command answers an error status, answers
 * slowly, or never answers.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeSmsGateway {
  url: string
  received: { phone: string; template: string; params: Record<string, string> }[]
  /** ok (200), an error status, or 'silent' (the request is held until close). */
  mode: 'ok' | number | 'silent'
  latencyMs: number
  /** Requests that arrived and are not answered yet (a kill -9 test strikes while one is). */
  inFlight: number
  close(): Promise<void>
}

export async function startFakeSmsGateway(): Promise<FakeSmsGateway> {
  const held: http.ServerResponse[] = []
  const fake: FakeSmsGateway = { url: '', received: [], mode: 'ok', latencyMs: 0, inFlight: 0, close: async () => undefined }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      fake.inFlight += 1
      const answer = () => {
        if (fake.mode === 'silent') return void held.push(res)
        fake.inFlight -= 1
        if (fake.mode !== 'ok') return void res.writeHead(fake.mode).end('{"error":"refused"}')
        fake.received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')))
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
      }
      if (fake.latencyMs) setTimeout(answer, fake.latencyMs)
      else answer()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`
  fake.close = async () => {
    for (const res of held) res.destroy()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  return fake
}
