import Taro from '@tarojs/taro'
import { defaultMessage, errorBody, uploadFieldName, type Upload } from '@contract'
import { uploadFile as uploadEndpoint } from '@contract/uploads'
import { ApiError } from './api-error'
import { apiBase, requestTimeoutMs } from './config'
import { getToken } from './session'

/**
 * Sends one photo (a temp path from choosePhotos: WeChat's chooser, or an object URL on H5) to POST /api/uploads with Taro.uploadFile: the one
 * call besides transport.ts that talks to the network, because Taro.request cannot send a file. Answers are
 * read with the contract and every failure is one ApiError, as in client.ts. Not retried: a retried upload
 * would only leave an unused photo, so the caller decides (the form offers 重试).
 */
export async function uploadPhoto(filePath: string): Promise<Upload> {
  const header: Record<string, string> = { Accept: 'application/json' }
  const token = getToken()
  if (token) header.Authorization = `Bearer ${token}`
  let res: { statusCode: number; data: unknown }
  try {
    res = await Taro.uploadFile({ url: apiBase + uploadEndpoint.path, filePath, name: uploadFieldName, header, timeout: requestTimeoutMs * 2 })
  } catch (e) {
    const err = (e ?? {}) as { errMsg?: string; message?: string }
    const text = `${err.errMsg ?? ''} ${err.message ?? ''}`.toLowerCase()
    throw new ApiError(text.includes('timeout') || text.includes('abort') ? 'TIMEOUT' : 'NETWORK')
  }
  // uploadFile hands back the body as text on every platform.
  let body: unknown = res.data
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body)
    } catch {
      body = undefined
    }
  }
  if (res.statusCode >= 200 && res.statusCode < 300) {
    const parsed = uploadEndpoint.response.safeParse(body)
    if (parsed.success) return parsed.data
    throw new ApiError('BAD_RESPONSE', undefined, { status: res.statusCode })
  }
  const failure = errorBody.safeParse(body)
  if (failure.success) {
    const { code, message, fields, retryAfter } = failure.data.error
    throw new ApiError(code, message, { status: res.statusCode, fields, retryAfter })
  }
  if (res.statusCode === 413) throw new ApiError('PAYLOAD_TOO_LARGE', defaultMessage.PAYLOAD_TOO_LARGE, { status: 413 })
  if (res.statusCode >= 500) throw new ApiError('INTERNAL', defaultMessage.INTERNAL, { status: res.statusCode })
  throw new ApiError('BAD_RESPONSE', undefined, { status: res.statusCode })
}
