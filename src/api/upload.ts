import Taro from '@tarojs/taro'
import { uploadFieldName, type Upload } from '@contract/uploads'
import { uploadFile as uploadEndpoint } from '@contract/uploads'
import { baseHeaders, readResponse } from './client'
import { apiBase, requestTimeoutMs } from './config'
import { parseBody, toHttpError } from './http-error'

/**
 * Sends one photo (a temp path from choosePhotos: WeChat's chooser, or an object URL on H5) to POST /api/uploads
 * with Taro.uploadFile: the one call besides http.ts that talks to the network, because a JSON request cannot
 * carry a file. The answer is read as every other (client.ts). Not retried: a retried upload would only leave an
 * unused photo, so the caller decides (the form offers 重试).
 */
export async function uploadPhoto(filePath: string): Promise<Upload> {
  let res: { statusCode: number; data: unknown }
  try {
    res = await Taro.uploadFile({ url: apiBase + uploadEndpoint.path, filePath, name: uploadFieldName, header: baseHeaders(), timeout: requestTimeoutMs * 2 })
  } catch (e) {
    throw toHttpError(e)
  }
  // uploadFile hands back the body as text on every platform.
  const body = typeof res.data === 'string' ? parseBody(res.data) : res.data
  return readResponse(uploadEndpoint, { status: res.statusCode, body })
}
