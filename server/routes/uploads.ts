import fs from 'node:fs'
import path from 'node:path'
import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import { api, uploadFieldName, uploadMaxBytes } from '../../types'
import { AppError, notFound, validationFailed } from '../http/app-error'
import { authenticate } from '../http/caller'
import { API_PREFIX, route } from '../http/route'
import { getReadableUpload, saveUpload, sweepUploads, uploadsDir } from '../uploads/uploads.service'

const noPhoto = () => validationFailed({ file: '请选择一张照片' })

/**
 * Multipart is accepted only here (its own plugin scope), so no other endpoint parses a file body.
 * One file per request, at most 5 MB: busboy stops reading past the limit and the request gets 413.
 */
export function uploadRoutes(app: FastifyInstance): void {
  const dir = uploadsDir(app.config)
  installUploadSweep(app, dir)
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
      return saveUpload(app.db, dir, caller.userId, bytes, app.clock(), { dailyCount: app.config.uploadDailyCount, dailyBytes: app.config.uploadDailyBytes })
    })
  })

  // A stream, not JSON: so a plain route, with the same authentication as the contract's endpoints.
  app.get<{ Params: { id: string }; Querystring: { exp?: string; sig?: string } }>(`${API_PREFIX}/uploads/:id`, async (req, reply) => {
    const caller = await authenticate(app, req, 'optional')
    const upload = await getReadableUpload(app.db, app.keys, caller, req.params.id, req.query, app.clock())
    if (!upload) throw notFound('没有找到这张照片')
    const file = path.join(dir, upload.id)
    if (!fs.existsSync(file)) throw notFound('没有找到这张照片')
    return reply
      .type(upload.content_type)
      .header('Content-Length', String(upload.size_bytes))
      .header('Cache-Control', 'private, max-age=3600')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Disposition', 'inline')
      .send(fs.createReadStream(file))
  })
}

const SWEEP_EVERY_MS = 60 * 60 * 1000

/** Hourly, and once a minute after start: a timer that never keeps the process alive, stopped on close. */
function installUploadSweep(app: FastifyInstance, dir: string): void {
  const sweep = {
    timer: null as NodeJS.Timeout | null,
    async run() {
      try {
        const swept = await sweepUploads(app.db, dir, app.clock())
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
