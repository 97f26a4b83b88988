import { View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import type { InboxMessage } from '@contract/notifications'
import { BigButton } from '@/components/big-button'
import { ListFooter } from '@/components/list-footer'
import { StateView } from '@/components/state-view'
import { MessageRow } from '@/features/messages/components/message-row'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { markAlertsRead, markAllAlertsRead, useStaffAlerts } from '@/features/staff/api/staff-alerts'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'
import { openPage } from '@/lib/navigate'
import './index.scss'

/** 提醒: what needs the staff member's attention, newest first; each opens the case, batch or person it is about. */
export default function StaffAlertsPage() {
  return <StaffShell title='提醒'>{() => <Alerts />}</StaffShell>
}

function Alerts() {
  const list = useStaffAlerts()
  // Read marks made here show at once, before the list is fetched again.
  const [readHere, setReadHere] = useState<Set<number>>(new Set())
  useRefreshOnReturn(list.refresh)
  useReachBottom(() => void list.loadMore())
  const items = list.items.map((m) => (readHere.has(m.id) ? { ...m, read: true } : m))

  const open = (m: InboxMessage) => {
    if (!m.read) {
      setReadHere((s) => new Set(s).add(m.id))
      // A mark that fails is made the next time it is opened; the page it is about still opens.
      void markAlertsRead([m.id]).catch(() => undefined)
    }
    if (m.link) openPage(m.link)
  }
  const allRead = () => {
    setReadHere(new Set(items.map((m) => m.id)))
    void markAllAlertsRead().catch(() => undefined)
  }

  return (
    <StateView
      loading={list.loading}
      error={items.length ? null : list.error}
      empty={items.length === 0}
      emptyText='还没有提醒'
      emptyHint='新的求助、快超时的求助、新的报名、快满或报不满的专车、风险名单上的新人、待确认的登记，都会在这里提醒您'
      savedAt={list.savedAt}
      onRetry={() => void list.refresh()}
    >
      {items.some((m) => !m.read) && (
        <BigButton variant='secondary' className='staff-alerts__all-read' onClick={allRead}>
          全部标为已读
        </BigButton>
      )}
      <View className='staff-alerts__rows'>
        {items.map((m) => (
          <MessageRow key={m.id} message={m} onOpen={open} />
        ))}
      </View>
      <ListFooter count={items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
    </StateView>
  )
}
