/** Small real image files for tests: a PNG, a JPEG (optionally with an EXIF GPS block) and a WebP that all decode. */
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

/**
 * A real PNG that decodes: 2×2 colours, or, with `padTo`, noise (which no encoder can shrink) of about that many
 * bytes, for size limits. Stored uncompressed so the file is as big as its pixels.
 */
export function png(padTo = 0): Buffer {
  const side = padTo ? Math.max(2, Math.round(Math.sqrt(padTo / 3))) : 2
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(side, 0)
  ihdr.writeUInt32BE(side, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  let seed = 7
  const noise = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24)
  const raw = padTo
    ? Buffer.concat(Array.from({ length: side }, () => Buffer.from([0, ...Array.from({ length: side * 3 }, noise)])))
    : Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255])
  const head = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([head, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: padTo ? 0 : 6 })), pngChunk('IEND', Buffer.alloc(0))])
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

// A real 16×8 JPEG (left half red, right half blue), as a camera writes it minus the metadata.
const JPEG_16X8 =
  '/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABf/EABkRAAIDAQAAAAAAAAAAAAAAAABEBoLCB//aAAwDAQACEQMRAD8AnkWBHn7FND07Xtk//9k='

/** A real 16×8 JPEG that decodes; `exif` adds an APP1 block (e.g. exifWithGps) right after the start of image. */
export function jpeg(options: { exif?: Buffer } = {}): Buffer {
  const base = Buffer.from(JPEG_16X8, 'base64')
  if (!options.exif) return base
  return Buffer.concat([base.subarray(0, 2), segment(0xe1, options.exif), base.subarray(2)])
}

/** The same picture as a real WebP. */
export const webp = (): Buffer => Buffer.from('UklGRj4AAABXRUJQVlA4IDIAAADQAQCdASoQAAgAAUAmJaACdLoB+AADsAD+8QB//vBr//OwfsHEq/wTf/eMus+4z66AAA==', 'base64')

export function multipart(bytes: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg', field = 'file') {
  const boundary = `----wgt${Math.random().toString(16).slice(2)}`
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}
