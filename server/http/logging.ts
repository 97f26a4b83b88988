/**
 * Logger options. Workers put phone and ID numbers into search boxes and links, so URLs are
 * masked before they reach the log; tokens and cookies are redacted outright.
 */
import type { FastifyRequest } from 'fastify'
import type { DestinationStream, LoggerOptions } from 'pino'

const ID_NUMBER = /(?<![0-9])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])/g
// Issued before 1999 and still in use: 6 digits of place, YYMMDD, 3 digits.
const OLD_ID_NUMBER = /(?<![0-9])(\d{6})\d{6}(\d{3})(?![0-9A-Za-z])/g
// 13900000002, +86 139 0000 0002, 0086-139-0000-0002: the country code and separators people type.
const PHONE = /(?<![0-9])((?:(?:\+|00)86[- ]?|86)?1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?![0-9])/g
// A signed photo url opens the photo for an hour: its signature (and any token in a link) stays out of the log; so
// do the signed links of an employer contact's attendance sheet and a printable evidence sheet (`t`, which open and
// confirm without an account), and a worker's position (`lat`, `lng` of the nearest-first lists).
const SECRET_PARAM = /([?&](?:sig|token|ticket|t|lat|lng)=)[^&#\s]*/gi

/** 13900000002 → 139****0002; 620524199001011234 → 620524********1234; ?sig=… → ?sig=[redacted], also t, lat, lng */
export function maskPersonalNumbers(text: string): string {
  return text
    .replace(SECRET_PARAM, '$1[redacted]')
    .replace(ID_NUMBER, '$1********$2')
    .replace(OLD_ID_NUMBER, '$1******$2')
    .replace(PHONE, '$1****$2')
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url)
  } catch {
    return url
  }
}

export interface LogSettings {
  level?: string
  /** Where lines go (tests capture them); stdout when absent. */
  stream?: DestinationStream
}

export function loggerOptions(settings: LogSettings = {}): LoggerOptions & { stream?: DestinationStream } {
  return {
    level: settings.level ?? 'info',
    ...(settings.stream ? { stream: settings.stream } : {}),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'req.headers["idempotency-key"]'],
      censor: '[redacted]',
    },
    serializers: {
      req(req: FastifyRequest) {
        return {
          method: req.method,
          // Decoded first so a %-encoded number is masked too.
          url: maskPersonalNumbers(safeDecode(req.url)),
          remoteAddress: req.ip,
        }
      },
    },
  }
}
