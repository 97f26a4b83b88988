import { ApiError } from './api-error'

export interface RawResponse {
  status: number
  body: unknown
  /** The answer's ETag, when the server gave one: sent back as If-None-Match by a read kept on the device. */
  etag?: string
}

export interface RawRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  url: string
  headers: Record<string, string>
  body?: unknown
}

/** Whatever stopped an HTTP answer arriving: a timeout (worth saying so) or no network at all. */
export function toHttpError(e: unknown): ApiError {
  const err = (e ?? {}) as { name?: string; errMsg?: string; message?: string }
  const text = `${err.name ?? ''} ${err.errMsg ?? ''} ${err.message ?? ''}`.toLowerCase()
  // weapp says "request:fail timeout"; H5 aborts the fetch when its timer fires.
  if (text.includes('timeout') || text.includes('abort')) return new ApiError('TIMEOUT')
  return new ApiError('NETWORK')
}

/** JSON when it is JSON; a proxy's HTML error page stays text for the client to refuse. */
export function parseBody(text: string): unknown {
  if (text === '') return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}
