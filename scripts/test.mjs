// `npm test`: every suite (server, app, end-to-end, weapp), closing with one `N passed, N failed` line
// read from jest's JSON reports, so a run that tested nothing is plain to see.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { ensureH5Build } from './h5-build.mjs'
import { ensureWeappBuild } from './weapp-build.mjs'

const root = new URL('..', import.meta.url).pathname
const args = process.argv.slice(2)
const selected = (project) => !args.includes('--selectProjects') || args.includes(project)
if (selected('e2e')) ensureH5Build()
// The weapp suite renders dist/weapp: build it here (under its lock) so jest's timeouts never include a build.
if (selected('weapp')) ensureWeappBuild()

mkdirSync(join(root, 'test-results'), { recursive: true })

/** One jest run; returns its counts (a suite that fails to load counts as a failure). */
function runJest(jestArgs, name) {
  const report = join(root, 'test-results', `jest-${process.pid}-${name}.json`)
  const run = spawnSync('npx', ['jest', '--json', `--outputFile=${report}`, ...jestArgs], { cwd: root, stdio: 'inherit' })
  try {
    const results = JSON.parse(readFileSync(report, 'utf8'))
    rmSync(report)
    return { ok: run.status === 0, passed: results.numPassedTests, failed: results.numFailedTests + results.numRuntimeErrorTestSuites }
  } catch {
    return { ok: false, passed: 0, failed: 1 }
  }
}

// Browser journeys and the simulated phone each start a server and render pages: on two cores, running them
// beside each other (or beside the unit suites) starves them into time-outs, so they run one file at a time.
const runs = args.length
  ? [runJest([...args, '--forceExit'], 'selected')]
  : [
      // --forceExit: a test that failed half-way (a hook past its time-out) can leave a pool open, and a run that
      // never exits reports nothing at all.
      runJest(['--selectProjects', 'server', 'app', '--forceExit'], 'unit'),
      // The simulated phone runs the mini-program's own code in this process, timers included (the outbox
      // resends every 30 s, as on a phone): once the last test is done, nothing is left to wait for.
      runJest(['--selectProjects', 'e2e', 'weapp', '--runInBand', '--forceExit'], 'journeys'),
    ]

const passed = runs.reduce((n, r) => n + r.passed, 0)
const failed = runs.reduce((n, r) => n + r.failed, 0)
console.log(`${passed} passed, ${failed} failed`)
process.exit(runs.every((r) => r.ok) && failed === 0 && passed > 0 ? 0 : 1)
