/** Photos are stored without where they were taken, and only when they are whole images of their type. */
import { bearer, signIn } from '../test-support/accounts'
import { exifWithGps, jpeg, multipart, png, pngChunk } from '../test-support/images'
import { buildTestApp, type TestApp } from '../test-support/test-app'
import { cleanImage } from './image-check'

let t: TestApp
let token: string
beforeAll(async () => {
  t = await buildTestApp({ seed: false })
  token = (await signIn(t.app, '13700550001')).token
})
afterAll(() => t.close())

const upload = (bytes: Buffer) => {
  const { payload, headers } = multipart(bytes)
  return t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...bearer(token), ...headers }, payload })
}
const served = async (id: string) => (await t.app.inject({ url: `/api/uploads/${id}`, headers: bearer(token) })).rawPayload
const GPS_IFD_TAG = Buffer.from([0x88, 0x25])
const HTML = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>')

test('a JPEG with an EXIF GPS block is stored and served without it; the camera rotation stays', async () => {
  const original = jpeg({ exif: exifWithGps(6) })
  expect(original.includes(GPS_IFD_TAG)).toBe(true)
  const res = await upload(original)
  expect(res.statusCode).toBe(201)
  const bytes = await served(res.json().id)
  expect(bytes.includes(GPS_IFD_TAG)).toBe(false)
  expect(bytes.includes(Buffer.from([0x00, 0x00, 0x00, 0x22]))).toBe(false) // 34° north, as stored
  expect(res.json().sizeBytes).toBe(bytes.length)
  // Orientation 6 in a one-tag EXIF block.
  const at = bytes.indexOf(Buffer.from([0x01, 0x12, 0x00, 0x03]))
  expect(at).toBeGreaterThan(0)
  expect(bytes.readUInt16BE(at + 8)).toBe(6)
  expect(bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]))
  expect(cleanImage(bytes, 'image/jpeg')).toEqual(bytes) // cleaning is stable
})

test('a JPEG header followed by a web page is refused; so is a JPEG cut short', async () => {
  for (const bad of [
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), HTML]),
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), HTML]),
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0'), HTML]),
    jpeg().subarray(0, jpeg().length - 2), // no end of image
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]),
  ]) {
    const res = await upload(bad)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields.file).toMatch(/照片/)
  }
})

test('bytes after the image ends are not stored; a PNG without its end is refused; PNG text chunks are dropped', async () => {
  const withTail = await upload(Buffer.concat([jpeg(), HTML]))
  expect(withTail.statusCode).toBe(201)
  expect((await served(withTail.json().id)).includes(HTML)).toBe(false)

  const p = png()
  const pngTail = await upload(Buffer.concat([p, HTML]))
  expect(pngTail.statusCode).toBe(201)
  expect(await served(pngTail.json().id)).toEqual(p)

  expect((await upload(p.subarray(0, p.length - 12))).statusCode).toBe(400)
  const withText = Buffer.concat([p.subarray(0, 33), pngChunk('tEXt', Buffer.from('GPS\x0034.7N 104.9E')), p.subarray(33)])
  expect(cleanImage(withText, 'image/png')).toEqual(p)
})

test('WebP: EXIF and XMP chunks go, the flags and sizes follow', () => {
  const chunk = (fourcc: string, data: Buffer) => {
    const head = Buffer.alloc(8)
    head.write(fourcc, 0, 'latin1')
    head.writeUInt32LE(data.length, 4)
    return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)])
  }
  const vp8x = Buffer.alloc(10)
  vp8x[0] = 0x0c
  const body = Buffer.concat([chunk('VP8X', vp8x), chunk('VP8L', Buffer.alloc(21, 1)), chunk('EXIF', exifWithGps())])
  const riff = Buffer.alloc(12)
  riff.write('RIFF', 0, 'latin1')
  riff.writeUInt32LE(4 + body.length, 4)
  riff.write('WEBP', 8, 'latin1')
  const cleaned = cleanImage(Buffer.concat([riff, body]), 'image/webp')!
  expect(cleaned.includes(Buffer.from('EXIF'))).toBe(false)
  expect(cleaned.readUInt32LE(4)).toBe(cleaned.length - 8)
  expect(cleaned[20] & 0x0c).toBe(0)
  expect(cleanImage(Buffer.concat([riff.subarray(0, 12), Buffer.from('<html>')]), 'image/webp')).toBeNull()
})
