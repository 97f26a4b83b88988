import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { api, rosterImportFieldName, rosterImportMaxBytes } from '../../types'
import { AppError, validationFailed } from '../http/app-error'
import { FileAnswer } from '../http/file-answer'
import { route } from '../http/route'
import { chinaDate } from '../lib/dates'
import { allVillages } from '../roster-imports/roster-imports.repository'
import { checkImport, commitImport, getImport } from '../roster-imports/roster-imports.service'
import { rosterTemplate } from '../roster-imports/template'
import { rosterImportTownshipOf } from '../staff/staff-scope'

/**
 * A county's sheet takes up to a minute to check or write (longer on a busy server), with nothing moving on the socket
 * meanwhile: the idle limit (CONNECTION_TIMEOUT_MS, 30 s) would cut the answer off, so these two wait up to ten minutes.
 */
const LONG_RUNNING_MS = 10 * 60 * 1000

function longRunning(req: FastifyRequest): void {
  const socket = req.raw.socket as { setTimeout?: (ms: number) => void } | undefined
  // Injected requests (tests) have no real socket.
  if (typeof socket?.setTimeout === 'function') socket.setTimeout(LONG_RUNNING_MS)
}

const noFile = () => validationFailed({ file: '请选择要导入的 Excel 文件（.xlsx）' })

/** Multipart only in its own plugin scope, as for photos: one file of at most 20 MB, refused with 413 past it. */
export function rosterImportRoutes(app: FastifyInstance): void {
  route(app, api.staffRosterImportTemplate, async ({ caller }) => {
    const township = rosterImportTownshipOf(caller)
    const bytes = await rosterTemplate(await allVillages(app.db), township)
    return new FileAnswer('xlsx', `劳动力台账导入模板${township ? `-${township}` : ''}`, 'roster-import-template', bytes)
  })

  route(app, api.staffGetRosterImport, async ({ caller, params }) => getImport(app.db, caller, Number(params.id)))

  route(app, api.staffCommitRosterImport, async ({ req, caller, params, reply }) => {
    longRunning(req)
    reply.header('cache-control', 'no-store')
    return commitImport(app.db, app.keys, caller, Number(params.id), () => app.clock())
  })

  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: rosterImportMaxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 50 },
    })
    route(scope, api.staffCheckRosterImport, async ({ req, caller }) => {
      // Refused before a byte of the file is read: village and station staff do not import.
      rosterImportTownshipOf(caller)
      if (!req.isMultipart()) throw noFile()
      const part = await req.file()
      if (!part || part.fieldname !== rosterImportFieldName) throw noFile()
      let bytes: Buffer
      try {
        bytes = await part.toBuffer()
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('PAYLOAD_TOO_LARGE', `文件太大了（最大${rosterImportMaxBytes / 1024 / 1024}MB），请按乡镇分开后再导入`)
        }
        throw error
      }
      longRunning(req)
      return checkImport(app.db, app.keys, caller, { name: part.filename || `导入-${chinaDate(app.clock())}.xlsx`, bytes }, app.clock())
    })
  })
}
