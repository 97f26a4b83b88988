/** Photos are decoded and encoded again: only real pictures are kept, without where they were taken, standing up, with a thumbnail. */
import { deflateSync } from 'node:zlib'
import sharp from 'sharp'
import { bearer, signIn } from '../test-support/accounts'
import { exifWithGps, jpeg, multipart, png, pngChunk, webp } from '../test-support/images'
import { buildTestApp, type TestApp } from '../test-support/test-app'

let t: TestApp
let token: string
beforeAll(async () => {
  t = await buildTestApp({ seed: false, config: (c) => ({ ...c, uploadDailyCount: 100 }) })
  token = (await signIn(t.app, '13700550001')).token
})
afterAll(() => t.close())

const upload = (bytes: Buffer) => {
  const { payload, headers } = multipart(bytes)
  return t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...bearer(token), ...headers }, payload })
}
const served = async (id: string, query = '') => t.app.inject({ url: `/api/uploads/${id}${query}`, headers: bearer(token) })
const GPS_IFD_TAG = Buffer.from([0x88, 0x25])
const HTML = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>')
const refusedAsNotAPhoto = (res: { statusCode: number; json(): { error: { fields: { file: string } } } }) => {
  expect(res.statusCode).toBe(400)
  expect(res.json().error.fields.file).toMatch(/不是真正的照片/)
}

test('a JPEG with an EXIF GPS block is stored without any metadata, turned upright by its camera rotation', async () => {
  const original = jpeg({ exif: exifWithGps(6) })
  expect(original.includes(GPS_IFD_TAG)).toBe(true)
  const res = await upload(original)
  expect(res.statusCode).toBe(201)
  const bytes = (await served(res.json().id)).rawPayload
  expect(res.json().sizeBytes).toBe(bytes.length)
  const meta = await sharp(bytes).metadata()
  expect(meta).toMatchObject({ format: 'jpeg', width: 8, height: 16 }) // 16×8 turned a quarter
  expect(meta.exif).toBeUndefined()
  expect(meta.orientation).toBeUndefined()
  expect(bytes.includes(GPS_IFD_TAG)).toBe(false)
  expect(bytes.includes(Buffer.from('Exif'))).toBe(false)
  // The left half (red) is now at the top.
  const { data } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true })
  expect(data[0]).toBeGreaterThan(150)
  expect(data[data.length - 1]).toBeGreaterThan(150) // blue at the bottom
})

test('a JPEG header followed by a web page is refused; so is a JPEG cut short', async () => {
  for (const bad of [
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), HTML]),
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), HTML]),
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0'), HTML]),
    jpeg().subarray(0, jpeg().length - 40),
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]),
  ]) {
    refusedAsNotAPhoto(await upload(bad))
  }
})

test('a file whose structure is right but whose pixels do not decode is refused', async () => {
  // Signature, IHDR and CRCs all correct; the image data is not a zlib stream.
  const ihdr = png().subarray(8, 33)
  const broken = Buffer.concat([png().subarray(0, 8), ihdr, pngChunk('IDAT', Buffer.from(HTML)), pngChunk('IEND', Buffer.alloc(0))])
  refusedAsNotAPhoto(await upload(broken))
  // A WebP's RIFF frame around noise.
  const riff = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x20, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.from([20, 0, 0, 0]), Buffer.alloc(20, 0x5a)])
  refusedAsNotAPhoto(await upload(riff))
  // Not one of the three types, whatever sharp could read: SVG (scripts), GIF.
  for (const other of [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), Buffer.from('GIF89a\x01\0\x01\0\0\0\0;')]) {
    expect((await upload(other)).json().error.fields.file).toMatch(/JPG、PNG 或 WebP/)
  }
})

test('bytes after the image ends are not stored; a PNG without its end is refused; PNG text goes', async () => {
  const withTail = await upload(Buffer.concat([jpeg(), HTML]))
  expect(withTail.statusCode).toBe(201)
  expect((await served(withTail.json().id)).rawPayload.includes(HTML)).toBe(false)

  const p = png()
  refusedAsNotAPhoto(await upload(p.subarray(0, p.length - 12 - 10)))
  const withText = Buffer.concat([p.subarray(0, 33), pngChunk('tEXt', Buffer.from('GPS\x0034.7N 104.9E')), p.subarray(33)])
  const res = await upload(withText)
  expect(res.statusCode).toBe(201)
  const bytes = (await served(res.json().id)).rawPayload
  expect(bytes.includes(Buffer.from('34.7N'))).toBe(false)
  // The same pixels.
  expect(await sharp(bytes).raw().toBuffer()).toEqual(await sharp(p).raw().toBuffer())
})

test('WebP: an EXIF block goes', async () => {
  const tagged = await sharp(webp()).withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Model-X' } }).webp().toBuffer()
  expect(tagged.includes(Buffer.from('PhoneMaker'))).toBe(true)
  const res = await upload(tagged)
  expect(res.statusCode).toBe(201)
  expect(res.json().contentType).toBe('image/webp')
  const bytes = (await served(res.json().id)).rawPayload
  expect(bytes.includes(Buffer.from('PhoneMaker'))).toBe(false)
  expect((await sharp(bytes).metadata()).exif).toBeUndefined()
})

test('a decompression bomb (a small file of 144 million pixels) is refused before it is decoded', async () => {
  const side = 12_000
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(side, 0)
  ihdr.writeUInt32BE(side, 4)
  ihdr[8] = 1 // one bit per pixel, grey
  const raw = Buffer.alloc((side / 8 + 1) * side)
  const bomb = Buffer.concat([png().subarray(0, 8), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: 9 })), pngChunk('IEND', Buffer.alloc(0))])
  expect(bomb.length).toBeLessThan(100_000)
  const started = Date.now()
  const res = await upload(bomb)
  expect(res.statusCode).toBe(400)
  expect(res.json().error.fields.file).toMatch(/像素太多/)
  expect(Date.now() - started).toBeLessThan(2000)
})

test('a big photo gets a 480 px JPEG thumbnail, served with ?size=thumb; a small one is its own', async () => {
  const big = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#3366cc' } }).png().toBuffer()
  const res = await upload(big)
  expect(res.statusCode).toBe(201)
  const thumb = await served(res.json().id, '?size=thumb')
  expect(thumb.statusCode).toBe(200)
  expect(thumb.headers['content-type']).toBe('image/jpeg')
  expect(Number(thumb.headers['content-length'])).toBe(thumb.rawPayload.length)
  expect(await sharp(thumb.rawPayload).metadata()).toMatchObject({ format: 'jpeg', width: 480, height: 360 })
  const full = await served(res.json().id)
  expect(await sharp(full.rawPayload).metadata()).toMatchObject({ format: 'png', width: 1600, height: 1200 })

  const small = await upload(jpeg())
  const own = await served(small.json().id, '?size=thumb')
  expect(own.headers['content-type']).toBe('image/jpeg')
  expect(own.rawPayload).toEqual((await served(small.json().id)).rawPayload)
})
