import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { townships } from '@contract/me'
import { type AccountLedgerKind, accountLedgerKinds, isRosterLedgerKind, type LedgerRow, ledgerKindLabel, yesNoUnanswered } from '@contract/staff-ledgers'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { StateView } from '@/components/state-view'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { exportLedgerCsv } from '@/features/staff/api/ledger-export'
import { errorText } from '@/features/staff/lib/paths'
import { useLedger } from '@/features/staff/api/staff-ledgers'


/** 台账: one register per kind, filtered by township and destination; exported as CSV for Excel. */
export default function StaffLedgersPage() {
  return <StaffShell title='台账'>{(staff) => <Ledgers admin={staff.role === 'admin'} />}</StaffShell>
}

function Ledgers({ admin }: { admin: boolean }) {
  const [kind, setKind] = useState<AccountLedgerKind>('all')
  const [township, setTownship] = useState<string>('')
  const [destination, setDestination] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const query = { ...(township ? { township: township as (typeof townships)[number] } : {}), ...(destination.trim() ? { destination: destination.trim() } : {}) }
  const { data, error, loading, refresh } = useLedger(kind, query)
  // This page lists the account registers; the roster's answer people, not accounts.
  const rows: LedgerRow[] = data && !isRosterLedgerKind(data.kind) ? (data.items as LedgerRow[]) : []

  const exportCsv = async () => {
    setMessage(null)
    try {
      setMessage(await exportLedgerCsv(kind, query))
    } catch (e) {
      setMessage(errorText(e, '导出没有成功，请稍后再试'))
    }
  }

  return (
    <View className='staff-ledgers'>
      <Chips scroll value={kind} onChange={setKind} options={accountLedgerKinds.map((k) => ({ value: k, label: ledgerKindLabel[k] }))} />
      <Chips scroll value={township} onChange={setTownship} options={[{ value: '', label: '全部乡镇' }, ...townships.map((t) => ({ value: t, label: t }))]} />
      <FormField label='务工地' hint='写城市或省份，例如 昆山市、江苏省'>
        <Input className='form-field__input staff-ledgers__destination' value={destination} maxlength={20} onInput={(e) => setDestination(e.detail.value)} />
      </FormField>
      <Text className='wb-card__line'>
        {admin ? '县级管理员导出的台账含完整电话。' : '本站看到的是在本站报名或求助过的务工人员，电话中间四位已遮挡。'}每次导出都有记录。
      </Text>
      <BigButton className='staff-ledgers__export' onClick={() => void exportCsv()}>
        导出 Excel（CSV）
      </BigButton>
      {message && <Text className='wb-ok'>{message}</Text>}
      <StateView loading={loading} error={error} empty={data?.count === 0} emptyText='没有符合条件的人' onRetry={() => void refresh()}>
        {data && <Text className='wb-card__title staff-ledgers__count'>共 {data.count} 人</Text>}
        <View className='wb-table' style={{ '--wb-columns': '1fr 1.2fr 1fr 1.5fr 1fr 1fr' } as React.CSSProperties}>
          <View className='wb-table__head'>
            <Text>姓名</Text>
            <Text>电话</Text>
            <Text>乡镇</Text>
            <Text>工种</Text>
            <Text>务工地</Text>
            <Text>外出 / 脱贫户</Text>
          </View>
          {rows.map((r) => (
            <View key={r.userId} className='wb-card'>
              <Text className='wb-card__title'>{r.name ?? '（未填姓名）'}</Text>
              <Text className='wb-card__line'>{r.phone}</Text>
              <Text className='wb-card__line'>{r.hometownTownship ?? ''}{r.hometownVillage ?? ''}</Text>
              <Text className='wb-card__line'>{r.trades.join('、')}</Text>
              <Text className='wb-card__line'>{r.currentCity ?? ''}</Text>
              <Text className='wb-card__line'>外出 {yesNoUnanswered(r.workingAway)} · 脱贫户 {yesNoUnanswered(r.povertyAlleviated)}</Text>
            </View>
          ))}
        </View>
      </StateView>
    </View>
  )
}
