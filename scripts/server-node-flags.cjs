/**
 * Flags for the node process that runs the server, wherever it runs: `npm start`, the systemd unit
 * (deploy/wugongtong@.service, checked against this by tests/server/deploy-files.test.ts) and the benches.
 * A ceiling on V8's old space: without one, V8 on a large machine lets garbage pile up to gigabytes before it
 * collects, and a 100,000-row roster import held 576 MB of memory, most of it garbage; under this ceiling the same
 * import peaked under 300 MB (npm run bench:import). Everything the server holds at once is bounded well below it:
 * imports and exports go by chunks and streams, the caches by their own limits.
 */
module.exports = { serverNodeFlags: ['--max-old-space-size=384'] }
