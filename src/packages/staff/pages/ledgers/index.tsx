import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { townships } from '@contract/me'
import type { StaffMember } from '@contract/staff'
import type { Township } from '@contract/places'
import {
  type AccountLedgerKind,
  accountLedgerKinds,
  isRosterLedgerKind,
  type LedgerKind,
  type LedgerRow,
  ledgerKindLabel,
  ledgerKinds,
  type RosterLedgerKind,
  rosterLedgerKinds,
  yesNoUnanswered,
} from '@contract/staff-ledgers'
import { registerQuery } from '@/features/roster/api/roster'
import { PeopleFilters } from '@/features/roster/components/people-filters'
import { RosterList } from '@/features/roster/components/roster-list'
import { filterFromParams, type RosterFilter } from '@/features/roster/lib/paths'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { StateView } from '@/components/state-view'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { exportLedgerCsv } from '@/features/staff/api/ledger-export'
import { errorText } from '@/features/staff/lib/paths'
import { useLedger } from '@/features/staff/api/staff-ledgers'


/**
 * 台账: the roster's registers (6+3, every person of the county, as of a day) and the older registers of app users;
 * filtered by place, destination and household kind, counted, and exported as CSV for Excel.
 */
export default function StaffLedgersPage() {
  const params = useRouter().params
  const asked = params.kind && (ledgerKinds as readonly string[]).includes(params.kind) ? (params.kind as LedgerKind) : null
  return <StaffShell title='台账'>{(staff) => <LedgerPicker staff={staff} asked={asked} filter={filterFromParams(params)} />}</StaffShell>
}

/** Which register: the roster's nine first (the county's whole labour force), then the app users' six. */
function LedgerPicker({ staff, asked, filter }: { staff: StaffMember; asked: LedgerKind | null; filter: RosterFilter }) {
  // Station staff mostly meet app users; officers keep the roster.
  const [kind, setKind] = useState<LedgerKind>(asked ?? (staff.role === 'station' ? 'all' : 'labour'))
  return (
    <View>
      <FormField label='劳动力台账（全县每一个劳动力）'>
        <Chips scroll value={isRosterLedgerKind(kind) ? kind : ''} onChange={(k) => k && setKind(k)} options={rosterLedgerKinds.map((k) => ({ value: k, label: ledgerKindLabel[k] }))} />
      </FormField>
      <FormField label='务工通用户台账（本人在务工通里填的）'>
        <Chips scroll value={isRosterLedgerKind(kind) ? '' : kind} onChange={(k) => k && setKind(k)} options={accountLedgerKinds.map((k) => ({ value: k, label: ledgerKindLabel[k] }))} />
      </FormField>
      {isRosterLedgerKind(kind) ? <RosterRegister key={kind} kind={kind} staff={staff} initial={filter} /> : <Ledgers key={kind} kind={kind} admin={staff.role === 'admin'} />}
    </View>
  )
}

function RosterRegister({ kind, staff, initial }: { kind: RosterLedgerKind; staff: StaffMember; initial: RosterFilter }) {
  const [filter, setFilter] = useState<RosterFilter>({ ...initial, kind })
  const [message, setMessage] = useState<string | null>(null)
  const officer = staff.role === 'township' || staff.role === 'village'
  const exportCsv = async () => {
    setMessage(null)
    try {
      setMessage(await exportLedgerCsv(kind, registerQuery(filter)))
    } catch (e) {
      setMessage(errorText(e, '导出没有成功，请稍后再试'))
    }
  }
  return (
    <View className='staff-ledgers'>
      <PeopleFilters filter={filter} onChange={(f) => setFilter({ ...f, kind })} fixedTownship={officer ? (staff.township as Township | null) : null} fixedVillage={staff.role === 'village'} withStatusAndName={false} />
      <Text className='wb-card__line'>
        {staff.role === 'station' ? '本站看到的是在本站所在城市务工、或由本站组织外出的人，电话中间四位已遮挡。' : '导出的台账含完整电话和身份证号，请妥善保管。'}每次导出都有记录。
      </Text>
      <BigButton className='staff-ledgers__export' onClick={() => void exportCsv()}>
        导出 Excel（CSV）
      </BigButton>
      {message && <Text className='wb-ok'>{message}</Text>}
      <RosterList filter={filter} />
    </View>
  )
}

function Ledgers({ kind, admin }: { kind: AccountLedgerKind; admin: boolean }) {
  const [township, setTownship] = useState<string>('')
  const [destination, setDestination] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const query = { ...(township ? { township: township as (typeof townships)[number] } : {}), ...(destination.trim() ? { destination: destination.trim() } : {}) }
  const { data, error, loading, refresh, savedAt } = useLedger(kind, query)
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
      <StateView loading={loading} error={error} empty={data?.count === 0} emptyText='没有符合条件的人' savedAt={savedAt} onRetry={() => void refresh()}>
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
