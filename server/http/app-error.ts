import { defaultMessage, type ErrorCode, statusOf } from '../../types'

/** A failure the caller should see: code and plain-Chinese message go out as they are. */
export class AppError extends Error {
  readonly statusCode: number
  constructor(
    readonly code: ErrorCode,
    message: string = defaultMessage[code],
    readonly fields?: Record<string, string>,
    readonly retryAfter?: number,
  ) {
    super(message)
    this.name = 'AppError'
    this.statusCode = statusOf[code]
  }
}

export const validationFailed = (fields: Record<string, string>, message?: string) =>
  new AppError('VALIDATION_FAILED', message, fields)
export const notFound = (message?: string) => new AppError('NOT_FOUND', message)
export const conflict = (message?: string) => new AppError('CONFLICT', message)
export const unauthorized = (message?: string) => new AppError('UNAUTHORIZED', message)
export const forbidden = (message?: string) => new AppError('FORBIDDEN', message)
export const rateLimited = (retryAfter: number, message?: string) =>
  new AppError('RATE_LIMITED', message, undefined, retryAfter)
