import Taro from '@tarojs/taro'
import { requestTimeoutMs } from './config'
import { toHttpError, type RawRequest, type RawResponse } from './http-error'

export type { RawRequest, RawResponse }

/**
 * The only place in the mini-program that calls Taro.request (H5: http.h5.ts). Anything that prevents an HTTP
 * answer becomes an ApiError; any HTTP answer, even 500, is returned for the client to read.
 */
export async function send(req: RawRequest): Promise<RawResponse> {
  try {
    const res = await Taro.request({
      url: req.url,
      method: req.method,
      header: req.headers,
      data: req.body as Record<string, unknown> | undefined,
      timeout: requestTimeoutMs,
      dataType: 'json',
    })
    const header = (res.header ?? {}) as Record<string, string | undefined>
    return { status: res.statusCode, body: res.data, etag: header.ETag ?? header.Etag ?? header.etag }
  } catch (e) {
    throw toHttpError(e)
  }
}
