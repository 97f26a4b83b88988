import { Writable } from 'node:stream'
import { buildTestApp } from '../test-support/test-app'
import { loggerOptions, maskPersonalNumbers } from './logging'

// Builds an app on the test database (PostgreSQL too) on a machine that may be busy.
jest.setTimeout(60000)

describe('maskPersonalNumbers', () => {
  test.each([
    ['13900000009', '139****0009'],
    ['+8613900000009', '+86139****0009'],
    ['8613900000009', '86139****0009'],
    ['+86 139 0000 0009', '+86 139****0009'],
    ['139-0000-0009', '139****0009'],
    ['139 0000 0009', '139****0009'],
    ['620524199001011234', '620524********1234'],
    ['62052419900101123x', '620524********123x'],
    // The 15-digit ID numbers issued before 1999: 6 digits of place, YYMMDD, 3 digits.
    ['620524900101123', '620524******123'],
    ['q=620524900101123&page=2', 'q=620524******123&page=2'],
  ])('%s → %s', (input, masked) => {
    expect(maskPersonalNumbers(input)).toBe(masked)
  })

  test('short numbers, prices and ids are left alone', () => {
    for (const plain of ['/api/jobs/12345', 'wage=6500', '2026-03-10', 'cursor=1234567890']) expect(maskPersonalNumbers(plain)).toBe(plain)
  })

  test('a signed upload url keeps its path and expiry, not its signature', () => {
    const url = '/api/uploads/0123456789abcdef0123456789abcdef?exp=1767225600&sig=fedcba9876543210fedcba9876543210'
    const masked = maskPersonalNumbers(url)
    expect(masked).toBe('/api/uploads/0123456789abcdef0123456789abcdef?exp=1767225600&sig=[redacted]')
    expect(maskPersonalNumbers('/api/x?token=abc.def&a=1')).toBe('/api/x?token=[redacted]&a=1')
  })

  test("a contact's or print shop's signed link and a worker's position stay out; other parameters stay", () => {
    const link = '/api/day-job-attendance?t=WzEyLDE3NjcyMjU2MDBd.0123456789abcdef0123456789abcdef'
    expect(maskPersonalNumbers(link)).toBe('/api/day-job-attendance?t=[redacted]')
    expect(maskPersonalNumbers('/api/jobs?local=true&lat=34.75321&lng=105.02519&sort=distance')).toBe('/api/jobs?local=true&lat=[redacted]&lng=[redacted]&sort=distance')
    expect(maskPersonalNumbers('/api/jobs?township=洛门镇&trade=普工')).toBe('/api/jobs?township=洛门镇&trade=普工')
  })

  test('the request serializer masks the url it logs', () => {
    const serializers = loggerOptions().serializers as { req: (req: unknown) => { url: string } }
    const req = { method: 'GET', url: '/api/jobs?q=%2B8613900000009&sig=abcdef0123456789abcdef0123456789', ip: '127.0.0.1' }
    const { url } = serializers.req(req)
    expect(url).not.toContain('13900000009')
    expect(url).not.toContain('abcdef0123456789abcdef0123456789')
  })
})

test('a request log holds no +86 phone, dashed phone, 15-digit ID number or upload signature', async () => {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk))
      done()
    },
  })
  const t = await buildTestApp({ logger: { level: 'debug', stream }, seed: false })
  try {
    await t.app.inject({ url: '/api/jobs?q=%2B8613900000009' })
    await t.app.inject({ url: '/api/jobs?q=139-0000-0009' })
    await t.app.inject({ url: '/api/jobs?q=620524900101123' })
    await t.app.inject({ url: '/api/uploads/0123456789abcdef0123456789abcdef?exp=1767225600&sig=fedcba9876543210fedcba9876543210' })
    await t.app.inject({ url: '/api/day-job-attendance?t=WzEyLDE3NjcyMjU2MDBd.aaaabbbbccccddddeeeeffff00001111' })
    await t.app.inject({ url: '/api/jobs?local=true&lat=34.75321&lng=105.02519' })
  } finally {
    await t.close()
  }
  const log = lines.join('')
  expect(log).toContain('/api/uploads/0123456789abcdef0123456789abcdef')
  expect(log).toContain('/api/day-job-attendance')
  for (const secret of ['13900000009', '139-0000-0009', '0000-0009', '620524900101123', 'fedcba9876543210fedcba9876543210', 'aaaabbbbccccddddeeeeffff00001111', '34.75321', '105.02519']) {
    expect(log).not.toContain(secret)
  }
})
