/**
 * Where photo bytes live: DATA_DIR/uploads by default, or an S3-compatible bucket (Aliyun OSS, Tencent COS, Huawei OBS,
 * MinIO) when S3_* is set, so several server processes on several machines share one store. Rows stay in the database;
 * this only holds bytes under names (`<id>`, `<id>.thumb`).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import type { Config, S3Config } from '../config'

export interface StoredPhoto {
  body: Readable
  size: number
}

export interface PhotoStorage {
  readonly kind: 'local' | 's3'
  /** Refuses to overwrite; throws PhotoStoreError when the store is full or away. */
  put(name: string, bytes: Buffer, contentType: string): Promise<void>
  /** Null when there is no such file. */
  get(name: string): Promise<StoredPhoto | null>
  /** Names that are already gone are fine. */
  remove(names: string[]): Promise<void>
  /** Every stored name with its last change, for the orphan sweep. */
  list(): AsyncIterable<{ name: string; modifiedMs: number }>
  close(): void
}

/** `full`: the disk has no room (500, the county must act); `unavailable`: the bucket is away (503, try again). */
export class PhotoStoreError extends Error {
  constructor(
    readonly reason: 'full' | 'unavailable',
    options?: { cause?: unknown },
  ) {
    super(`photo store ${reason}`, options)
    this.name = 'PhotoStoreError'
  }
}

export function createPhotoStorage(config: Pick<Config, 'dataDir' | 's3'>): PhotoStorage {
  return config.s3 ? s3Storage(config.s3) : localStorage(path.join(config.dataDir, 'uploads'))
}

const code = (error: unknown) => (error as { code?: string }).code ?? ''

function localStorage(dir: string): PhotoStorage {
  return {
    kind: 'local',
    async put(name, bytes) {
      const file = path.join(dir, name)
      try {
        await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 })
        await fs.promises.writeFile(file, bytes, { flag: 'wx', mode: 0o600 })
      } catch (error) {
        // A partly written file never stays behind.
        if (code(error) !== 'EEXIST') await fs.promises.rm(file, { force: true })
        if (['ENOSPC', 'EDQUOT'].includes(code(error))) throw new PhotoStoreError('full', { cause: error })
        throw error
      }
    },
    async get(name) {
      const file = path.join(dir, name)
      const stat = await fs.promises.stat(file).catch(() => null)
      return stat?.isFile() ? { body: fs.createReadStream(file), size: stat.size } : null
    },
    async remove(names) {
      await Promise.all(names.map((name) => fs.promises.rm(path.join(dir, name), { force: true })))
    },
    async *list() {
      let names: string[]
      try {
        names = await fs.promises.readdir(dir)
      } catch (error) {
        if (code(error) === 'ENOENT') return
        throw error
      }
      for (const name of names) {
        const stat = await fs.promises.stat(path.join(dir, name)).catch(() => null)
        if (stat?.isFile()) yield { name, modifiedMs: stat.mtimeMs }
      }
    },
    close() {},
  }
}

const PREFIX = 'uploads/'

export function s3Storage(s3: S3Config): PhotoStorage {
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: s3.forcePathStyle,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    // OSS, COS and OBS do not all take the SDK's newer default checksums; MD5-era behaviour works everywhere.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A bucket that stops answering fails the upload in seconds instead of holding the worker's request.
    requestHandler: { connectionTimeout: 3000, requestTimeout: 20_000 },
    maxAttempts: 2,
  })
  const away = (error: unknown) => new PhotoStoreError('unavailable', { cause: error })
  const missing = (error: unknown) => ['NoSuchKey', 'NotFound'].includes((error as { name?: string }).name ?? '')
  return {
    kind: 's3',
    async put(name, bytes, contentType) {
      try {
        await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: PREFIX + name, Body: bytes, ContentType: contentType, ContentLength: bytes.length }))
      } catch (error) {
        throw away(error)
      }
    },
    async get(name) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: PREFIX + name }))
        return { body: answer.Body as Readable, size: answer.ContentLength ?? 0 }
      } catch (error) {
        if (missing(error)) return null
        throw away(error)
      }
    },
    async remove(names) {
      // One DELETE per name: the batch call needs a checksum header that not every S3-compatible store takes alike.
      for (let i = 0; i < names.length; i += 8) {
        try {
          await Promise.all(names.slice(i, i + 8).map((n) => client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: PREFIX + n }))))
        } catch (error) {
          throw away(error)
        }
      }
    },
    async *list() {
      let token: string | undefined
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: PREFIX, ContinuationToken: token })).catch((error: unknown) => {
          throw away(error)
        })
        for (const o of page.Contents ?? []) if (o.Key) yield { name: o.Key.slice(PREFIX.length), modifiedMs: o.LastModified?.getTime() ?? 0 }
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token)
    },
    close() {
      client.destroy()
    },
  }
}
