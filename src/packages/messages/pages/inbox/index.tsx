import { View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import type { InboxMessage } from '@contract/notifications'
import { BigButton } from '@/components/big-button'
import { ListFooter } from '@/components/list-footer'
import { PageRoot } from '@/components/page-root'
import { SavedNote } from '@/components/saved-note'
import { StateView } from '@/components/state-view'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { useSession } from '@/features/account/session'
import { markAllRead, markRead, useMyMessages } from '@/features/messages/api/messages'
import { MessageRow } from '@/features/messages/components/message-row'
import { openPage } from '@/lib/navigate'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'
import './index.scss'

function Inbox() {
  const list = useMyMessages()
  // Read marks made here show at once, before the list is fetched again.
  const [readHere, setReadHere] = useState<Set<number>>(new Set())
  useRefreshOnReturn(list.refresh)
  useReachBottom(() => void list.loadMore())
  const items = list.items.map((m) => (readHere.has(m.id) ? { ...m, read: true } : m))
  const anyUnread = items.some((m) => !m.read)

  const open = (m: InboxMessage) => {
    if (!m.read) {
      setReadHere((s) => new Set(s).add(m.id))
      // Offline the mark is simply made next time: the message itself still opens.
      void markRead([m.id]).catch(() => undefined)
    }
    if (m.link) openPage(m.link)
  }
  const allRead = () => {
    setReadHere(new Set(items.map((m) => m.id)))
    void markAllRead().catch(() => undefined)
  }

  return (
    <>
      {!list.loading && <SavedNote savedAt={list.savedAt} onRetry={() => void list.refresh()} />}
      <StateView
        loading={list.loading}
        error={items.length ? null : list.error}
        empty={items.length === 0}
        emptyText='还没有消息'
        emptyHint='求助有进展、报名有结果、专车有变动，都会在这里告诉您'
        onRetry={() => void list.refresh()}
      >
        {anyUnread && (
          <BigButton variant='secondary' className='inbox-all-read' onClick={allRead}>
            全部标为已读
          </BigButton>
        )}
        <View className='inbox-rows'>
          {items.map((m) => (
            <MessageRow key={m.id} message={m} onOpen={open} />
          ))}
        </View>
        <ListFooter count={items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
      </StateView>
    </>
  )
}

/** 消息: what happened to my cases, applications, courses and rides, newest first. */
export default function InboxPage() {
  const session = useSession()
  return (
    <PageRoot>
      <StateView loading={session.loading} error={null}>
        {/* No network to check the session: the token is still there, so show the saved copy. */}
        {session.signedIn || session.error ? <Inbox /> : <SignInPrompt reason='登录后能看到给您的消息。' redirect='/packages/messages/pages/inbox/index' />}
      </StateView>
    </PageRoot>
  )
}
