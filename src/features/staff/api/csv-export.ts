/**
 * Mini-program: a staff CSV (ledger, manifest) is downloaded with the staff token and opened with WeChat's document
 * viewer (which can pass it on to Excel or WPS). The shared client only speaks JSON, hence this one direct download.
 * Web portal version in csv-export.h5.ts.
 */
import Taro from '@tarojs/taro'
import { getToken } from '@/api'
import { apiBase } from '@/api/config'
import { buildQuery } from '@/api/client'

/** `path` is under /api (e.g. /staff/ledgers/all); `format=csv` unless the query names another. Answers what to tell the staff member. */
export async function exportStaffCsv(path: string, query: Record<string, string> = {}, _fallbackName = 'export.csv'): Promise<string> {
  const res = await Taro.downloadFile({
    url: apiBase + path + buildQuery({ format: 'csv', ...query }),
    header: { Authorization: `Bearer ${getToken() ?? ''}` },
  })
  if (res.statusCode !== 200) throw new Error('导出没有成功，请稍后再试；也可以在电脑上打开网页版导出')
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx' as never, showMenu: true }).catch(() => undefined)
  return '已下载，可以在右上角菜单里转发或用 Excel 打开'
}
