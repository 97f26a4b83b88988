/**
 * Every page a notice opens from the inbox (server/notifications, and the paths the contract names for them) is a page
 * the app declares: a link to a page that is not there opens nothing on the phone.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { mySubsidiesPagePath } from '../../types'

;(globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c
const config = require('../../src/app.config').default as { pages: string[]; subPackages: { root: string; pages: string[] }[] }
const pages = new Set([...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))].map((p) => `/${p}`))

const dir = path.join(__dirname, '../../server/notifications')
const linked = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/'(\/(?:packages|pages)\/[a-z0-9/-]+\/index)'/g)].map((m) => m[1]))

test('the notices link pages of the app', () => {
  expect(linked.length).toBeGreaterThan(5)
  for (const link of [...linked, mySubsidiesPagePath]) expect([link, pages.has(link)]).toEqual([link, true])
})
