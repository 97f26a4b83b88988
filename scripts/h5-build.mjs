// Builds the H5 portal when dist/h5 is missing or older than the sources it is built from.
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { root, sourcesNewerThan, taroBuild } from './build-support.mjs'

const sources = ['src', 'types', 'config', 'babel.config.js', 'package.json']
const builtIndex = join(root, 'dist/h5/index.html')

export function h5IsStale() {
  return !existsSync(builtIndex) || sourcesNewerThan(sources, statSync(builtIndex).mtimeMs)
}

export function ensureH5Build() {
  if (h5IsStale()) taroBuild('h5', 'the H5 portal (dist/h5)', [builtIndex])
}

if (import.meta.url === `file://${process.argv[1]}`) ensureH5Build()
