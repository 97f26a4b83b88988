/**
 * 大字模式 done right, checked on the stylesheets themselves: the size steps keep their order in both modes, a title
 * never uses a size below the body text or a fixed size that 大字模式 cannot raise, and phone numbers never wrap.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const src = join(__dirname, '..')
const appScss = readFileSync(join(src, 'app.scss'), 'utf8')

function sizes(block: string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const m of block.matchAll(/--wgt-font-(\w+):\s*(\d+)px/g)) out[m[1]] = Number(m[2])
  return out
}

function scssFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return scssFiles(path)
    return name.endsWith('.scss') ? [path] : []
  })
}

/** Each rule's selector and body, flat (the worker's stylesheets nest little). */
function rules(css: string): Array<{ selector: string; body: string }> {
  return [...css.matchAll(/([^{};]+)\{([^{}]*)\}/g)].map((m) => ({ selector: m[1].trim(), body: m[2] }))
}

// Staff screens are desktop tables with their own sizes; the worker's screens are what 大字模式 is for.
const workerSheets = scssFiles(src).filter((f) => !f.includes('/staff'))

test('in both modes: small ≤ body < title < heading < figure', () => {
  const normal = sizes(appScss.slice(appScss.indexOf('@mixin normal-sizes'), appScss.indexOf('page {')))
  const elder = sizes(appScss.slice(appScss.indexOf('.elder {')))
  for (const s of [normal, elder]) {
    expect(s.small).toBeLessThanOrEqual(s.body)
    expect(s.body).toBeLessThan(s.title)
    expect(s.title).toBeLessThan(s.heading)
    expect(s.heading).toBeLessThan(s.figure)
  }
  expect(elder.body).toBeGreaterThan(normal.body)
  expect(elder.heading).toBeGreaterThan(normal.heading)
})

test('no title on a worker’s screen is set smaller than body text, or in fixed px that 大字模式 leaves behind', () => {
  const wrong: string[] = []
  for (const file of workerSheets) {
    for (const { selector, body } of rules(readFileSync(file, 'utf8'))) {
      if (!/__(title|heading|name)\b/.test(selector) || /--/.test(selector.replace(/--wgt/g, ''))) continue
      const size = body.match(/font-size:\s*([^;]+);/)?.[1].trim()
      if (size && (size === '$font-small' || /^\d+px$/.test(size))) wrong.push(`${file.slice(src.length)} ${selector}: ${size}`)
    }
  }
  expect(wrong).toEqual([])
})

test('phone numbers are never broken across lines', () => {
  const numbers = workerSheets.flatMap((file) =>
    rules(readFileSync(file, 'utf8'))
      .filter(({ selector }) => /phone-call__number|__phone\b|^\.nowrap$/.test(selector))
      .map(({ selector, body }) => ({ where: `${file.slice(src.length)} ${selector}`, nowrap: /white-space:\s*nowrap/.test(body) })),
  )
  expect(numbers.length).toBeGreaterThanOrEqual(3)
  expect(numbers.filter((n) => !n.nowrap).map((n) => n.where)).toEqual([])
})
