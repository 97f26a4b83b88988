/** A local S3-compatible server (s3rver) on 127.0.0.1 for tests, with the bucket `photos`; stoppable and restartable. */
import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { S3Config } from '../config'

interface S3rverInstance {
  run(): Promise<AddressInfo>
  close(): Promise<void>
  httpServer?: http.Server
}
// s3rver ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverInstance

export interface TestS3 {
  config: S3Config
  stop(): Promise<void>
  /** On the same port and folder: the bucket comes back with what it held. */
  start(): Promise<void>
}

export async function startTestS3(directory: string): Promise<TestS3> {
  let server: S3rverInstance | null = null
  let port = 0
  const start = async () => {
    server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: 'photos', configs: [] }] })
    port = (await server.run()).port
  }
  await start()
  return {
    config: { endpoint: `http://127.0.0.1:${port}`, bucket: 'photos', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', region: 'us-east-1', forcePathStyle: true },
    async stop() {
      // Kept-alive connections from the SDK would otherwise hold close() open.
      server?.httpServer?.closeAllConnections()
      await server?.close()
      server = null
    },
    start,
  }
}
