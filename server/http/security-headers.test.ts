/** Headers every answer carries: a content policy the built portal runs under, no framing, no sniffing. */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildTestApp, type TestApp } from '../test-support/test-app'

const inlineScript = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);'
const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

describe.each([
  ['development', false],
  ['production', true],
])('%s', (_name, production) => {
  let t: TestApp
  let webRoot: string
  beforeAll(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'wgt-web-'))
    fs.mkdirSync(path.join(webRoot, 'js'))
    fs.writeFileSync(
      path.join(webRoot, 'index.html'),
      `<!doctype html><title>务工通</title><script>${inlineScript}</script><script defer="defer" src="/js/app.3f2a9c1b.js"></script>`,
    )
    fs.writeFileSync(path.join(webRoot, 'js', 'app.3f2a9c1b.js'), 'console.log(1)')
    // Production turns hsts on (loadConfig); its other start-up checks are not what this test is about.
    t = await buildTestApp({ webRoot, seed: false, config: (c) => ({ ...c, hsts: production }) })
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(webRoot, { recursive: true, force: true })
  })

  const answers = () =>
    Promise.all([
      t.app.inject({ url: '/' }),
      t.app.inject({ url: '/js/app.3f2a9c1b.js' }),
      t.app.inject({ url: '/api/health' }),
      t.app.inject({ url: '/api/nope' }),
      t.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone: 'x' } }),
    ])

  test('every answer: nosniff, a referrer policy, no framing, the content policy', async () => {
    for (const res of await answers()) {
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['referrer-policy']).toBe('same-origin')
      expect(res.headers['x-frame-options']).toBe('DENY')
      const csp = String(res.headers['content-security-policy'])
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("object-src 'none'")
      // The portal's own inline start-up script runs by its hash; no other inline script does.
      expect(csp).toMatch(new RegExp(`script-src 'self' ${sha(inlineScript).replace(/[+/]/g, '\\$&')}(;|$)`))
      expect(csp).not.toContain("'unsafe-eval'")
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/)
    }
  })

  test(`Strict-Transport-Security ${production ? 'in production' : 'is not sent outside production'}`, async () => {
    for (const res of await answers()) {
      if (production) expect(res.headers['strict-transport-security']).toBe('max-age=31536000')
      else expect(res.headers['strict-transport-security']).toBeUndefined()
    }
  })
})
