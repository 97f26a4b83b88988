/**
 * The 记工 calendar's days are tapped with a thumb: each day at least 48px wide on a 390px phone, without the month
 * scrolling sideways, in both modes. Worked out from the stylesheets: a design px (750 wide) is 390/750 of a screen px.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const src = join(__dirname, '../../../..')
const read = (path: string) => readFileSync(join(src, path), 'utf8')
const tokens = read('styles/_tokens.scss')
const appScss = read('app.scss')
const calendar = read('features/worklog/components/month-calendar/index.scss')

/** A length in design px: `24px` or a token such as `$gap`. */
function designPx(value: string): number {
  const token = /^\$([\w-]+)$/.exec(value)
  if (token) return designPx(new RegExp(`\\$${token[1]}:\\s*([^;]+);`).exec(tokens)![1].trim())
  const px = /^(-?\d+(?:\.\d+)?)px$/.exec(value)
  if (value === '0') return 0
  if (!px) throw new Error(`not a length: ${value}`)
  return Number(px[1])
}

/** The declarations of a top-level rule, before its first nested block. */
function declarations(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`)
  if (start < 0) throw new Error(`no ${selector}`)
  const body = css.slice(start + selector.length + 2).split(/[{}]/)[0]
  const props: Record<string, string> = Object.fromEntries([...body.matchAll(/([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]))
  // The card mixin sets the padding it is given.
  const card = /@include card\(([^)]*)\)/.exec(body)
  return card && !props.padding ? { ...props, padding: card[1].trim() || '$gap' } : props
}

/** The horizontal part of a `padding` shorthand, each side. */
function sidePadding(padding: string): number {
  const parts = padding.split(/\s+/)
  return designPx(parts.length === 1 ? parts[0] : parts[1])
}

const phone = 390
const scale = phone / 750

test('each day of the month is at least 48px wide on a 390px phone', () => {
  const page = declarations(appScss, '.page')
  const grid = declarations(calendar, '.month-calendar')
  const columnGap = designPx(grid['column-gap'] ?? grid.gap)
  const inner = phone - 2 * sidePadding(page.padding) * scale - 2 * sidePadding(grid.padding ?? '0') * scale - 6 * columnGap * scale
  expect(inner / 7).toBeGreaterThanOrEqual(48)
  // Fractions that may shrink below their content: the month never grows wider than the phone (no sideways scroll).
  expect(grid['grid-template-columns']).toBe('repeat(7, minmax(0, 1fr))')
})

test('大字模式 makes the days taller, not wider: the same width, and at least its bigger tap height', () => {
  const day = declarations(calendar, '&__day')
  expect(day['min-height']).toBe('$tap')
  // Nothing in the day is sized by a width that 大字模式 would raise past the column.
  expect(Object.keys(day).filter((k) => /width/.test(k))).toEqual([])
})
