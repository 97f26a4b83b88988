import Taro from '@tarojs/taro'
import { setToken, uploadPhoto } from '.'

jest.mock('@tarojs/taro', () => jest.requireActual('../../tests/support/app/taro-storage-double').taroStorageDouble())
const uploadFile = jest.fn()
;(Taro as unknown as { uploadFile: jest.Mock }).uploadFile = uploadFile

const photo = { id: 'a'.repeat(32), contentType: 'image/jpeg', sizeBytes: 1024, createdAt: '2026-11-27T08:00:00.000Z' }

beforeEach(() => uploadFile.mockReset())

test('sends the photo with the token and reads the text answer with the contract', async () => {
  setToken('t0ken')
  uploadFile.mockResolvedValue({ statusCode: 201, data: JSON.stringify(photo) })
  await expect(uploadPhoto('blob:photo-1')).resolves.toMatchObject({ id: photo.id })
  expect(uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'blob:photo-1', name: 'file', header: expect.objectContaining({ Authorization: 'Bearer t0ken' }) }))
  setToken(null)
})

test('every failure is one ApiError, read as any other answer', async () => {
  uploadFile.mockResolvedValueOnce({ statusCode: 400, data: JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: '只能上传照片', fields: { file: '只能上传照片' } } }) })
  await expect(uploadPhoto('p')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: { file: '只能上传照片' } })
  // A proxy's own refusal of a big photo, as an HTML page.
  uploadFile.mockResolvedValueOnce({ statusCode: 413, data: '<html>413 Request Entity Too Large</html>' })
  await expect(uploadPhoto('p')).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' })
  uploadFile.mockResolvedValueOnce({ statusCode: 201, data: '{"id":"not a photo"}' })
  await expect(uploadPhoto('p')).rejects.toMatchObject({ code: 'BAD_RESPONSE' })
  uploadFile.mockRejectedValueOnce({ errMsg: 'uploadFile:fail timeout' })
  await expect(uploadPhoto('p')).rejects.toMatchObject({ code: 'TIMEOUT' })
  uploadFile.mockRejectedValueOnce({ errMsg: 'uploadFile:fail' })
  await expect(uploadPhoto('p')).rejects.toMatchObject({ code: 'NETWORK' })
})
