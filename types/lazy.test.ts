import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { transformFileSync } from '@babel/core'
import { z } from 'zod/mini'
import { toJSONSchema } from 'zod/v4/core'
import { lazySchema } from './lazy'
import { api } from './index'

describe('lazySchema', () => {
  it('builds nothing until read, then once, and parses as the schema it stands for', () => {
    const build = jest.fn(() => z.object({ name: z.string().check(z.minLength(1, '请填写姓名')), age: z.optional(z.number()) }))
    const person = lazySchema(build)
    // Composed into other schemas without being built.
    const list = z.object({ items: z.array(person), first: z.optional(person) })
    expect(build).not.toHaveBeenCalled()

    expect(z.parse(list, { items: [{ name: '王五', age: 40, extra: 1 }] })).toEqual({ items: [{ name: '王五', age: 40 }] })
    const failed = z.safeParse(list, { items: [{ name: '' }] })
    expect(failed.success).toBe(false)
    expect(failed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['items.0.name', '请填写姓名']])
    expect(z.safeParse(person, { name: '李四' }).data).toEqual({ name: '李四' })
    expect(build).toHaveBeenCalledTimes(1)
  })

  it('is the same schema to zod: its checks, its keys and its JSON schema', () => {
    const eager = z.object({ trade: z.enum(['电工', '焊工']), wage: z.number().check(z.int(), z.gte(0)) })
    const lazy = lazySchema(() => z.object({ trade: z.enum(['电工', '焊工']), wage: z.number().check(z.int(), z.gte(0)) }))
    expect(toJSONSchema(lazy)).toEqual(toJSONSchema(eager))
    expect(Object.keys(lazy._zod.def.shape)).toEqual(['trade', 'wage'])
    expect('_zod' in lazy).toBe(true)
    expect(z.safeParse(z.extend(lazy, { note: z.string() }), { trade: '焊工', wage: 1.5, note: '' }).success).toBe(false)
  })
})

test('the contract as the app builds it (config/lazy-contract.js) declares every endpoint exactly as the server reads it', () => {
  // Beside the repo, so the built files find zod.
  const dir = mkdtempSync(join(__dirname, '..', '.lazy-contract-'))
  try {
    let wrapped = 0
    for (const name of readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const out = transformFileSync(join(__dirname, name), {
        babelrc: false,
        configFile: false,
        presets: [require.resolve('@babel/preset-typescript')],
        plugins: [
          ...(name === 'lazy.ts' ? [] : [require.resolve('../config/lazy-contract.js')]),
          require.resolve('@babel/plugin-transform-modules-commonjs'),
        ],
      })!
      wrapped += (out.code!.match(/lazySchema\)?\(\(\) =>/g) ?? []).length
      writeFileSync(join(dir, name.replace(/\.ts$/, '.js')), out.code!)
    }
    // Nearly every schema of the contract waits for its first use.
    expect(wrapped).toBeGreaterThan(250)
    const built = require(join(dir, 'index.js')) as { api: typeof api }
    const names = Object.keys(api) as (keyof typeof api)[]
    expect(Object.keys(built.api).sort()).toEqual([...names].sort())
    const hidden = Object.fromEntries(['name', 'title', 'detail', 'text', 'employerName', 'note', 'phone'].map((k) => [k, `王\u200b五`]))
    const json = (s: unknown) => (s ? toJSONSchema(s as z.core.$ZodType, { unrepresentable: 'any', io: 'input' }) : null)
    for (const name of names) {
      const [a, b] = [api[name], built.api[name]] as { method: string; path: string; params?: unknown; query?: unknown; body?: unknown; response: unknown }[]
      expect([name, b.method, b.path]).toEqual([name, a.method, a.path])
      expect([name, 'summary' in b]).toEqual([name, false])
      for (const part of ['params', 'query', 'body', 'response'] as const) expect([name, part, json(b[part])]).toEqual([name, part, json(a[part])])
      // The same Chinese messages, field by field, for an empty form and for hidden characters in every text.
      for (const input of [{}, hidden]) {
        if (!a.body) continue
        const issues = (s: unknown) => z.safeParse(s as z.core.$ZodType, input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
        expect([name, issues(b.body)]).toEqual([name, issues(a.body)])
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}, 120000)
