import { requestTimeoutMs } from './config'
import { parseBody, toHttpError, type RawRequest, type RawResponse } from './http-error'

export type { RawRequest, RawResponse }

/**
 * H5: the browser's own fetch. Taro.request on H5 is a wrapper around it that brings fetch, AbortController and
 * JSONP polyfills every browser the portal supports already has: code a cheap phone would parse on every first load.
 */
export async function send(req: RawRequest): Promise<RawResponse> {
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), requestTimeoutMs)
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: abort.signal,
    })
    return { status: res.status, body: parseBody(await res.text()), etag: res.headers.get('etag') ?? undefined }
  } catch (e) {
    throw toHttpError(e)
  } finally {
    clearTimeout(timer)
  }
}

