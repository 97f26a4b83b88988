import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { isoDateTime } from './common'

/** What an upload may be, recognised by its first bytes (never by its name or declared type). */
export const uploadContentTypes = ['image/jpeg', 'image/png', 'image/webp'] as const
export type UploadContentType = (typeof uploadContentTypes)[number]
export const uploadMaxBytes = 5 * 1024 * 1024
/** The multipart field the file travels in (Taro.uploadFile's `name`). */
export const uploadFieldName = 'file'

/** Random, unguessable: 32 hex digits. */
export const uploadIdSchema = z.string().check(z.regex(/^[0-9a-f]{32}$/, '照片编号不对，请重新上传'))

export const uploadSchema = z.object({
  id: z.string(),
  contentType: z.enum(uploadContentTypes),
  sizeBytes: z.number(),
  createdAt: isoDateTime,
})
export type Upload = z.infer<typeof uploadSchema>

/**
 * A photo as a reader of a case sees it: `url` opens it for one hour without a token (an <Image> sends none);
 * `thumbUrl` opens its copy at most 480 px wide (JPEG), for lists and timelines.
 */
export const attachmentSchema = z.object({ id: z.string(), contentType: z.enum(uploadContentTypes), url: z.string(), thumbUrl: z.string() })
export type Attachment = z.infer<typeof attachmentSchema>

/**
 * multipart/form-data with one file in the field `file`; JPEG, PNG or WebP up to 5 MB.
 * Not keyed for idempotency: a retried upload only leaves an unused photo behind.
 * The photo itself is read with GET /api/uploads/:id (owner and staff) — a stream, not JSON, so not declared here.
 */
export const uploadFile = endpoint({
  method: 'POST',
  path: '/uploads',
  access: 'worker',
  status: 201,
  summary: 'Upload one photo (JPEG/PNG/WebP by content, ≤ 5 MB) for a rights request',
  response: uploadSchema,
})

/** Where a photo is read (bearer token of the owner or staff, or the signed `url` of an attachment); `?size=thumb` for its thumbnail. */
export const uploadPath = (id: string) => `/uploads/${id}`
