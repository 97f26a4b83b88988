/**
 * Photos for rights requests. The type is read from the file's first bytes; the client's name and
 * declared type are ignored. Files live under DATA_DIR/uploads with random names, and are served only
 * to their owner and to the staff who handle the case they belong to (or through a signed, expiring url).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Kysely } from 'kysely'
import { type Attachment, type Upload, type UploadContentType, uploadPath } from '../../types'
import type { DataKeys } from '../accounts/crypto'
import type { Config } from '../config'
import type { DB } from '../db/schema'
import { validationFailed } from '../http/app-error'
import type { Caller } from '../http/caller'
import { handlesStation } from '../staff/staff-scope'
import { findUpload, insertUpload } from './uploads.repository'

export const uploadsDir = (config: Pick<Config, 'dataDir'>) => path.join(config.dataDir, 'uploads')

/** JPEG (FF D8 FF), PNG (the 8-byte signature) or WebP (RIFF····WEBP); anything else is refused. */
export function sniffImage(bytes: Buffer): UploadContentType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp'
  return null
}

export async function saveUpload(db: Kysely<DB>, dir: string, userId: number, bytes: Buffer, now: Date): Promise<Upload> {
  const contentType = sniffImage(bytes)
  if (!contentType) throw validationFailed({ file: '只能上传照片（JPG、PNG 或 WebP 格式）' })
  const id = randomBytes(16).toString('hex')
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  const file = path.join(dir, id)
  // The file first: a row never points at a missing file; a crash between leaves only an unlisted file.
  await fs.promises.writeFile(file, bytes, { flag: 'wx', mode: 0o600 })
  try {
    await insertUpload(db, {
      id,
      owner_user_id: userId,
      request_id: null,
      content_type: contentType,
      size_bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      created_at: now.toISOString(),
    })
  } catch (error) {
    await fs.promises.rm(file, { force: true })
    throw error
  }
  return { id, contentType, sizeBytes: bytes.length, createdAt: now.toISOString() }
}

const HOUR_MS = 60 * 60 * 1000

function signature(keys: DataKeys, id: string, exp: number): string {
  return keys.hmac('upload-url', `${id}.${exp}`).slice(0, 32)
}

/**
 * An url that opens one photo without a token, for one to two hours: an <Image> on H5 or weapp sends
 * no Authorization header. Expiry is rounded to the hour so a page reloaded within it keeps its cache.
 * Issued only inside a response the caller was allowed to see.
 */
export function attachmentOf(keys: DataKeys, id: string, contentType: string, now: Date): Attachment {
  const exp = Math.ceil(now.getTime() / HOUR_MS) * 3600 + 3600
  return { id, contentType: contentType as UploadContentType, url: `/api${uploadPath(id)}?exp=${exp}&sig=${signature(keys, id, exp)}` }
}

function validSignature(keys: DataKeys, id: string, exp: unknown, sig: unknown, now: Date): boolean {
  if (typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(exp) || !/^[0-9a-f]{32}$/.test(sig)) return false
  if (Number(exp) * 1000 < now.getTime()) return false
  return timingSafeEqual(Buffer.from(signature(keys, id, Number(exp))), Buffer.from(sig))
}

/** The stored photo when this caller (or this signed url) may read it; undefined means 404. */
export async function readableUpload(
  db: Kysely<DB>,
  keys: DataKeys,
  caller: Caller | null,
  id: string,
  query: { exp?: unknown; sig?: unknown },
  now: Date,
) {
  if (!/^[0-9a-f]{32}$/.test(id)) return undefined
  const upload = await findUpload(db, id)
  if (!upload) return undefined
  if (validSignature(keys, id, query.exp, query.sig, now)) return upload
  if (caller?.kind === 'worker') return upload.owner_user_id === caller.userId ? upload : undefined
  // Staff see a photo once it is part of a case they handle.
  if (caller?.kind === 'staff' && upload.request_id !== null) return handlesStation(caller, upload.station_id) ? upload : undefined
  return undefined
}

/** After a committed deletion: the files go too. A file that is already gone is fine. */
export async function removeUploadFiles(dir: string, ids: string[]): Promise<void> {
  await Promise.all(ids.map((id) => fs.promises.rm(path.join(dir, id), { force: true })))
}
