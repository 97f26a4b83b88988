import { Text, View } from '@tarojs/components'
import type { Person } from '@contract/roster'
import type { RosterLedgerKind } from '@contract/staff-ledgers'
import { ledgerKindLabel } from '@contract/staff-ledgers'
import { ListFooter } from '@/components/list-footer'
import { StateView } from '@/components/state-view'
import { asLink } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { usePeopleList, useRegisterList, type RosterListState } from '../../api/roster'
import { count, placeLine, statusLine, whoLine } from '../../lib/describe'
import { rosterPaths, type RosterFilter } from '../../lib/paths'
import '../roster.scss'

/** A person as a big row to tap: name, place, who they are, where they stand; opens their page. */
export function PersonRow({ person: p }: { person: Person }) {
  return (
    <View {...asLink} className='roster-row wb-card' onClick={() => openPage(rosterPaths.person(p.id))}>
      <Text className='roster-row__name'>{p.name} ›</Text>
      <Text className='roster-row__line'>{placeLine(p)}</Text>
      <Text className='roster-row__line'>{whoLine(p)}</Text>
      <Text className='roster-row__line'>{statusLine(p)}</Text>
      {p.phone && <Text className='roster-row__line'>电话 {p.phone}</Text>}
    </View>
  )
}

function Rows({ state, asOf }: { state: RosterListState; asOf?: string }) {
  return (
    <StateView loading={state.loading} error={state.error} empty={state.people.length === 0} emptyText='没有符合条件的人' savedAt={state.savedAt} onRetry={() => void state.refresh()}>
      {state.total !== null && (
        <Text className='roster-count' aria-live='polite'>
          共 {count(state.total)} 人{state.asOf || asOf ? `（截至 ${state.asOf ?? asOf}）` : ''}
        </Text>
      )}
      <View className='wb-table'>
        {state.people.map((p) => (
          <PersonRow key={p.id} person={p} />
        ))}
      </View>
      <ListFooter count={state.total ?? state.people.length} hasMore={state.hasMore} loadingMore={state.loadingMore} onLoadMore={() => void state.loadMore()} />
    </StateView>
  )
}

function PeopleRows({ filter }: { filter: RosterFilter }) {
  return <Rows state={usePeopleList(filter)} asOf={filter.asOf} />
}

function RegisterRows({ kind, filter }: { kind: RosterLedgerKind; filter: RosterFilter }) {
  return <Rows state={useRegisterList(kind, filter)} asOf={filter.asOf} />
}

/** The roster narrowed by `filter`: the register it names, or everyone it matches; a count, and more on demand. */
export function RosterList({ filter }: { filter: RosterFilter }) {
  return filter.kind ? <RegisterRows kind={filter.kind} filter={filter} /> : <PeopleRows filter={filter} />
}

/** 外出务工 · 江苏省 · 洛门镇: what a register filter says, for the line above its list. */
export function registerTitle(f: RosterFilter): string {
  return [f.kind ? ledgerKindLabel[f.kind] : null, f.destination, f.township].filter(Boolean).join(' · ')
}
