// Draws the app's pictures from the SVG written here and saves them as PNG (sharp), the one format both the
// mini-program and the portal show everywhere. Emoji are not used: phones without the font show empty boxes.
//
//   npx tsx scripts/make-icons.mjs
//
// - src/assets/tab-bar/<tab>.png and <tab>-on.png, 81×81 (WeChat's recommended size; its limit is 40 KB each), from
//   the drawings the portal's tab bar shows inline (src/components/tab-bar/tab-icons.ts).
// - src/features/rights/assets/<category>.png, 128×128, for the help form's kinds of trouble. Each stays under 2 KB,
//   so the build inlines it into the rights code and it travels with the subpackage, never the main package.
// - src/assets/app-icon/: the portal's own picture, the work bag of the 找工作 tab in white on the app's blue, which
//   添加到主屏幕 puts on the phone's home screen (src/manifest.webmanifest) and the browser shows beside the title.
//   `icon-*` have round corners for places that show the picture as it is; `maskable-*` and the apple-touch-icon are
//   full squares with the bag inside the middle 80%, for launchers that cut their own shape.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { tabIcons, tabIconSvg } from '../src/components/tab-bar/tab-icons.ts'

const root = new URL('..', import.meta.url).pathname
const grey = '#4a4a4a'
const blue = '#1558b0'

/** The help form's kinds of trouble, in colour, on a 64 grid. */
const categories = {
  // A coin with ¥, drawn as strokes (no font needed).
  unpaid_wages: `<circle cx="32" cy="32" r="26" fill="#f2b01e" stroke="#b7791f" stroke-width="3"/>
    <path d="M23 17l9 12 9-12M32 29v19M23 33h18M23 40h18" fill="none" stroke="#7a4b00" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>`,
  // A sticking plaster across the picture.
  injury: `<g transform="rotate(-45 32 32)">
    <rect x="4" y="20" width="56" height="24" rx="12" fill="#f3c892" stroke="#b9824a" stroke-width="3"/>
    <rect x="23" y="20" width="18" height="24" fill="#e3a86b"/>
    <g fill="#b9824a"><circle cx="28" cy="27" r="1.8"/><circle cx="36" cy="27" r="1.8"/><circle cx="28" cy="37" r="1.8"/><circle cx="36" cy="37" r="1.8"/></g>
  </g>`,
  // A page with lines and a signature.
  contract: `<path d="M14 6h26l12 12v40H14z" fill="#fff" stroke="#5b6b7f" stroke-width="3" stroke-linejoin="round"/>
    <path d="M40 6v12h12" fill="#dfe6ee" stroke="#5b6b7f" stroke-width="3" stroke-linejoin="round"/>
    <path d="M21 24h22M21 31h22M21 38h14" stroke="#8a99ab" stroke-width="3" stroke-linecap="round"/>
    <path d="M21 49c3-5 5-5 6 0s4 3 6-1 4-2 7 1" fill="none" stroke="#1558b0" stroke-width="3" stroke-linecap="round"/>`,
  // A shield with a heart: being covered.
  social_insurance: `<path d="M32 5l22 8v15c0 14-10 25-22 30C20 53 10 42 10 28V13z" fill="#1f8a5b" stroke="#14603f" stroke-width="3" stroke-linejoin="round"/>
    <path d="M32 44S19 36 19 27a6.5 6.5 0 0 1 13-2 6.5 6.5 0 0 1 13 2c0 9-13 17-13 17z" fill="#fff"/>`,
  // A speech bubble: say it in your own words.
  other: `<path d="M10 12h44a4 4 0 0 1 4 4v26a4 4 0 0 1-4 4H28l-12 10v-10h-6a4 4 0 0 1-4-4V16a4 4 0 0 1 4-4z" fill="#3b7dd8" stroke="#1558b0" stroke-width="3" stroke-linejoin="round"/>
    <g fill="#fff"><circle cx="21" cy="29" r="4"/><circle cx="32" cy="29" r="4"/><circle cx="43" cy="29" r="4"/></g>`,
}

/** The app's picture on a 48 grid: the 找工作 tab's work bag in white, 0.7 of its tab size, centred on the blue. */
const appIconSvg = (rounded) =>
  [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">',
    `<rect width="48" height="48"${rounded ? ' rx="10"' : ''} fill="${blue}"/>`,
    `<g transform="translate(24 24) scale(0.7) translate(-24 -25)">${tabIconSvg(tabIcons.jobs, '#fff', true, blue)}</g>`,
    '</svg>',
  ].join('')

const categorySvg = (art) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">${art}</svg>`

async function save(svg, size, file, limit, colours = 16) {
  const png = await sharp(Buffer.from(svg), { density: 300 })
    .resize(size, size)
    .png({ palette: true, colours, compressionLevel: 9, effort: 10 })
    .toBuffer()
  if (png.length > limit) throw new Error(`${file} is ${png.length} bytes, over ${limit}`)
  writeFileSync(file, png)
  console.log(`${file.slice(root.length)}  ${png.length} bytes`)
}

const tabDir = join(root, 'src/assets/tab-bar')
const appIconDir = join(root, 'src/assets/app-icon')
const categoryDir = join(root, 'src/features/rights/assets')
mkdirSync(tabDir, { recursive: true })
mkdirSync(categoryDir, { recursive: true })
mkdirSync(appIconDir, { recursive: true })
for (const [name, icon] of Object.entries(tabIcons)) {
  await save(tabIconSvg(icon, grey, false), 81, join(tabDir, `${name}.png`), 40 * 1024)
  await save(tabIconSvg(icon, blue, true), 81, join(tabDir, `${name}-on.png`), 40 * 1024)
}
// Under the build's 2 KB inlining limit, so each travels inside the rights code.
for (const [name, art] of Object.entries(categories)) await save(categorySvg(art), 128, join(categoryDir, `${name.replace('_', '-')}.png`), 2048)
// The portal's picture: the SVG itself for browsers that take one beside the title, PNGs for the home screen.
writeFileSync(join(appIconDir, 'icon.svg'), appIconSvg(true))
for (const size of [192, 512]) {
  await save(appIconSvg(true), size, join(appIconDir, `icon-${size}.png`), 20 * 1024, 64)
  await save(appIconSvg(false), size, join(appIconDir, `maskable-${size}.png`), 20 * 1024, 64)
}
await save(appIconSvg(false), 180, join(appIconDir, 'apple-touch-icon.png'), 20 * 1024, 64)
