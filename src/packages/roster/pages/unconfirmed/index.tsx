import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { isApiError, newIdempotencyKey } from '@/api'
import type { Person } from '@contract/roster'
import type { UnconfirmedPerson } from '@contract/roster-follow-up'
import { BigButton } from '@/components/big-button'
import { ListFooter } from '@/components/list-footer'
import { StateView } from '@/components/state-view'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { confirmPerson, mergePerson, useUnconfirmedPeople } from '@/features/roster/api/follow-up'
import { count, placeLine, statusLine, whoLine } from '@/features/roster/lib/describe'
import '@/features/roster/components/roster.scss'

/**
 * 待确认: people who registered themselves in the app and match no record. The officer confirms them as new, or
 * merges them into the record the county already has (same township, same name).
 */
export default function RosterUnconfirmedPage() {
  return <StaffShell title='待确认'>{() => <Unconfirmed />}</StaffShell>
}

function Unconfirmed() {
  const list = useUnconfirmedPeople()
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null)
  const total = list.firstPage?.total ?? null
  const done = (text: string) => {
    setMessage({ text, ok: true })
    void list.refresh()
  }
  return (
    <View className='roster-unconfirmed'>
      <Text className='wb-card__line'>这些人是自己在务工通里登记的，台账里没找到。是新的人就点“确认”；台账里已经有他，就合并到那条记录。</Text>
      {message && (
        <Text className={message.ok ? 'wb-ok' : 'wb-message'} aria-live='polite'>
          {message.text}
        </Text>
      )}
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText='没有要确认的人' savedAt={list.savedAt} onRetry={() => void list.refresh()}>
        {total !== null && (
          <Text className='roster-count' aria-live='polite'>
            共 {count(total)} 人待确认
          </Text>
        )}
        {list.items.map((u) => (
          <UnconfirmedCard key={u.person.id} item={u} onDone={done} onFailed={(text) => setMessage({ text, ok: false })} />
        ))}
        <ListFooter count={total ?? list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
      </StateView>
    </View>
  )
}

const candidateLine = (c: Person) => `${c.name}（${[placeLine(c), whoLine(c)].join(' · ')}）`

function UnconfirmedCard({ item: { person: p, candidates }, onDone, onFailed }: { item: UnconfirmedPerson; onDone: (text: string) => void; onFailed: (text: string) => void }) {
  const [busy, setBusy] = useState(false)
  // One key per person and choice: a repeat after a lost answer changes nothing.
  const keys = useRef(new Map<string, string>())
  const keyFor = (what: string) => {
    if (!keys.current.has(what)) keys.current.set(what, newIdempotencyKey())
    return keys.current.get(what)!
  }
  const act = async (run: () => Promise<unknown>, text: string) => {
    if (busy) return
    setBusy(true)
    try {
      await run()
      onDone(text)
    } catch (e) {
      onFailed(isApiError(e) ? e.message : '没有成功，请再试一次')
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='roster-row wb-card'>
      <Text className='roster-row__name'>{p.name}</Text>
      <Text className='roster-row__line'>{placeLine(p)}</Text>
      <Text className='roster-row__line'>{whoLine(p)}</Text>
      <Text className='roster-row__line'>{statusLine(p)}</Text>
      {p.phone && <Text className='roster-row__line'>电话 {p.phone}</Text>}
      <BigButton className='roster-unconfirmed__confirm' disabled={busy} onClick={() => void act(() => confirmPerson(p.id, keyFor('confirm')), `${p.name} 已确认，记进了台账`)}>
        确认（是新的人）
      </BigButton>
      {candidates.length > 0 && <Text className='roster-row__line'>台账里同乡镇同名的人：</Text>}
      {candidates.map((c) => (
        <BigButton
          key={c.id}
          variant='secondary'
          disabled={busy}
          onClick={() => void act(() => mergePerson(p.id, c.id, keyFor(`merge-${c.id}`)), `已合并到 ${c.name} 的记录`)}
        >
          合并到 {candidateLine(c)}
        </BigButton>
      ))}
    </View>
  )
}
