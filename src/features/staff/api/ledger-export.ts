/**
 * Mini-program: the CSV is downloaded with the staff token and opened with WeChat's document viewer
 * (which can pass it on to Excel or WPS). The shared client only speaks JSON, hence this one direct download.
 */
import Taro from '@tarojs/taro'
import { getToken } from '@/api'
import { apiBase } from '@/api/config'
import { buildQuery } from '@/api/client'

export async function exportLedgerCsv(kind: string, query: Record<string, string>): Promise<string> {
  const path = `/staff/ledgers/${encodeURIComponent(kind)}${buildQuery({ ...query, format: 'csv' })}`
  const res = await Taro.downloadFile({ url: apiBase + path, header: { Authorization: `Bearer ${getToken() ?? ''}` } })
  if (res.statusCode !== 200) throw new Error('导出没有成功，请稍后再试；也可以在电脑上打开网页版导出')
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx' as never, showMenu: true }).catch(() => undefined)
  return '已下载，可以在右上角菜单里转发或用 Excel 打开'
}
