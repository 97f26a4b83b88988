import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { isApiError } from '@/api'
import { chinaDate } from '@contract/format'
import { FormField } from '@/components/form-field'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { chooseSheet, chooseSheetHint } from '@/lib/choose-sheet'
import { exportStaffCsv } from '@/features/staff/api/csv-export'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { markPaid, paymentsPath, uploadReturnedPayments, usePayments } from '@/features/subsidies/api/staff-subsidies'
import { SchemePicker } from '@/features/subsidies/components/scheme-picker'
import '@/features/subsidies/components/staff-subsidies.scss'

const failureText = (e: unknown, fallback: string) => (isApiError(e) ? (e.fields?.file ?? Object.values(e.fields ?? {})[0] ?? e.message) : fallback)

/**
 * 补贴发放 (admins): the claims whose 公示 is over, as the finance bureau's .xlsx (accounts in full, each download in
 * the access log); marked paid by hand or from the sheet the bureau sends back.
 */
export default function SubsidyPaymentPage() {
  return (
    <StaffShell title='补贴发放' adminOnly>
      {() => <Payment />}
    </StaffShell>
  )
}

function Payment() {
  const [scheme, setScheme] = useState(0)
  const [picked, setPicked] = useState<Set<number>>(new Set())
  const [paidOn, setPaidOn] = useState(chinaDate(new Date()))
  const [note, setNote] = useState<{ ok: boolean; lines: string[] } | null>(null)
  const [busy, setBusy] = useState(false)
  const list = usePayments(scheme, true)
  const items = list.data?.items ?? []

  const run = async (work: () => Promise<string[]>, fallback: string) => {
    if (busy) return
    setBusy(true)
    setNote(null)
    try {
      setNote({ ok: true, lines: await work() })
      void list.refresh()
    } catch (e) {
      setNote({ ok: false, lines: [failureText(e, fallback)] })
    } finally {
      setBusy(false)
    }
  }

  const download = () => run(async () => [await exportStaffCsv(paymentsPath, { format: 'xlsx', scheme: String(scheme) }, '补贴发放表.xlsx')], '没有下载成功，请稍后再试')

  const markByHand = () =>
    run(async () => {
      const res = await markPaid([...picked], paidOn)
      setPicked(new Set())
      const name = (id: number) => items.find((r) => r.claimId === id)?.name ?? `编号${id}`
      return [`已标记发放 ${res.paid.length} 人`, ...res.failed.map((f) => `${name(f.id)}：${f.message}`)]
    }, '没有标记成功，请再试一次')

  const returned = async () => {
    const file = await chooseSheet()
    if (!file) return
    await run(async () => {
      const res = await uploadReturnedPayments(file)
      return [`${file.name}：标记发放 ${res.paid} 人，之前已发放 ${res.unchanged} 人`, ...res.problems.map((p) => `第${p.row}行：${p.message}`)]
    }, '文件没有传上去，请再试一次')
  }

  const toggle = (id: number) =>
    setPicked((prev) => {
      const next = new Set(prev)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  return (
    <View>
      <SchemePicker value={scheme} onChange={setScheme} />
      <Text className='wb-card__line'>公示期满、还没发放的申请。下载的 Excel 有完整卡号，交财政局发放；每次下载都记入个人信息查看记录。</Text>
      <View className='wb-row'>
        <View {...asButton} className='wb-small-button payment-page__export' onClick={() => scheme && void download()}>
          <Text>下载发放表（Excel）</Text>
        </View>
        <View {...asButton} className='wb-small-button payment-page__returned' onClick={() => void returned()}>
          <Text>上传财政局退回的发放表</Text>
        </View>
      </View>
      {chooseSheetHint && <Text className='wb-card__line'>{chooseSheetHint}</Text>}
      {note && (
        <View role='status'>
          {note.lines.map((l, i) => (
            <Text key={i} className={note.ok && i === 0 ? 'wb-ok' : 'wb-message'}>
              {l}
            </Text>
          ))}
        </View>
      )}
      {scheme > 0 && (
        <StateView loading={list.loading} error={list.error} empty={items.length === 0} emptyText='没有等待发放的申请' emptyHint='公示期满后才能发放' savedAt={list.savedAt} onRetry={() => void list.refresh()}>
          {list.data && (
            <Text className='wb-card__title'>
              共 {items.length} 人，合计 {list.data.totalYuan} 元{list.data.missingAccounts ? `；${list.data.missingAccounts} 人还没有收钱的账户` : ''}
            </Text>
          )}
          {items.map((r) => (
            <View key={r.claimId} {...asButton} role='checkbox' aria-checked={picked.has(r.claimId) ? 'true' : 'false'} className={`wb-card payment-page__row ${picked.has(r.claimId) ? 'review-queue__item--picked' : ''}`} onClick={() => toggle(r.claimId)}>
              <Text className='wb-card__title'>
                {picked.has(r.claimId) ? '☑' : '☐'} {r.name} · {r.township}
                {r.village} · {r.scheme} {r.amountYuan}元
              </Text>
              <Text className={r.accountNumber ? 'wb-card__line' : 'wb-message'}>{r.accountNumber ? `${r.bankName ?? ''} ${r.accountNumber}` : '没有收钱的账户'}</Text>
            </View>
          ))}
          <FormField label='发放日期'>
            <Input className='form-field__input payment-page__paid-on' value={paidOn} maxlength={10} onInput={(e) => setPaidOn(e.detail.value.trim())} />
          </FormField>
          <View {...asButton} aria-disabled={picked.size === 0 ? 'true' : 'false'} className='wb-small-button payment-page__mark' onClick={() => picked.size > 0 && void markByHand()}>
            <Text>选中的 {picked.size} 人标记为已发放</Text>
          </View>
        </StateView>
      )}
    </View>
  )
}
