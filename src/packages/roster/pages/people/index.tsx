import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { StaffMember } from '@contract/staff'
import type { Township } from '@contract/places'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { openPage } from '@/lib/navigate'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { PeopleFilters } from '@/features/roster/components/people-filters'
import { registerTitle, RosterList } from '@/features/roster/components/roster-list'
import { filterFromParams, rosterPaths, type RosterFilter } from '@/features/roster/lib/paths'

/**
 * 劳动力台账: the county's people, filtered and searched, a page at a time with the count, as of a day. Opened from a
 * figure it lists that figure's register (外出务工 · 江苏省) exactly, until the officer widens it.
 */
export default function RosterPeoplePage() {
  const params = useRouter().params
  return <StaffShell title='劳动力台账'>{(staff) => <People staff={staff} initial={filterFromParams(params)} />}</StaffShell>
}

function People({ staff, initial }: { staff: StaffMember; initial: RosterFilter }) {
  const [filter, setFilter] = useState<RosterFilter>(initial)
  const officer = staff.role === 'township' || staff.role === 'village'
  const canAdd = officer || staff.role === 'admin'
  return (
    <View className='roster-people'>
      {canAdd && (
        <BigButton className='roster-people__add' onClick={() => openPage(rosterPaths.newPerson())}>
          新增（一户或一人）
        </BigButton>
      )}
      {(staff.role === 'township' || staff.role === 'admin') && (
        <BigButton variant='secondary' className='roster-people__import' onClick={() => openPage(rosterPaths.import)}>
          从 Excel 导入台账
        </BigButton>
      )}
      {filter.kind && (
        <View className='roster-register'>
          <Text>正在看：{registerTitle(filter)}</Text>
          <Chips value='register' onChange={() => setFilter({ ...filter, kind: undefined })} options={[{ value: 'register', label: '只看这些人' }, { value: 'everyone', label: '看全部劳动力' }]} />
        </View>
      )}
      <PeopleFilters
        filter={filter}
        onChange={setFilter}
        fixedTownship={officer ? (staff.township as Township | null) : null}
        fixedVillage={staff.role === 'village'}
        withStatusAndName={!filter.kind}
      />
      {staff.role === 'station' && <Text className='wb-card__line'>本站看到的是在本站所在城市务工、或由本站组织外出的人，只能查看。</Text>}
      <RosterList filter={filter} />
    </View>
  )
}
