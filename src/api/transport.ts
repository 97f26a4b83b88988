import Taro from '@tarojs/taro'
import { ApiError } from './api-error'
import { requestTimeoutMs } from './config'

export interface RawResponse {
  status: number
  body: unknown
}

export interface RawRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  url: string
  headers: Record<string, string>
  body?: unknown
}

/**
 * The only place in the app that calls Taro.request. Anything that prevents an HTTP answer
 * becomes an ApiError; any HTTP answer, even 500, is returned for the client to read.
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
    return { status: res.statusCode, body: res.data }
  } catch (e) {
    throw toTransportError(e)
  }
}

function toTransportError(e: unknown): ApiError {
  const err = (e ?? {}) as { name?: string; errMsg?: string; message?: string }
  const text = `${err.name ?? ''} ${err.errMsg ?? ''} ${err.message ?? ''}`.toLowerCase()
  // weapp says "request:fail timeout"; H5 aborts the fetch when its timer fires.
  if (text.includes('timeout') || text.includes('abort')) return new ApiError('TIMEOUT')
  return new ApiError('NETWORK')
}
