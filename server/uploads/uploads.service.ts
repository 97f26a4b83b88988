/**
 * Photos for rights requests. The type is read from the file's first bytes (a cheap gate before decoding); the
 * client's name and declared type are ignored. Every photo is decoded and encoded again (image-encode.ts). Files live under DATA_DIR/uploads with random names, and are served only
 * to their owner and to the staff who handle the case they belong to (or through a signed, expiring url).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import { type Attachment, type Upload, type UploadContentType, uploadPath } from '../../types'
import type { DataKeys } from '../accounts/crypto'
import type { DB } from '../db/schema'
import { lockKey } from '../db/dialect'
import { AppError, rateLimited, validationFailed } from '../http/app-error'
import { chinaDate } from '../lib/dates'
import type { Caller } from '../http/caller'
import { handlesStation } from '../staff/staff-scope'
import { ImageRefused, reencodeImage } from './image-encode'
import { type PhotoStorage, PhotoStoreError } from './photo-storage'
import { deleteUnusedBefore, existingUploadIds, findUpload, insertUpload, listUnusedUploadsOf, uploadsSince } from './uploads.repository'

/** The resized copy is stored beside its photo. */
export const thumbName = (id: string) => `${id}.thumb`

/** JPEG (FF D8 FF), PNG (the 8-byte signature) or WebP (RIFF····WEBP); anything else is refused. */
function sniffImage(bytes: Buffer): UploadContentType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp'
  return null
}

export interface UploadLimits {
  /** Photos per worker per China day. */
  dailyCount: number
  /** Their bytes together. */
  dailyBytes: number
}

const MB = 1024 * 1024

/** The China day's start, and the seconds left in it (for Retry-After). */
function chinaDay(now: Date): { startIso: string; secondsLeft: number } {
  const start = Date.parse(`${chinaDate(now)}T00:00:00+08:00`)
  return { startIso: new Date(start).toISOString(), secondsLeft: Math.max(1, Math.ceil((start + DAY_MS - now.getTime()) / 1000)) }
}

async function checkQuota(db: Kysely<DB>, userId: number, size: number, now: Date, limits: UploadLimits): Promise<void> {
  const day = chinaDay(now)
  const used = await uploadsSince(db, userId, day.startIso)
  if (used.count + 1 > limits.dailyCount) throw rateLimited(day.secondsLeft, `今天已经传了${limits.dailyCount}张照片，不能再传了，请明天再传`)
  if (used.bytes + size > limits.dailyBytes) {
    throw rateLimited(day.secondsLeft, `今天传的照片加起来太大了（每天最多${Math.round(limits.dailyBytes / MB)}MB），请明天再传，或把照片压缩后再传`)
  }
}

/**
 * Stores one photo within the worker's daily allowance. The allowance is checked before the file is written
 * (a flood writes nothing) and again under a per-worker lock with the row's insert, so parallel uploads
 * cannot overshoot it. A failed write or insert leaves no file behind.
 */
