/**
 * npm run backup            copy DATA_DIR (SQLite, photos, data key) into BACKUP_DIR/wugongtong-<time>, server running or not
 * npm run restore <folder>  bring that folder back into DATA_DIR, which must hold no database yet
 */
import path from 'node:path'
import { loadConfig } from '../config'
import { backup, restore } from './backup'

async function main() {
  const [command, folder] = process.argv.slice(2)
  const config = loadConfig(process.env)
  if (command === 'backup') {
    const done = await backup(config, path.resolve(process.env.BACKUP_DIR || './backups'))
    console.log(`backup written to ${done.folder}`)
    console.log(JSON.stringify(done.manifest))
    return
  }
  if (command === 'restore' && folder) {
    const manifest = await restore(path.resolve(folder), config)
    console.log(`restored the backup of ${manifest.createdAt} into ${config.dataDir}`)
    return
  }
  throw new Error('usage: npm run backup | npm run restore <backup folder>')
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
