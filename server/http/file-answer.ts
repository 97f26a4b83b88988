/**
 * A download answered through route() instead of JSON (CSV, .xlsx, a printable page): the handler returns one of these
 * and route() sends it after the same access check and input parsing as any other answer.
 */
import type { Readable } from 'node:stream'
import type { FileFormat } from '../../types/endpoint'

const contentTypes: Record<FileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
}

export class FileAnswer {
  constructor(
    readonly format: FileFormat,
    /** The name Excel shows, in Chinese; browsers without RFC 5987 get `fallbackName`. */
    readonly displayName: string,
    readonly fallbackName: string,
    readonly body: string | Buffer | Readable,
    /** Shown in the browser (a printable page) rather than saved; the name still applies when it is saved. */
    readonly inline = false,
  ) {}

  get contentType(): string {
    return contentTypes[this.format]
  }

  /** Both names: an ASCII one for old browsers, the Chinese one (RFC 5987) for the rest. */
  get disposition(): string {
    return `${this.inline ? 'inline' : 'attachment'}; filename="${this.fallbackName}.${this.format}"; filename*=UTF-8''${encodeURIComponent(`${this.displayName}.${this.format}`)}`
  }
}
