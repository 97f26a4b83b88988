/** Small real image files built in tests: a PNG and a JPEG with the structure a photo has (optionally an EXIF GPS block). */
import { deflateSync } from 'node:zlib'

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), 8 + data.length)
  return out
}

/** A 2×2 PNG; `padTo` grows its image data to about that many bytes (for size limits). */
export function png(padTo = 0): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(2, 0)
  ihdr.writeUInt32BE(2, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255])
  const head = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const chunks = [pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw))]
  const size = head.length + chunks.reduce((n, c) => n + c.length, 0) + 12
  if (padTo > size + 12) chunks.push(pngChunk('IDAT', Buffer.alloc(padTo - size - 12, 7)))
  return Buffer.concat([head, ...chunks, pngChunk('IEND', Buffer.alloc(0))])
}

const segment = (marker: number, data: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0])
  head.writeUInt16BE(data.length + 2, 2)
  return Buffer.concat([head, data])
}

/** An EXIF block (big-endian TIFF) with the camera orientation and a GPS position: 34.7°N 104.9°E, Wushan. */
export function exifWithGps(orientation = 6): Buffer {
  const entries: Buffer[] = []
  const ifd = (tags: [number, number, number, number][]) => {
    const out = Buffer.alloc(2 + tags.length * 12 + 4)
    out.writeUInt16BE(tags.length, 0)
    tags.forEach(([tag, type, count, value], i) => {
      const at = 2 + i * 12
      out.writeUInt16BE(tag, at)
      out.writeUInt16BE(type, at + 2)
      out.writeUInt32BE(count, at + 4)
      if (type === 3 && count === 1) out.writeUInt16BE(value, at + 8)
      else out.writeUInt32BE(value, at + 8)
    })
    return out
  }
  // IFD0 at 8: Orientation, GPS IFD pointer. GPS IFD right after, then the rationals it points at.
  const ifd0Size = 2 + 2 * 12 + 4
  const gpsAt = 8 + ifd0Size
  const gpsSize = 2 + 4 * 12 + 4
  const ratAt = gpsAt + gpsSize
  const ifd0 = ifd([
    [0x0112, 3, 1, orientation],
    [0x8825, 4, 1, gpsAt],
  ])
  const gps = ifd([
    [0x0001, 2, 2, 0x4e000000], // 'N'
    [0x0002, 5, 3, ratAt],
    [0x0003, 2, 2, 0x45000000], // 'E'
    [0x0004, 5, 3, ratAt + 24],
  ])
  const rationals = Buffer.alloc(48)
  ;[34, 1, 42, 1, 3000, 100, 104, 1, 53, 1, 1200, 100].forEach((v, i) => rationals.writeUInt32BE(v, i * 4))
  entries.push(Buffer.from('MM\0*\0\0\0\x08', 'latin1'), ifd0, gps, rationals)
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), ...entries])
}

/** A baseline JPEG's structure: SOI, JFIF, (EXIF), DQT, SOF0, DHT, SOS, scan data, EOI. */
export function jpeg(options: { exif?: Buffer; scanBytes?: number } = {}): Buffer {
  const sof = Buffer.from([8, 0, 2, 0, 2, 1, 1, 0x11, 0])
  const dht = Buffer.concat([Buffer.from([0x00]), Buffer.alloc(16, 0), Buffer.alloc(0)])
  dht[1] = 1 // one code of length 1
  const scan = Buffer.alloc(options.scanBytes ?? 32, 0x5a)
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    ...(options.exif ? [segment(0xe1, options.exif)] : []),
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    segment(0xc0, sof),
    segment(0xc4, Buffer.concat([dht, Buffer.from([0])])),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    scan,
    Buffer.from([0xff, 0xd9]),
  ])
}

export function multipart(bytes: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg', field = 'file') {
  const boundary = `----wgt${Math.random().toString(16).slice(2)}`
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}
