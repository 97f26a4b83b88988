import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { proveSmsCode, requestSmsCode } from '../accounts/auth.service'
import { notFound } from '../http/app-error'
import { FileAnswer } from '../http/file-answer'
import { route } from '../http/route'
import { evidenceHtml } from '../worklog/worklog-evidence-html'
import {
  answerForemanCheck,
  createWorklogCheck,
  getForemanCheck,
  getWorklogComplaintDraft,
  getWorklogEvidence,
  checkOpenForAnswer,
  sheetOfPrintLink,
} from '../worklog/worklog-evidence.service'
import { getWorklogSettings, getWorklogSite, joinWorklogSite, shareWorklogSite, updateWorklogSettings } from '../worklog/worklog-sites.service'
import {
  addWorklogPayment,
  updateWorklogDay,
  createWorklogEmployer,
  deleteWorklogDay,
  deleteWorklogPayment,
  getWorklogEmployer,
  getWorklogMonth,
  getWorklogSummary,
  listWorklogEmployers,
  logWorklogDay,
  updateWorklogEmployer,
} from '../worklog/worklog.service'

export function worklogRoutes(app: FastifyInstance): void {
  route(app, api.getWorklogMonth, ({ caller, query }) => getWorklogMonth(app.db, app.keys, caller.userId, query.month, app.clock()))
  route(app, api.logWorklogDay, ({ trx, caller, body }) => logWorklogDay(trx, caller.userId, body, app.clock()))
  route(app, api.updateWorklogDay, ({ trx, caller, params, body }) => updateWorklogDay(trx, caller.userId, params.id, body, app.clock()))
  route(app, api.deleteWorklogDay, ({ caller, params }) => deleteWorklogDay(app.db, caller.userId, params.id))
  route(app, api.addWorklogPayment, ({ trx, caller, body }) => addWorklogPayment(trx, app.keys, caller.userId, body, app.clock()))
  route(app, api.deleteWorklogPayment, ({ caller, params }) => deleteWorklogPayment(app.db, caller.userId, params.id, app.photos))
  route(app, api.listWorklogEmployers, ({ caller }) => listWorklogEmployers(app.db, caller.userId))
  route(app, api.createWorklogEmployer, ({ trx, caller, body }) => createWorklogEmployer(trx, caller.userId, body, app.clock()))
  route(app, api.updateWorklogEmployer, ({ trx, caller, params, body }) => updateWorklogEmployer(trx, caller.userId, params.id, body, app.clock()))
  route(app, api.getWorklogEmployer, ({ caller, params }) => getWorklogEmployer(app.db, app.keys, caller.userId, params.id, app.clock()))
  route(app, api.getWorklogSummary, ({ caller, query }) => getWorklogSummary(app.db, caller.userId, query.month))
  route(app, api.getWorklogEvidence, ({ caller, params, query }) => getWorklogEvidence(app.db, app.keys, caller.userId, params.id, query.month, app.clock()))
  route(app, api.getWorklogComplaintDraft, ({ caller, params }) => getWorklogComplaintDraft(app.db, caller.userId, params.id))
  route(app, api.createWorklogCheck, ({ caller, params, body }) => createWorklogCheck(app.db, app.keys, caller.userId, params.id, body.month, app.clock()))
  route(app, api.shareWorklogSite, ({ caller, params }) => shareWorklogSite(app.db, caller.userId, params.id, app.clock()))
  route(app, api.getWorklogSite, ({ caller, params }) => getWorklogSite(app.db, caller.userId, params.code, app.clock()))
  route(app, api.joinWorklogSite, ({ trx, caller, params }) => joinWorklogSite(trx, caller.userId, params.code, app.clock()))
  route(app, api.getWorklogSettings, ({ caller }) => getWorklogSettings(app.db, caller.userId))
  route(app, api.updateWorklogSettings, ({ caller, body }) => updateWorklogSettings(app.db, caller.userId, body, app.clock()))
  route(app, api.getForemanCheck, ({ params }) => getForemanCheck(app.db, params.token, app.clock()))
  route(app, api.sendForemanCheckCode, async ({ params, body, req }) => {
    await checkOpenForAnswer(app.db, params.token, app.clock())
    return requestSmsCode(app, body.phone, req.ip)
  })
  route(app, api.answerForemanCheck, ({ params, body }) => answerForemanCheck(app, params.token, body, proveSmsCode))

  route(app, api.printWorklogEvidence, async ({ query }) => {
    const found = await sheetOfPrintLink(app.db, app.keys, query.t, app.clock())
    if (!found) throw notFound('这个证据单链接已经过期或不对，请在务工通里重新打开')
    const { sheet, digest } = found
    const name = `记工证据单-${sheet.employer.name}${sheet.month ? `-${sheet.month}` : ''}`
    return new FileAnswer('html', name, 'worklog-evidence', evidenceHtml(sheet, digest, app.clock()), query.download !== '1')
  })
}
