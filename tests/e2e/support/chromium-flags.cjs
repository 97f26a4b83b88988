/**
 * Flags for Debian's Chromium wherever the project drives it: the journeys (support/browser.ts, through Playwright) and
 * Lighthouse (bench/support/lighthouse-run.mjs, through chrome-launcher). No sandbox and no GPU in a container; no
 * QUIC, sync, component updates or background requests, so nothing but the page itself is on the network or the CPU.
 */
module.exports = {
  chromiumFlags: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
}
