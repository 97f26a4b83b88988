import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import { api, subsidyPaymentFileField, subsidyPaymentMaxBytes } from '../../types'
import { AppError, validationFailed } from '../http/app-error'
import { FileAnswer } from '../http/file-answer'
import { route } from '../http/route'
import { requireAdmin } from '../staff/staff-scope'
import {
  addSubsidyObjection,
  createSubsidyClaim,
  createSubsidyScheme,
  decideSubsidyClaim,
  decideSubsidyClaims,
  getMyBankAccount,
  getSubsidyFigures,
  getSubsidyPayments,
  getSubsidyPublicity,
  importSubsidyPayments,
  listMySubsidies,
  listMySubsidyClaims,
  listStaffSubsidyClaims,
  listSubsidySchemes,
  markSubsidyClaimsPaid,
  paymentXlsx,
  publicityXlsx,
  publishSubsidyClaims,
  setMyBankAccount,
  updateSubsidyScheme,
} from '../subsidies/subsidies.service'

const noFile = () => validationFailed({ file: '请选择财政局返回的发放名单（.xlsx）' })

export function subsidyRoutes(app: FastifyInstance): void {
  route(app, api.listMySubsidies, ({ caller, query, reply }) => {
    reply.header('cache-control', 'no-store')
    return listMySubsidies(app.db, app.keys, caller.userId, query.year, app.clock())
  })
  route(app, api.createSubsidyClaim, ({ trx, caller, body }) => createSubsidyClaim(trx, app.keys, caller.userId, body, app.clock()))
  route(app, api.listMySubsidyClaims, ({ caller }) => listMySubsidyClaims(app.db, app.keys, caller.userId, app.clock()))
  route(app, api.getMyBankAccount, ({ caller }) => getMyBankAccount(app.db, app.keys, caller.userId))
  route(app, api.setMyBankAccount, ({ caller, body }) => setMyBankAccount(app.db, app.keys, caller.userId, body, app.clock()))

  route(app, api.staffListSubsidySchemes, ({ caller, query }) => listSubsidySchemes(app.db, caller, query.year))
  route(app, api.staffCreateSubsidyScheme, ({ trx, caller, body }) => createSubsidyScheme(trx, caller, body, app.clock()))
  route(app, api.staffUpdateSubsidyScheme, ({ caller, params, body }) => updateSubsidyScheme(app.db, caller, params.id, body, app.clock()))
  route(app, api.staffListSubsidyClaims, ({ caller, query }) => listStaffSubsidyClaims(app.db, app.keys, caller, query, app.clock()))
  route(app, api.staffDecideSubsidyClaim, ({ caller, params, body }) => decideSubsidyClaim(app.db, app.keys, caller, params.id, body, app.clock()))
  route(app, api.staffDecideSubsidyClaims, ({ caller, body }) => decideSubsidyClaims(app.db, app.keys, caller, body, app.clock()))
  route(app, api.staffAddSubsidyObjection, ({ trx, caller, params, body }) => addSubsidyObjection(trx, app.keys, caller, params.id, body.text, app.clock()))
  route(app, api.staffPublishSubsidyClaims, ({ trx, caller, body }) => publishSubsidyClaims(trx, caller, body, app.clock()))
  route(app, api.staffSubsidyPublicity, async ({ caller, query }) => {
    const p = await getSubsidyPublicity(app.db, caller, query)
    if (query.format === 'xlsx') return new FileAnswer('xlsx', `公示名单-${p.scheme.year}年${p.scheme.name}${p.township ? `-${p.township}` : ''}`, `subsidy-publicity-${p.scheme.id}`, publicityXlsx(p))
    return p
  })
  route(app, api.staffSubsidyPayments, async ({ caller, query, reply }) => {
    const { scheme, ...result } = await getSubsidyPayments(app.db, app.keys, caller, query, app.clock())
    if (query.format === 'xlsx') return new FileAnswer('xlsx', `补贴发放名单-${scheme.year}年${scheme.name}`, `subsidy-payments-${scheme.id}`, paymentXlsx(result.items))
    reply.header('cache-control', 'no-store')
    return result
  })
  route(app, api.staffMarkSubsidyClaimsPaid, ({ caller, body }) => markSubsidyClaimsPaid(app.db, caller, body, app.clock()))
  route(app, api.staffSubsidyFigures, ({ caller, query }) => getSubsidyFigures(app.db, caller, query.year, app.clock()))

  // The returned sheet: multipart only in its own plugin scope, one small file.
  void app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: subsidyPaymentMaxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 50 } })
    route(scope, api.staffImportSubsidyPayments, async ({ req, caller }) => {
      requireAdmin(caller, '只有县级管理员可以登记发放')
      if (!req.isMultipart()) throw noFile()
      const part = await req.file()
      if (!part || part.fieldname !== subsidyPaymentFileField) throw noFile()
      let bytes: Buffer
      try {
        bytes = await part.toBuffer()
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', '文件太大了（最大5MB）')
        throw error
      }
      return importSubsidyPayments(app.db, caller, bytes, app.clock())
    })
  })
}
