/**
 * The tab pictures, on a 48 grid, as SVG path data: the portal draws them inline and scripts/make-icons.mjs draws the
 * same into the PNGs WeChat's own tab bar shows (src/assets/tab-bar). `body` is outlined when the tab is off and filled
 * when on; `inner` sits on the body (white when filled); `outer` lies outside it.
 */
export interface TabIcon {
  body: string[]
  outer: string[]
  inner: string[]
}

export const tabIcons = {
  // A work bag.
  jobs: {
    body: ['M10 15h28a4 4 0 0 1 4 4v17a4 4 0 0 1-4 4H10a4 4 0 0 1-4-4V19a4 4 0 0 1 4-4z'],
    outer: ['M17 15v-4a3 3 0 0 1 3-3h8a3 3 0 0 1 3 3v4'],
    inner: ['M6 26h36M24 23v6'],
  },
  // An open book.
  training: {
    body: ['M24 13c-5-4-12-4-18-3v27c6-1 13-1 18 3 5-4 12-4 18-3V10c-6-1-13-1-18 3z'],
    outer: [],
    inner: ['M24 14v25'],
  },
  // A shield with a tick: someone stands up for you.
  rights: {
    body: ['M24 5l16 6v11c0 10-7 18-16 21C15 40 8 32 8 22V11z'],
    outer: [],
    inner: ['M16.5 23.5l5.5 5.5 10-11'],
  },
  // A place on the map: the stations where you work.
  stations: {
    body: ['M24 43S11 30.5 11 20a13 13 0 0 1 26 0c0 10.5-13 23-13 23z'],
    outer: [],
    inner: ['M19 20a5 5 0 1 0 10 0 5 5 0 1 0-10 0z'],
  },
  // A person.
  me: {
    body: ['M16 15a8 8 0 1 0 16 0 8 8 0 1 0-16 0z', 'M8 42c1-9 8-14 16-14s15 5 16 14z'],
    outer: [],
    inner: [],
  },
} satisfies Record<string, TabIcon>

export type TabIconName = keyof typeof tabIcons

/** The picture as a standalone SVG in one colour (for the PNGs); `inner` is the colour of what sits on a filled body. */
export function tabIconSvg(icon: TabIcon, colour: string, on: boolean, inner = '#fff'): string {
  const paths = (ds: string[]) => ds.map((d) => `<path d="${d}"/>`).join('')
  const line = 'fill="none" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"'
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">',
    `<g fill="${on ? colour : 'none'}" stroke="${colour}" stroke-width="3.5" stroke-linejoin="round">${paths(icon.body)}</g>`,
    `<g ${line} stroke="${colour}">${paths(icon.outer)}</g>`,
    `<g ${line} stroke="${on ? inner : colour}">${paths(icon.inner)}</g>`,
    '</svg>',
  ].join('')
}
