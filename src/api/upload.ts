import Taro from '@tarojs/taro'
import type { Endpoint, ResponseOf } from '@contract'
import { uploadFieldName, type Upload } from '@contract/uploads'
import { uploadFile as uploadEndpoint } from '@contract/uploads'
import { baseHeaders, readResponse } from './client'
import { apiBase, requestTimeoutMs } from './config'
import { parseBody, toHttpError } from './http-error'

/**
 * One file to an endpoint that takes multipart, with Taro.uploadFile: the one call besides http.ts that talks to the
 * network, because a JSON request cannot carry a file. The answer is read as every other (client.ts). Not retried:
 * the caller decides (the forms offer 重试).
 */
export async function sendFile<E extends Endpoint>(endpoint: E, file: { path: string; name?: string; field: string; timeoutMs: number }): Promise<ResponseOf<E>> {
  let res: { statusCode: number; data: unknown }
  try {
    res = await Taro.uploadFile({ url: apiBase + endpoint.path, filePath: file.path, name: file.field, fileName: file.name, header: baseHeaders(), timeout: file.timeoutMs })
  } catch (e) {
    throw toHttpError(e)
  }
  // uploadFile hands back the body as text on every platform.
  const body = typeof res.data === 'string' ? parseBody(res.data) : res.data
  return readResponse(endpoint, { status: res.statusCode, body })
}

/**
 * Sends one photo (a temp path from choosePhotos: WeChat's chooser, or an object URL on H5) to POST /api/uploads. A
 * retried upload would only leave an unused photo, so the form offers 重试 rather than retrying here.
 */
export function uploadPhoto(filePath: string): Promise<Upload> {
  return sendFile(uploadEndpoint, { path: filePath, field: uploadFieldName, timeoutMs: requestTimeoutMs * 2 })
}
