/**
 * Web portal: a link cannot carry the staff token, so the CSV is fetched with it and handed to the
 * browser as a download (the server names the file). Mini-program version in csv-export.ts.
 */
import { getToken } from '@/api'
import { apiBase } from '@/api/config'
import { buildQuery } from '@/api/client'

/** `path` is under /api (e.g. /staff/ledgers/all); `format=csv` unless the query names another. Answers what to tell the staff member. */
export async function exportStaffCsv(path: string, query: Record<string, string> = {}, fallbackName = 'export.csv'): Promise<string> {
  const res = await fetch(apiBase + path + buildQuery({ format: 'csv', ...query }), { headers: { Authorization: `Bearer ${getToken() ?? ''}` } })
  if (!res.ok) throw new Error('导出没有成功，请稍后再试')
  const disposition = res.headers.get('content-disposition') ?? ''
  const name = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1]
  const link = document.createElement('a')
  link.href = URL.createObjectURL(await res.blob())
  link.download = name ? decodeURIComponent(name) : fallbackName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
  return `已下载 ${link.download}`
}
