/**
 * Every photo is decoded and encoded again before it is stored: a file whose first bytes look like an image but whose
 * pixels do not decode is refused, nothing of the original file survives but its pixels (no EXIF GPS position, no
 * device, no trailing bytes), and the camera's rotation is applied to the pixels first so the photo still stands up.
 */
import sharp, { type Sharp } from 'sharp'
import type { UploadContentType } from '../../types'

/** About 40 megapixels (a 108 MP phone sensor saves binned 12 MP photos): past it, a small file is a decompression bomb. */
const MAX_INPUT_PIXELS = 40_000_000
/** The copy for lists and timelines: this wide at most, always JPEG (small, shown everywhere). */
const THUMB_WIDTH = 480

export interface EncodedImage {
  bytes: Buffer
  /** Null when the photo is already no wider than THUMB_WIDTH: the photo itself serves as its thumbnail. */
  thumb: Buffer | null
}

export class ImageRefused extends Error {
  constructor(readonly reason: 'not-an-image' | 'too-many-pixels') {
    super(reason)
    this.name = 'ImageRefused'
  }
}

// 'warning' (sharp's strictest) also refuses a JPEG cut short, which libjpeg would otherwise pad with grey.
const decode = (input: Buffer) => sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning' })

function encodeAs(image: Sharp, type: UploadContentType): Sharp {
  if (type === 'image/jpeg') return image.jpeg({ quality: 85 })
  if (type === 'image/png') return image.png({ compressionLevel: 9 })
  return image.webp({ quality: 85 })
}

/** The photo as stored, in the type its first bytes claimed, and its thumbnail; ImageRefused when it does not decode. */
export async function reencodeImage(input: Buffer, type: UploadContentType): Promise<EncodedImage> {
  try {
    const format = (await decode(input).metadata()).format
    if (format !== type.slice('image/'.length)) throw new ImageRefused('not-an-image')
    // rotate() with no angle applies the EXIF orientation; metadata is not written unless asked (keepMetadata).
    const { data, info } = await encodeAs(decode(input).rotate(), type).toBuffer({ resolveWithObject: true })
    const thumb =
      info.width > THUMB_WIDTH ? await sharp(data).resize({ width: THUMB_WIDTH }).flatten({ background: '#ffffff' }).jpeg({ quality: 75 }).toBuffer() : null
    return { bytes: data, thumb }
  } catch (error) {
    if (error instanceof ImageRefused) throw error
    if (/pixel limit/i.test((error as Error).message)) throw new ImageRefused('too-many-pixels')
    throw new ImageRefused('not-an-image')
  }
}
