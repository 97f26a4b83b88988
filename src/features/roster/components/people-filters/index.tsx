import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { personStatuses, personStatusLabel, povertyStatuses, povertyStatusLabel } from '@contract/roster'
import { provinces } from '@contract/rights'
import { townships, type Township } from '@contract/places'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { SearchBox } from '@/components/search-box'
import { useVillages } from '../../api/roster'
import { isDateText, type RosterFilter } from '../../lib/paths'
import '../roster.scss'

interface Props {
  filter: RosterFilter
  onChange: (next: RosterFilter) => void
  /** The officer's own township (or village): the list cannot leave it, so there is no choice to offer. */
  fixedTownship?: Township | null
  fixedVillage?: boolean
  /** Name search and status: the whole roster has them; a register (外出务工 …) is already a status and takes no name. */
  withStatusAndName?: boolean
}

const all = ''

/** The filters above a roster list: place, status, household kind, destination, a name, and the day it is read as of. */
export function PeopleFilters({ filter: f, onChange, fixedTownship, fixedVillage, withStatusAndName = true }: Props) {
  const township = fixedTownship ?? f.township
  const villages = useVillages(township, !fixedVillage)
  const [asOfText, setAsOfText] = useState(f.asOf ?? '')
  const set = (patch: Partial<RosterFilter>) => onChange({ ...f, ...patch })

  return (
    <View className='roster-filters'>
      {withStatusAndName && <SearchBox initial={f.q ?? ''} placeholder='按姓名找，例如 王小明' label='按姓名找' onSearch={(q) => set({ q: q || undefined })} />}
      {!fixedTownship && (
        <FormField label='乡镇'>
          <Chips
            scroll
            value={f.township ?? all}
            onChange={(v) => set({ township: (v || undefined) as Township | undefined, villageId: undefined })}
            options={[{ value: all, label: '全部乡镇' }, ...townships.map((t) => ({ value: t, label: t }))]}
          />
        </FormField>
      )}
      {!fixedVillage && township && villages.data && (
        <FormField label='村'>
          <Chips
            scroll
            value={f.villageId ? String(f.villageId) : all}
            onChange={(v) => set({ villageId: v ? Number(v) : undefined })}
            options={[{ value: all, label: '全部村' }, ...villages.data.items.map((v) => ({ value: String(v.id), label: v.name }))]}
          />
        </FormField>
      )}
      {withStatusAndName && (
        <FormField label='目前状态'>
          <Chips
            scroll
            value={f.status ?? all}
            onChange={(v) => set({ status: (v || undefined) as RosterFilter['status'] })}
            options={[{ value: all, label: '全部状态' }, ...personStatuses.map((s) => ({ value: s, label: personStatusLabel[s] }))]}
          />
        </FormField>
      )}
      <FormField label='户类别'>
        <Chips
          value={f.poverty ?? all}
          onChange={(v) => set({ poverty: (v || undefined) as RosterFilter['poverty'] })}
          options={[{ value: all, label: '全部' }, ...povertyStatuses.map((s) => ({ value: s, label: povertyStatusLabel[s] }))]}
        />
      </FormField>
      <FormField label='去向省份'>
        <Chips
          scroll
          value={f.destination ?? all}
          onChange={(v) => set({ destination: v || undefined })}
          options={[{ value: all, label: '全部去向' }, ...(f.destination && !(provinces as readonly string[]).includes(f.destination) ? [{ value: f.destination, label: f.destination }] : []), ...provinces.map((p) => ({ value: p, label: p }))]}
        />
      </FormField>
      <FormField label='截至哪天' hint='格式 2026-06-30；不填就是今天。填了就按那天结束时的台账看。'>
        <Input
          className='form-field__input roster-filters__as-of'
          value={asOfText}
          maxlength={10}
          aria-label='截至哪天'
          onInput={(e) => {
            const v = e.detail.value.trim()
            setAsOfText(v)
            if (v === '' || isDateText(v)) set({ asOf: v || undefined })
          }}
        />
      </FormField>
      {asOfText !== '' && !isDateText(asOfText) && <Text className='wb-message'>日期请按 2026-06-30 的格式填写</Text>}
    </View>
  )
}
