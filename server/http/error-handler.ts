/**
 * One place where failures become `{ error: { code, message, fields? } }`. AppErrors go out
 * as they are; Fastify's own 4xx (bad JSON, body too large, wrong media type) get the matching
 * code; the database away or unable to write is a 503 the client retries; anything else is a 500 whose
 * details stay in the log, never in the body.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { defaultMessage, type ErrorBody, type ErrorCode, statusOf } from '../../types'
import { isDatabaseUnavailable } from '../db/dialect'
import { AppError } from './app-error'

export function errorBody(code: ErrorCode, message = defaultMessage[code], fields?: Record<string, string>, retryAfter?: number): ErrorBody {
  return { error: { code, message, ...(fields ? { fields } : {}), ...(retryAfter !== undefined ? { retryAfter } : {}) } }
}

function codeForStatus(status: number): ErrorCode {
  if (status === 413) return 'PAYLOAD_TOO_LARGE'
  if (status === 401) return 'UNAUTHORIZED'
  if (status === 403) return 'FORBIDDEN'
  if (status === 404) return 'NOT_FOUND'
  if (status === 409) return 'CONFLICT'
  if (status === 429) return 'RATE_LIMITED'
  if (status >= 400 && status < 500) return 'VALIDATION_FAILED'
  return 'INTERNAL'
}

/** Fastify's own client errors, in words a worker understands. */
const frameworkMessages: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: '提交的内容格式不对，请重新提交',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持这种提交格式，请用 JSON 提交',
  FST_ERR_CTP_EMPTY_JSON_BODY: '提交的内容是空的',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '提交的内容长度不对',
}

export function sendError(reply: FastifyReply, body: ErrorBody): FastifyReply {
  if (body.error.retryAfter !== undefined) reply.header('Retry-After', String(body.error.retryAfter))
  return reply.status(statusOf[body.error.code]).type('application/json; charset=utf-8').send(body)
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      if (error.statusCode >= 500) req.log.error({ err: error }, 'request failed')
      return sendError(reply, errorBody(error.code, error.message, error.fields, error.retryAfter))
    }
    const status = (error as FastifyError).statusCode
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const code = codeForStatus(status)
      req.log.info({ code: (error as FastifyError).code, status }, 'client error')
      const message = frameworkMessages[(error as FastifyError).code ?? ''] ?? defaultMessage[code]
      return sendError(reply, errorBody(code, message))
    }
    if (isDatabaseUnavailable(error)) {
      req.log.error({ err: error }, 'database unavailable')
      return sendError(reply, errorBody('UNAVAILABLE'))
    }
    req.log.error({ err: error }, 'request failed')
    return sendError(reply, errorBody('INTERNAL'))
  })
}
