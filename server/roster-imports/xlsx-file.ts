/**
 * Is this upload an .xlsx worth opening? Read from the bytes, never the name: a renamed .csv or .xls is refused by its
 * signature, and a zip whose entries would inflate past what a real ledger needs (a zip bomb) is refused from its
 * central directory before anything is inflated.
 */
import { AppError } from '../http/app-error'

/** A 200,000-row ledger's sheet inflates to about 120 MB; four times that is no ledger. */
export const MAX_INFLATED_BYTES = 480 * 1024 * 1024
/** An .xlsx has a dozen parts; a few hundred means something else. */
const MAX_ENTRIES = 500
/** Text compresses about 10:1; past this one part is made to inflate, not a sheet. */
const MAX_RATIO = 200

const refuse = (message: string) => new AppError('VALIDATION_FAILED', message, { file: message })

export const notXlsxMessage = '这不是 Excel 文件（.xlsx），请在 Excel 里“另存为” .xlsx 格式后再上传'

export function checkXlsxBytes(bytes: Buffer): void {
  if (bytes.length === 0) throw refuse('请选择要导入的 Excel 文件')
  // OLE2: the .xls of Excel 97–2003.
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1) {
    throw refuse('这是旧版 Excel 文件（.xls），请在 Excel 里“另存为” .xlsx 格式后再上传')
  }
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) throw refuse(notXlsxMessage)
  const entries = centralDirectory(bytes)
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw refuse(notXlsxMessage)
  if (entries.length > MAX_ENTRIES) throw refuse('文件里的内容太多，不像一份台账，请检查后再上传')
  let total = 0
  for (const e of entries) {
    total += e.size
    if (e.size > 10 * 1024 * 1024 && e.size > e.compressed * MAX_RATIO) throw refuse('文件解压后异常地大，不像一份台账，没有导入')
  }
  if (total > MAX_INFLATED_BYTES) throw refuse('文件解压后太大（超过20万行），请按乡镇分开后再导入')
}

interface ZipEntry {
  name: string
  compressed: number
  size: number
}

/** The entries the end-of-central-directory record lists (ZIP64 is refused: no ledger needs 4 GB). */
function centralDirectory(bytes: Buffer): ZipEntry[] {
  const from = Math.max(0, bytes.length - 22 - 0xffff)
  let end = -1
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i
      break
    }
  }
  if (end < 0) throw refuse('文件不完整或已损坏，请重新保存后再上传')
  const count = bytes.readUInt16LE(end + 10)
  const dirSize = bytes.readUInt32LE(end + 12)
  const dirOffset = bytes.readUInt32LE(end + 16)
  if (count === 0xffff || dirOffset === 0xffffffff || dirOffset + dirSize > end) throw refuse('文件不完整或已损坏，请重新保存后再上传')
  const entries: ZipEntry[] = []
  let at = dirOffset
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== 0x02014b50) throw refuse('文件不完整或已损坏，请重新保存后再上传')
    const compressed = bytes.readUInt32LE(at + 20)
    const size = bytes.readUInt32LE(at + 24)
    const nameLength = bytes.readUInt16LE(at + 28)
    const extra = bytes.readUInt16LE(at + 30)
    const comment = bytes.readUInt16LE(at + 32)
    if (size === 0xffffffff || compressed === 0xffffffff) throw refuse('文件解压后太大，不像一份台账，没有导入')
    entries.push({ name: bytes.toString('utf8', at + 46, at + 46 + nameLength), compressed, size })
    at += 46 + nameLength + extra + comment
  }
  return entries
}
