/**
 * The real app (buildApp, production log level, logs to stdout) listening on loopback, plus one bare
 * route that does nothing: the floor the API's figures are compared with, in the same process.
 */
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { createDatabase } from '../../server/db/database'

async function main() {
  // The test environment spares the bench production's secrets; what production does per request it does here too:
  // assembled answers (kept job cards) are not parsed a second time.
  const config = loadConfig({ CHECK_ASSEMBLED_ANSWERS: '0', ...process.env, NODE_ENV: 'test' })
  const database = createDatabase(config)
  const app = await buildApp({
    config,
    database,
    logger: { level: 'info' },
    routes: (a) => a.get('/bench/bare', async () => ({ ok: true })),
  })
  await app.listen({ host: '127.0.0.1', port: config.port })
  process.send?.('ready')
  process.on('SIGTERM', () => void app.close().then(() => database.close()).then(() => process.exit(0)))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
