/**
 * A photo's structure, checked and cleaned before it is stored: what follows the header must be a whole image of the
 * type the first bytes claim (a JPEG header followed by a web page is refused), and metadata that can tell where the
 * photo was taken (EXIF with its GPS position, XMP, text chunks, comments) is dropped. Bytes after the image's end
 * are dropped too. This walks the file's segments without decoding pixels; re-encoding (e.g. with sharp) would also
 * catch a broken picture inside a well-formed file.
 */
import type { UploadContentType } from '../../types'

/** The cleaned bytes, or null when the file is not a whole image of `type`. */
export function cleanImage(bytes: Buffer, type: UploadContentType): Buffer | null {
  try {
    if (type === 'image/jpeg') return cleanJpeg(bytes)
    if (type === 'image/png') return cleanPng(bytes)
    return cleanWebp(bytes)
  } catch {
    return null
  }
}

// Markers that may start a segment with a length: SOFn/DHT/DAC (C0–CF), DQT, DNL, DRI, DHP, EXP, APPn, JPGn, COM.
const hasLength = (m: number) => (m >= 0xc0 && m <= 0xcf) || (m >= 0xdb && m <= 0xdf) || (m >= 0xe0 && m <= 0xfe)
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc

function cleanJpeg(b: Buffer): Buffer | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null
  const out: Buffer[] = []
  let orientation = 1
  let sof = false
  let sos = false
  let pos = 2
  for (;;) {
    if (pos + 1 >= b.length || b[pos] !== 0xff) return null
    while (b[pos + 1] === 0xff && pos + 2 < b.length) pos++ // fill bytes
    const marker = b[pos + 1]
    if (marker === 0xd9) {
      if (!sos) return null
      out.push(b.subarray(pos, pos + 2))
      break
    }
    if (!hasLength(marker) && marker !== 0xda) return null
    if (pos + 4 > b.length) return null
    const length = b.readUInt16BE(pos + 2)
    const end = pos + 2 + length
    if (length < 2 || end > b.length) return null
    const segment = b.subarray(pos, end)
    if (marker === 0xe1) {
      orientation = exifOrientation(segment.subarray(4)) ?? orientation
    } else if (marker !== 0xed && marker !== 0xfe) {
      // APP1 (EXIF, XMP), APP13 (IPTC) and comments are dropped; everything the picture needs stays.
      out.push(segment)
    }
    if (isSof(marker)) sof = true
    pos = end
    if (marker === 0xda) {
      if (!sof) return null
      sos = true
      // Entropy-coded data runs to the next marker that is not a stuffed 00 or a restart marker.
      let next = pos
      while (next + 1 < b.length && !(b[next] === 0xff && b[next + 1] !== 0x00 && !(b[next + 1] >= 0xd0 && b[next + 1] <= 0xd7) && b[next + 1] !== 0xff)) next++
      if (next + 1 >= b.length) return null
      out.push(b.subarray(pos, next))
      pos = next
    }
  }
  const soi = Buffer.from([0xff, 0xd8])
  if (orientation === 1) return Buffer.concat([soi, ...out])
  // The camera's rotation is kept (a phone photo would otherwise show on its side), in an EXIF block with nothing else.
  const [first, ...rest] = out
  const app0 = first && first[1] === 0xe0 ? [first] : []
  return Buffer.concat([soi, ...app0, orientationExif(orientation), ...(app0.length ? rest : out)])
}

/** The Orientation tag (0x0112) of an EXIF block's first IFD, if it is there and sane. */
function exifOrientation(exif: Buffer): number | null {
  if (exif.length < 14 || exif.toString('latin1', 0, 6) !== 'Exif\0\0') return null
  const tiff = exif.subarray(6)
  const little = tiff.toString('latin1', 0, 2) === 'II'
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at))
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at))
  const ifd = u32(4)
  if (ifd + 2 > tiff.length) return null
  const count = u16(ifd)
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * 12
    if (at + 12 > tiff.length) return null
    if (u16(at) === 0x0112) {
      const value = u16(at + 8)
      return value >= 1 && value <= 8 ? value : null
    }
  }
  return null
}

function orientationExif(orientation: number): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4)
  tiff.write('MM\0*', 0, 'latin1')
  tiff.writeUInt32BE(8, 4)
  tiff.writeUInt16BE(1, 8)
  tiff.writeUInt16BE(0x0112, 10)
  tiff.writeUInt16BE(3, 12)
  tiff.writeUInt32BE(1, 14)
  tiff.writeUInt16BE(orientation, 18)
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
  const head = Buffer.from([0xff, 0xe1, 0, 0])
  head.writeUInt16BE(body.length + 2, 2)
  return Buffer.concat([head, body])
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
// Metadata chunks: EXIF (with GPS), and text that may hold XMP or a location.
const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt'])

function cleanPng(b: Buffer): Buffer | null {
  if (b.length < 8 || !b.subarray(0, 8).equals(PNG_SIGNATURE)) return null
  const out: Buffer[] = [PNG_SIGNATURE]
  let pos = 8
  let idat = false
  for (let index = 0; ; index++) {
    if (pos + 12 > b.length) return null
    const length = b.readUInt32BE(pos)
    const type = b.toString('latin1', pos + 4, pos + 8)
    const end = pos + 12 + length
    if (!/^[A-Za-z]{4}$/.test(type) || end > b.length) return null
    if (index === 0 && (type !== 'IHDR' || length !== 13)) return null
    if (type === 'IDAT') idat = true
    if (!PNG_DROPPED.has(type)) out.push(b.subarray(pos, end))
    pos = end
    if (type === 'IEND') return idat ? Buffer.concat(out) : null
  }
}

function cleanWebp(b: Buffer): Buffer | null {
  if (b.length < 20 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') return null
  const riffEnd = 8 + b.readUInt32LE(4)
  if (riffEnd > b.length) return null
  const chunks: Buffer[] = []
  let pos = 12
  let image = false
  while (pos < riffEnd) {
    if (pos + 8 > riffEnd) return null
    const fourcc = b.toString('latin1', pos, pos + 4)
    const size = b.readUInt32LE(pos + 4)
    const end = pos + 8 + size + (size % 2)
    if (end > riffEnd) return null
    if (chunks.length === 0 && !['VP8 ', 'VP8L', 'VP8X'].includes(fourcc)) return null
    if (['VP8 ', 'VP8L', 'ANMF'].includes(fourcc)) image = true
    if (fourcc !== 'EXIF' && fourcc !== 'XMP ') {
      const chunk = Buffer.from(b.subarray(pos, end))
      if (fourcc === 'VP8X' && size >= 1) chunk[8] &= ~0x0c // no EXIF, no XMP any more
      chunks.push(chunk)
    }
    pos = end
  }
  if (!image) return null
  const body = Buffer.concat(chunks)
  const head = Buffer.alloc(12)
  head.write('RIFF', 0, 'latin1')
  head.writeUInt32LE(4 + body.length, 4)
  head.write('WEBP', 8, 'latin1')
  return Buffer.concat([head, body])
}