export async function saveUpload(db: Kysely<DB>, storage: PhotoStorage, userId: number, received: Buffer, now: Date, limits: UploadLimits): Promise<Upload> {
  const contentType = sniffImage(received)
  if (!contentType) throw validationFailed({ file: '只能上传照片（JPG、PNG 或 WebP 格式）' })
  // What is stored and served: the decoded pixels, encoded again, without where the photo was taken.
  const { bytes, thumb } = await reencodeImage(received, contentType).catch((error: unknown) => {
    if (!(error instanceof ImageRefused)) throw error
    throw validationFailed({
      file: error.reason === 'too-many-pixels' ? '这张照片的像素太多了，请用手机正常拍一张再传' : '这张照片的文件不完整，或者不是真正的照片，请重新拍一张或换一张',
    })
  })
  await checkQuota(db, userId, bytes.length, now, limits)
  const id = randomBytes(16).toString('hex')
  // The files first: a row never points at a missing file; a crash between leaves only unlisted files (swept).
  try {
    await storage.put(id, bytes, contentType)
    if (thumb) await storage.put(thumbName(id), thumb, 'image/jpeg')
  } catch (error) {
    await removeUploadFiles(storage, [id]).catch(() => undefined) // the store may still be away; the sweep finishes it
    if (error instanceof PhotoStoreError && error.reason === 'full') {
      throw Object.assign(new AppError('INTERNAL', '服务器的存储空间满了，照片没有存上，请稍后再试'), { cause: error })
    }
    // The bucket is away: the app retries a 503, and nothing of this photo was kept.
    if (error instanceof PhotoStoreError) throw Object.assign(new AppError('UNAVAILABLE', '照片没有保存成功，请再试一次'), { cause: error })
    throw error
  }
  try {
    await db.transaction().execute(async (trx) => {
      await lockKey(trx, `uploads:${userId}`)
      await checkQuota(trx, userId, bytes.length, now, limits)
      await insertUpload(trx, {
        id,
        owner_user_id: userId,
        request_id: null,
        content_type: contentType,
        size_bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        created_at: now.toISOString(),
      })
    })
  } catch (error) {
    await removeUploadFiles(storage, [id]).catch(() => undefined)
    throw error
  }
  return { id, contentType, sizeBytes: bytes.length, createdAt: now.toISOString() }
}

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

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
  const url = `/api${uploadPath(id)}?exp=${exp}&sig=${signature(keys, id, exp)}`
  return { id, contentType: contentType as UploadContentType, url, thumbUrl: `${url}&size=thumb` }
}

function validSignature(keys: DataKeys, id: string, exp: unknown, sig: unknown, now: Date): boolean {
  if (typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(exp) || !/^[0-9a-f]{32}$/.test(sig)) return false
  if (Number(exp) * 1000 < now.getTime()) return false
  return timingSafeEqual(Buffer.from(signature(keys, id, Number(exp))), Buffer.from(sig))
}

/** The stored photo when this caller (or this signed url) may read it; undefined means 404. */
export async function getReadableUpload(
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

/** After a committed deletion: the files (photo and thumbnail) go too. A file that is already gone is fine. */
export async function removeUploadFiles(storage: PhotoStorage, ids: string[]): Promise<void> {
  await storage.remove(ids.flatMap((id) => [id, thumbName(id)]))
}

/** A photo's file or its thumbnail's; the id is the first 32 characters. */
const UPLOAD_FILE = /^[0-9a-f]{32}(\.thumb)?$/

/**
 * The clean-up: photos never attached to a case are deleted a day after upload, with their files; files with no
 * row (a crash between writing the file and its row) go once `orphanAfterMs` old, so an upload in flight keeps its file.
 * Files not named like an upload are not ours to judge and stay. Works alike on the local folder and on a bucket.
 */
export async function sweepUploads(
  db: Kysely<DB>,
  storage: PhotoStorage,
  now: Date,
  options: { unusedAfterMs?: number; orphanAfterMs?: number } = {},
): Promise<{ unused: number; orphans: number }> {
  const unused = await deleteUnusedBefore(db, new Date(now.getTime() - (options.unusedAfterMs ?? DAY_MS)).toISOString())
  await removeUploadFiles(storage, unused)
  const cutoff = now.getTime() - (options.orphanAfterMs ?? HOUR_MS)
  const oldIds = new Set<string>()
  for await (const file of storage.list()) if (UPLOAD_FILE.test(file.name) && file.modifiedMs < cutoff) oldIds.add(file.name.slice(0, 32))
  const old = [...oldIds]
  const known = new Set<string>()
  for (let i = 0; i < old.length; i += 500) for (const id of await existingUploadIds(db, old.slice(i, i + 500))) known.add(id)
  const orphans = old.filter((id) => !known.has(id))
  await removeUploadFiles(storage, orphans)
  return { unused: unused.length, orphans: orphans.length }
}

/** For the worker's export: photos uploaded but never attached to a case (those attached show with the case). */
export async function exportUnusedUploads(db: Kysely<DB>, userId: number) {
  return (await listUnusedUploadsOf(db, userId)).map((u) => ({ id: u.id, contentType: u.content_type, sizeBytes: u.size_bytes, createdAt: u.created_at }))
}
