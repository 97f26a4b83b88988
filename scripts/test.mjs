// `npm test`: every suite (server, app, end-to-end), closing with one `N passed, N failed` line
// read from jest's JSON report, so a run that tested nothing is plain to see.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { ensureH5Build } from './h5-build.mjs'
import { ensureWeappBuild } from './weapp-build.mjs'

const root = new URL('..', import.meta.url).pathname
const args = process.argv.slice(2)
const wantsE2e = !args.includes('--selectProjects') || args.includes('e2e')
if (wantsE2e) ensureH5Build()
// The weapp suite renders dist/weapp: build it here (under its lock) so jest's timeouts never include a build.
if (!args.includes('--selectProjects') || args.includes('weapp')) ensureWeappBuild()

mkdirSync(join(root, 'test-results'), { recursive: true })
const report = join(root, 'test-results', `jest-${process.pid}.json`)
const jest = spawnSync('npx', ['jest', '--json', `--outputFile=${report}`, ...args], { cwd: root, stdio: 'inherit' })

let passed = 0
let failed = 0
try {
  const results = JSON.parse(readFileSync(report, 'utf8'))
  passed = results.numPassedTests
  // A suite that fails to load runs no tests but must still count as a failure.
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites
  rmSync(report)
} catch {
  failed = Math.max(failed, 1)
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(jest.status === 0 && failed === 0 && passed > 0 ? 0 : 1)
