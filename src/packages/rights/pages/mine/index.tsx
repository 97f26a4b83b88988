import { View } from '@tarojs/components'
import { useOutboxEntries } from '@/api'
import Taro, { useReachBottom } from '@tarojs/taro'
import { rightsCategoryLabel } from '@contract/rights'
import { ListFooter } from '@/components/list-footer'
import { ListRow } from '@/components/list-row'
import { OutboxBanner } from '@/components/outbox-banner'
import { SavedNote } from '@/components/saved-note'
import { StateView } from '@/components/state-view'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { useSession } from '@/features/account/session'
import { useMyRightsRequests } from '@/features/rights/api/rights-requests'
import { WaitingRequests } from '@/features/rights/components/waiting-requests'
import { chinaTime, statusLine } from '@/features/rights/lib/format'
import { PageRoot } from '@/components/page-root'
import './index.scss'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'

function MyRequests() {
  const list = useMyRightsRequests()
  const waiting = useOutboxEntries().some((e) => e.name === 'createRightsRequest')
  useRefreshOnReturn(list.refresh)
  useReachBottom(() => void list.loadMore())
  return (
    <>
    {/* Sent while this page is open: the list fetched again shows the real case, with its number, in its place. */}
    <WaitingRequests onSent={() => void list.refresh()} />
    {!list.loading && <SavedNote savedAt={list.savedAt} onRetry={() => void list.refresh()} />}
    <StateView
      loading={list.loading}
      error={list.items.length ? null : list.error}
      empty={list.items.length === 0 && !waiting}
      emptyText='您还没有求助过'
      emptyHint='遇到欠薪、工伤、合同的事，可以在“维权”里求助'
      onRetry={() => void list.refresh()}
    >
      <View className='rights-rows'>
        {list.items.map((c) => (
          <ListRow
            key={c.trackingNo}
            title={`${rightsCategoryLabel[c.category]} · ${c.callbackOnly ? '只留电话，请回电' : c.employerName}`}
            note={`${c.trackingNo} · ${chinaTime(c.submittedAt)}提交`}
            value={statusLine(c)}
            onClick={() => void Taro.navigateTo({ url: `/packages/rights/pages/case/index?trackingNo=${c.trackingNo}` })}
          />
        ))}
      </View>
      <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
    </StateView>
    </>
  )
}

/** 我的求助: every case of mine and where it stands. */
export default function MyRightsRequestsPage() {
  const session = useSession()
  return (
    <PageRoot>
      <OutboxBanner />
      <StateView loading={session.loading} error={null}>
        {/* No network to check the session (error): the token is still there, so show the saved copy. */}
        {session.signedIn || session.error ? (
          <MyRequests />
        ) : (
          <SignInPrompt reason='登录后能看到您提交过的求助和办理进度。' redirect='/packages/rights/pages/mine/index' />
        )}
      </StateView>
    </PageRoot>
  )
}
