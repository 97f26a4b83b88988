import type { Endpoint, RequestOf, ResponseOf } from '@contract'
import { defaultMessage, errorBody } from '@contract/errors'
import { safeParse } from 'zod/mini'
import { ApiError } from './api-error'
import { apiBase, retryDelaysMs } from './config'
import { newIdempotencyKey } from './idempotency-key'
import { getToken, reportSessionRefused } from './session'
import { send, type RawResponse } from './http'

export interface CallOptions {
  /** Reuse the key of an earlier attempt at the same user action. */
  idempotencyKey?: string
  /** Override the retry waits (tests, or a caller that wants no retry). */
  retryDelaysMs?: number[]
  /** Told each time a try failed for a passing reason (no network, a gateway's error) and another will follow. */
  onRetry?: () => void
}

/** A read against a copy kept on the device: the new answer with its ETag, or `same` when the copy still holds (304). */
export type ReadAnswer<T> = { same: false; data: T; etag?: string } | { same: true }

type AnyEndpoint = Endpoint

/**
 * Calls one contract endpoint. The answer is parsed with the endpoint's response schema;
 * every failure, whatever its cause, is thrown as one ApiError.
 */
export async function request<E extends AnyEndpoint>(
  endpoint: E,
  req: RequestOf<E> = {} as RequestOf<E>,
  options: CallOptions = {},
): Promise<ResponseOf<E>> {
  return readResponse(endpoint, await exchange(endpoint, req, options, {}))
}

/**
 * A GET whose last answer the device keeps: sends that answer's ETag (If-None-Match), and a 304 says it still holds,
 * so an unchanged village list of a thousand people is not sent again over one bar of signal.
 */
export async function requestRead<E extends AnyEndpoint>(
  endpoint: E,
  req: RequestOf<E>,
  options: CallOptions & { etag?: string } = {},
): Promise<ReadAnswer<ResponseOf<E>>> {
  const { etag, ...rest } = options
  const raw = await exchange(endpoint, req, rest, etag ? { 'If-None-Match': etag } : {})
  if (raw.status === 304 && etag) return { same: true }
  return { same: false, data: readResponse(endpoint, raw), etag: raw.etag }
}

async function exchange(endpoint: AnyEndpoint, req: unknown, options: CallOptions, extraHeaders: Record<string, string>): Promise<RawResponse> {
  const r = req as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown }
  const headers = { ...baseHeaders(), ...extraHeaders }
  if (endpoint.idempotent) headers['Idempotency-Key'] = options.idempotencyKey ?? newIdempotencyKey()
  if (r.body !== undefined) headers['Content-Type'] = 'application/json'

  const url = apiBase + buildPath(endpoint.path, r.params) + buildQuery(r.query)
  // A write without a key could be recorded twice if retried, so only reads and keyed writes retry.
  const retryable = endpoint.method === 'GET' || endpoint.idempotent === true
  const delays = retryable ? (options.retryDelaysMs ?? retryDelaysMs) : []

  let raw: RawResponse | undefined
  for (let attempt = 0; ; attempt++) {
    try {
      raw = await send({ method: endpoint.method, url, headers, body: r.body })
      if (raw.status < 502 || attempt >= delays.length) break
    } catch (e) {
      if (!(e instanceof ApiError) || !e.transient || attempt >= delays.length) throw e
    }
    options.onRetry?.()
    await sleep(delays[attempt])
  }
  return raw as RawResponse
}

/** What every call to the API sends: JSON wanted, and the worker's or staff member's token when there is one. */
export function baseHeaders(): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  const token = getToken()
  if (token) headers.Authorization = `Bearer ${token}`
  return headers
}

/** An HTTP answer read with the endpoint's contract: the parsed data, or one ApiError (client calls and uploads alike). */
export function readResponse<E extends AnyEndpoint>(endpoint: E, raw: RawResponse): ResponseOf<E> {
  if (raw.status >= 200 && raw.status < 300) {
    const parsed = safeParse(endpoint.response, raw.body)
    if (parsed.success) return parsed.data as ResponseOf<E>
    throw new ApiError('BAD_RESPONSE', undefined, { status: raw.status })
  }
  // A login's own 401 (a wrong code) is no refused session; any other is, whatever the page was doing.
  if (raw.status === 401 && endpoint.access !== 'public') reportSessionRefused()
  const failure = errorBody.safeParse(raw.body)
  if (failure.success) {
    const { code, message, fields, retryAfter } = failure.data.error
    throw new ApiError(code, message, { status: raw.status, fields, retryAfter })
  }
  // A proxy's limit on what it accepts (a photo too big), without the server's own error body.
  if (raw.status === 413) throw new ApiError('PAYLOAD_TOO_LARGE', defaultMessage.PAYLOAD_TOO_LARGE, { status: 413 })
  // A proxy's HTML error page or an empty body: nothing the worker can act on but to retry.
  if (raw.status >= 500) throw new ApiError('INTERNAL', defaultMessage.INTERNAL, { status: raw.status })
  throw new ApiError('BAD_RESPONSE', undefined, { status: raw.status })
}

export function buildPath(template: string, params?: Record<string, unknown>): string {
  return template.replace(/:([A-Za-z_]+)/g, (_, name: string) => {
    const value = params?.[name]
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name} for ${template}`)
    return encodeURIComponent(String(value))
  })
}

export function buildQuery(query?: Record<string, unknown>): string {
  if (!query) return ''
  const parts: string[] = []
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    const text = Array.isArray(value) ? value.join(',') : String(value)
    if (Array.isArray(value) && value.length === 0) continue
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`)
  }
  return parts.length ? `?${parts.join('&')}` : ''
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
