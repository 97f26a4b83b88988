import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const root = join(__dirname, '..', '..')

/** Lints `code` as if it were the file at `path`, with the project's own config; returns the rule ids reported. */
async function rulesBroken(path: string, code: string): Promise<string[]> {
  const lint = run(join(root, 'node_modules', '.bin', 'eslint'), ['--format', 'json', '--stdin', '--stdin-filename', path], { cwd: root })
  lint.child.stdin?.end(code)
  // ESLint exits 1 when it reports an error; the report is on stdout either way.
  const { stdout } = await lint.catch((e: { stdout: string }) => ({ stdout: e.stdout }))
  const [result] = JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string | null }> }>
  return result.messages.map((m) => m.ruleId ?? 'parse-error')
}

// The layering in the README is only real if the gate refuses a file that breaks it; each case is one such file.
describe('the lint gate refuses what the layering forbids', () => {
  jest.setTimeout(60_000)

  test.each([
    ['a feature importing another feature', 'src/features/jobs/probe.ts', "import { emptyDraft } from '@/features/rights/lib/draft'\nexport const k = emptyDraft\n"],
    ['a feature importing a page', 'src/features/jobs/probe.ts', "import Page from '@/packages/jobs/pages/detail/index'\nexport const p = Page\n"],
    ['the client importing a feature', 'src/api/probe.ts', "import { emptyDraft } from '../features/rights/lib/draft'\nexport const k = emptyDraft\n"],
    ['the server importing the app', 'server/probe.ts', "import { request } from '../src/api/client'\nexport const r = request\n"],
    ['the contract importing the server', 'types/probe.ts', "import { loadConfig } from '../server/config'\nexport const c = loadConfig\n"],
  ])('%s', async (_name, path, code) => {
    expect(await rulesBroken(path, code)).toContain('import-x/no-restricted-paths')
  })

  test('a value from the whole-contract barrel in app code (types from it are fine)', async () => {
    expect(await rulesBroken('src/features/jobs/probe.ts', "import { trades } from '@contract'\nexport const t = trades\n")).toContain(
      '@typescript-eslint/no-restricted-imports',
    )
    expect(await rulesBroken('src/features/jobs/probe.ts', "import type { Trade } from '@contract'\nexport type T = Trade\n")).toEqual([])
  })

  test('a feature importing its own files and shared UI passes', async () => {
    const code = "import * as filters from './lib/filters'\nimport { Tag } from '@/components/tag'\nexport const x = [filters, Tag]\n"
    expect(await rulesBroken('src/features/jobs/probe.ts', code)).toEqual([])
  })
})
