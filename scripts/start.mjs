// `npm start`: build the portal if needed, then run the server (it migrates and seeds on first start).
import { spawn } from 'node:child_process'
import { ensureH5Build } from './h5-build.mjs'
import nodeFlags from './server-node-flags.cjs'

const { serverNodeFlags } = nodeFlags

ensureH5Build()
const root = new URL('..', import.meta.url).pathname
// node itself, as the systemd unit runs it: npx would not pass a SIGTERM on.
const server = spawn(process.execPath, [...serverNodeFlags, '--import', 'tsx', 'server/main.ts'], { cwd: root, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
