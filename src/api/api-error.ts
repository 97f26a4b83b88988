import type { ErrorCode } from '@contract'

/** Failures that never reached a well-formed answer from the server. */
export type ClientErrorCode = 'NETWORK' | 'TIMEOUT' | 'BAD_RESPONSE'
export type ApiErrorCode = ErrorCode | ClientErrorCode

const clientMessages: Record<ClientErrorCode, string> = {
  NETWORK: '网络不稳定，请检查网络后重试',
  TIMEOUT: '网络太慢，请稍后重试',
  BAD_RESPONSE: '服务暂时出了点问题，请稍后重试',
}

/** The one error every API call throws: pages show `message` and, for forms, `fields`. */
export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly status?: number
  readonly fields?: Record<string, string>
  readonly retryAfter?: number

  constructor(
    code: ApiErrorCode,
    message?: string,
    extra: { status?: number; fields?: Record<string, string>; retryAfter?: number } = {},
  ) {
    super(message ?? (code in clientMessages ? clientMessages[code as ClientErrorCode] : '出了点问题，请稍后重试'))
    this.name = 'ApiError'
    this.code = code
    this.status = extra.status
    this.fields = extra.fields
    this.retryAfter = extra.retryAfter
  }

  /** Whether trying the same call again may succeed without the user changing anything. */
  get transient(): boolean {
    return this.code === 'NETWORK' || this.code === 'TIMEOUT' || (this.status !== undefined && this.status >= 502)
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}
