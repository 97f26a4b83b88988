/**
 * Writes which modules went into which output files, with their sizes, beside the build
 * (dist/weapp-modules.json, outside the package itself): `npm run bench:size` names the largest
 * modules of the main package from it, so a size regression names its cause.
 * Sizes are webpack's module sizes (compiled, before minification): the ranking, not the bytes, is the point.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Compiler } from 'webpack'

interface ModuleJson {
  name?: string
  size?: number
  chunks?: (string | number)[]
  modules?: ModuleJson[]
}

export class ModuleSizesPlugin {
  constructor(private readonly file: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.done.tap('ModuleSizesPlugin', (stats) => {
      const json = stats.toJson({ all: false, modules: true, nestedModules: true, chunks: true, chunkModules: false, ids: true })
      const filesOf = new Map<string | number, string[]>()
      for (const chunk of json.chunks ?? []) filesOf.set(chunk.id!, [...(chunk.files ?? [])])
      const modules: { name: string; size: number; files: string[] }[] = []
      const add = (m: ModuleJson, chunks: (string | number)[]) => {
        // A concatenated module ("x + 12 modules") is listed by its parts.
        if (m.modules?.length) return m.modules.forEach((inner) => add(inner, chunks))
        if (!m.name || !m.size) return
        modules.push({ name: m.name, size: m.size, files: [...new Set(chunks.flatMap((c) => filesOf.get(c) ?? []))] })
      }
      for (const m of (json.modules ?? []) as ModuleJson[]) add(m, m.chunks ?? [])
      fs.mkdirSync(path.dirname(this.file), { recursive: true })
      fs.writeFileSync(this.file, JSON.stringify({ builtAt: new Date().toISOString(), modules }))
    })
  }
}
