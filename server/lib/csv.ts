/**
 * CSV for Excel: UTF-8 with a byte-order mark (without it Excel on Windows reads Chinese as GBK and shows
 * mojibake), CRLF line ends, and RFC 4180 quoting for fields holding commas, quotes or line breaks.
 * A field starting with = + - @ would run as a formula in Excel, so it is prefixed with an apostrophe.
 */
const UTF8_BOM = '\uFEFF'

function csvField(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return UTF8_BOM + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
}
