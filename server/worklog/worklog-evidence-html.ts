/**
 * The evidence sheet as a plain page to print (or save as PDF from the browser's print): no script, no pictures,
 * every value escaped. The same record the digest covers, in the worker's words, with the digest at the foot.
 */
import { type EvidenceSheet, formatFen, paymentMethodLabel, worklogKindLabel } from '../../types'
import { chinaDateTime } from '../lib/dates'

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** "1天 加班2小时", "6小时", "20.5平方米", "借500元" */
function whatWasDone(e: EvidenceSheet['entries'][number], unit: string): string {
  if (e.kind === 'advance') return `借 ${formatFen(e.amountFen ?? 0)}`
  const main = e.kind === 'contract_quantity' ? `${e.quantity ?? 0}${unit}` : e.days !== null ? (e.days === 0.5 ? '半天' : `${e.days}天`) : `${e.hours ?? 0}小时`
  return e.overtimeHours > 0 ? `${main}，加班${e.overtimeHours}小时` : main
}

const when = (iso: string) => chinaDateTime(new Date(iso))

function rates(sheet: EvidenceSheet): string {
  const e = sheet.employer
  const parts = [
    e.dayRateFen !== null ? `每天 ${formatFen(e.dayRateFen)}` : '',
    e.hourRateFen !== null ? `每小时 ${formatFen(e.hourRateFen)}` : '',
    e.overtimeRateFen !== null ? `加班每小时 ${formatFen(e.overtimeRateFen)}` : '',
    e.unitRateFen !== null ? `每${e.unitLabel ?? '件'} ${formatFen(e.unitRateFen)}` : '',
  ].filter(Boolean)
  return parts.length ? parts.join('，') : '没有记'
}

const STYLE = `
body{font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#111;font-size:15px;line-height:1.5}
h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:20px 0 6px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #888;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eee}td.money{text-align:right;white-space:nowrap}
.owed{font-size:20px;font-weight:bold}.digest{font-family:monospace;word-break:break-all;font-size:13px}
.late{color:#a40000}.hint{color:#444;font-size:13px}
@media print{body{margin:0;font-size:12px}th{background:none}a{color:inherit;text-decoration:none}h2{break-after:avoid}tr{break-inside:avoid}}
`

export function evidenceHtml(sheet: EvidenceSheet, digest: string, printedAt: Date): string {
  const unit = sheet.employer.unitLabel ?? '件'
  const period = sheet.month ? `${sheet.month}（一个月）` : sheet.from && sheet.to ? `${sheet.from} 到 ${sheet.to}` : '还没有记录'
  const entryRows = sheet.entries
    .map(
      (e) => `<tr><td>${escapeHtml(e.date)}</td><td>${escapeHtml(worklogKindLabel[e.kind])}</td><td>${escapeHtml(whatWasDone(e, unit))}</td>` +
        `<td class="money">${e.kind === 'advance' ? '' : e.earnedFen === null ? '没填工钱' : escapeHtml(formatFen(e.earnedFen))}</td>` +
        `<td>${escapeHtml(when(e.enteredAt))}</td><td${e.onTheDay ? '' : ' class="late"'}>${e.onTheDay ? '当天记的' : '事后补记'}</td>` +
        `<td>${e.correctedAt ? `${escapeHtml(when(e.correctedAt))} 改过` : ''}</td><td>${escapeHtml(e.note)}</td></tr>`,
    )
    .join('')
  const paymentRows = sheet.payments
    .map(
      (p) => `<tr><td>${escapeHtml(p.date)}</td><td class="money">${escapeHtml(formatFen(p.amountFen))}</td><td>${escapeHtml(paymentMethodLabel[p.method])}</td>` +
        `<td>${p.hasPhoto ? '有照片' : ''}</td><td>${escapeHtml(when(p.enteredAt))}</td><td>${p.onTheDay ? '当天记的' : '事后补记'}</td><td>${escapeHtml(p.note)}</td></tr>`,
    )
    .join('')
  const t = sheet.totals
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>记工证据单 ${escapeHtml(sheet.employer.name)}</title><style>${STYLE}</style></head>
<body>
<h1>记工证据单</h1>
<p>工人：${escapeHtml(sheet.workerName ?? '（没有填姓名）')}<br>老板或工地：${escapeHtml(sheet.employer.name)}${sheet.employer.site ? `，${escapeHtml(sheet.employer.site)}` : ''}<br>
时间：${escapeHtml(period)}<br>说好的工钱：${escapeHtml(rates(sheet))}</p>
<p class="owed">${t.owedFen > 0 ? `还欠 ${escapeHtml(formatFen(t.owedFen))}` : t.owedFen === 0 ? '已经结清' : `多给了 ${escapeHtml(formatFen(-t.owedFen))}`}</p>
<p>${t.breakdown.map(escapeHtml).join('<br>')}</p>
<h2>每天干的活（${sheet.entries.length}条）</h2>
<table><thead><tr><th>日期</th><th>种类</th><th>干了多少</th><th>工钱</th><th>记录时间（服务器）</th><th>当天记的吗</th><th>改动</th><th>备注</th></tr></thead>
<tbody>${entryRows || '<tr><td colspan="8">没有记录</td></tr>'}</tbody></table>
<h2>收到的钱（${sheet.payments.length}笔）</h2>
<table><thead><tr><th>日期</th><th>钱数</th><th>怎么给的</th><th>凭证</th><th>记录时间（服务器）</th><th>当天记的吗</th><th>备注</th></tr></thead>
<tbody>${paymentRows || '<tr><td colspan="7">没有记录</td></tr>'}</tbody></table>
<h2>校验码</h2>
<p class="digest">SHA-256：${escapeHtml(digest)}</p>
<p class="hint">这张单子的内容算出上面这串校验码。以后记录有任何改动，校验码就会不一样，可以拿来和务工通服务器上的记录核对。
“当天记的”是工人在干活当天用手机记下的，“事后补记”是过后补的。打印时间：${escapeHtml(chinaDateTime(printedAt))}。
用浏览器的“打印”可以打出来，或者存成 PDF。</p>
</body></html>`
}
