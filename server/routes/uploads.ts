import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import { api, uploadFieldName, uploadMaxBytes } from '../../types'
import { AppError, notFound, validationFailed } from '../http/app-error'
import { authenticate } from '../http/caller'
import { API_PREFIX, route } from '../http/route'
import { PhotoStoreError } from '../uploads/photo-storage'
import { getReadableUpload, saveUpload, sweepUploads, thumbName } from '../uploads/uploads.service'

const noPhoto = () => validationFailed({ file: '请选择一张照片' })

/**
 * Multipart is accepted only here (its own plugin scope), so no other endpoint parses a file body.
 * One file per request, at most 5 MB: busboy stops reading past the limit and the request gets 413.
 */
export function uploadRoutes(app: FastifyInstance): void {
  installUploadSweep(app)
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: uploadMaxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 50 },
    })

    route(scope, api.uploadFile, async ({ req, caller }) => {
      if (!req.isMultipart()) throw noPhoto()
      const part = await req.file()
      if (!part || part.fieldname !== uploadFieldName) throw noPhoto()
      let bytes: Buffer
      try {
        bytes = await part.toBuffer()
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('PAYLOAD_TOO_LARGE', '照片太大了（最大5MB），请换一张或压缩后再传')
        }
        throw error
      }
      if (bytes.length === 0) throw noPhoto()
      return saveUpload(app.db, app.photos, caller.userId, bytes, app.clock(), { dailyCount: app.config.uploadDailyCount, dailyBytes: app.config.uploadDailyBytes })
    })
  })

  // A stream, not JSON: so a plain route, with the same authentication as the contract's endpoints.
  // `?size=thumb`: the resized copy (JPEG); a photo small enough to have none is its own thumbnail.
  app.get<{ Params: { id: string }; Querystring: { exp?: string; sig?: string; size?: string } }>(`${API_PREFIX}/uploads/:id`, async (req, reply) => {
    const caller = await authenticate(app, req, 'optional')
    const upload = await getReadableUpload(app.db, app.keys, caller, req.params.id, req.query, app.clock())
    if (!upload) throw notFound('没有找到这张照片')
    const stored = await openPhoto(app, upload.id, req.query.size === 'thumb')
    if (!stored) throw notFound('没有找到这张照片')
    return reply
      .type(stored.thumb ? 'image/jpeg' : upload.content_type)
      .header('Content-Length', String(stored.size))
      .header('Cache-Control', 'private, max-age=3600')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Disposition', 'inline')
      .send(stored.body)
  })
}

/**
 * Streamed through this server rather than redirected to a presigned bucket url: the app then talks to one host only
 * (WeChat's downloadFile domain list, the CSP's img-src and the signed, cacheable url all stay as they are).
 */
async function openPhoto(app: FastifyInstance, id: string, thumb: boolean) {
  try {
    const small = thumb ? await app.photos.get(thumbName(id)) : null
    if (small) return { ...small, thumb: true }
    const full = await app.photos.get(id)
    return full && { ...full, thumb: false }
  } catch (error) {
    if (error instanceof PhotoStoreError) throw Object.assign(new AppError('UNAVAILABLE', '照片暂时打不开，请稍后再试'), { cause: error })
    throw error
  }
}

const SWEEP_EVERY_MS = 60 * 60 * 1000

/** Hourly, and once a minute after start: a timer that never keeps the process alive, stopped on close. */
function installUploadSweep(app: FastifyInstance): void {
  const sweep = {
    timer: null as NodeJS.Timeout | null,
    async run() {
      try {
        const swept = await sweepUploads(app.db, app.photos, app.clock())
        if (swept.unused || swept.orphans) app.log.info(swept, 'unused and orphan photos removed')
      } catch (error) {
        app.log.error({ err: error }, 'photo clean-up failed')
      }
    },
  }
  let first: NodeJS.Timeout | null = null
  app.decorate('uploadSweep', sweep)
  app.addHook('onReady', async () => {
    first = setTimeout(() => void sweep.run(), 60_000).unref()
    sweep.timer = setInterval(() => void sweep.run(), SWEEP_EVERY_MS).unref()
  })
  app.addHook('onClose', async () => {
    if (first) clearTimeout(first)
    if (sweep.timer) clearInterval(sweep.timer)
    sweep.timer = null
  })
}
