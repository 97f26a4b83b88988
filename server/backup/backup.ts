/**
 * Backups of the embedded deployment: SQLite's online backup (a consistent copy while the server keeps writing), then
 * the photo folder and the generated data key, into one dated folder. PostgreSQL is backed up with pg_dump and photos
 * in a bucket by the bucket's own versioning or replication (docs); this says so instead of copying half.
 */
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import type { Config } from '../config'

export interface BackupManifest {
  createdAt: string
  /** What the folder holds; a part held elsewhere is named with how to back it up. */
  database: 'app.db' | 'postgresql: use pg_dump'
  uploads: number | 's3: use the bucket’s versioning or replication'
  dataKey: boolean
}

const MANIFEST = 'manifest.json'

/** 2026-12-04T15-01-02Z: sorts by time, safe in every file system. */
const stamp = (now: Date) => now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')

async function copyFiles(from: string, to: string): Promise<number> {
  let names: string[]
  try {
    names = await fs.promises.readdir(from)
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return 0
    throw error
  }
  await fs.promises.mkdir(to, { recursive: true, mode: 0o700 })
  let copied = 0
  for (const name of names) {
    const stat = await fs.promises.stat(path.join(from, name)).catch(() => null)
    if (!stat?.isFile()) continue
    // A file removed since the listing (a sweep) is simply not in the backup.
    const done = await fs.promises.copyFile(path.join(from, name), path.join(to, name)).then(() => true, () => false)
    if (done) copied++
  }
  return copied
}

function integrityOk(file: string): boolean {
  const db = new SQLite(file, { readonly: true, fileMustExist: true })
  try {
    return db.pragma('integrity_check', { simple: true }) === 'ok'
  } finally {
    db.close()
  }
}

/**
 * Copies the database first, then the photos: a photo written after the copy is only an unlisted file in the backup
 * (the sweep removes it after a restore), never a case pointing at nothing.
 */
export async function backup(config: Pick<Config, 'dataDir' | 'databaseUrl' | 's3'>, backupRoot: string, now = new Date()): Promise<{ folder: string; manifest: BackupManifest }> {
  const folder = path.join(backupRoot, `wugongtong-${stamp(now)}`)
  // The folder holds personal data and maybe the data key: the owner only.
  await fs.promises.mkdir(folder, { recursive: true, mode: 0o700 })
  await fs.promises.chmod(folder, 0o700)
  let database: BackupManifest['database'] = 'postgresql: use pg_dump'
  if (!config.databaseUrl) {
    const source = new SQLite(path.join(config.dataDir, 'app.db'), { readonly: true, fileMustExist: true })
    try {
      await source.backup(path.join(folder, 'app.db'))
    } finally {
      source.close()
    }
    if (!integrityOk(path.join(folder, 'app.db'))) throw new Error('the copied database failed its integrity check')
    database = 'app.db'
  }
  const uploads = config.s3 ? 's3: use the bucket’s versioning or replication' : await copyFiles(path.join(config.dataDir, 'uploads'), path.join(folder, 'uploads'))
  // Outside production the key that decrypts phone and ID numbers is a file beside the database; without it the copy is unreadable.
  const keyFile = path.join(config.dataDir, 'data-key')
  const dataKey = fs.existsSync(keyFile)
  if (dataKey) await fs.promises.copyFile(keyFile, path.join(folder, 'data-key'))
  const manifest: BackupManifest = { createdAt: now.toISOString(), database, uploads, dataKey }
  await fs.promises.writeFile(path.join(folder, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 })
  return { folder, manifest }
}

/** Brings a backup into a DATA_DIR that holds no database yet (a restore never overwrites a live one). */
export async function restore(folder: string, config: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<BackupManifest> {
  const manifest = JSON.parse(await fs.promises.readFile(path.join(folder, MANIFEST), 'utf8')) as BackupManifest
  if (manifest.database !== 'app.db') throw new Error('this backup holds no SQLite database (PostgreSQL is restored with pg_restore)')
  if (config.databaseUrl) throw new Error('DATABASE_URL is set: this backup is a SQLite database; unset it to restore into DATA_DIR')
  const target = path.join(config.dataDir, 'app.db')
  if (fs.existsSync(target)) throw new Error(`${target} exists: restore into a new, empty DATA_DIR`)
  if (!integrityOk(path.join(folder, 'app.db'))) throw new Error('the backup’s database failed its integrity check')
  await fs.promises.mkdir(config.dataDir, { recursive: true, mode: 0o700 })
  await fs.promises.copyFile(path.join(folder, 'app.db'), target)
  if (typeof manifest.uploads === 'number') await copyFiles(path.join(folder, 'uploads'), path.join(config.dataDir, 'uploads'))
  if (manifest.dataKey) await fs.promises.copyFile(path.join(folder, 'data-key'), path.join(config.dataDir, 'data-key'))
  return manifest
}
