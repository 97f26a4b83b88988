import { useState } from 'react'
import { Text } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { isApiError } from '@/api'
import type { JobApplication } from '@contract'
import { Dialog } from '@/components/dialog'
import { ListFooter } from '@/components/list-footer'
import { StateView } from '@/components/state-view'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { isWorkerSignedIn } from '@/features/account/session'
import { useMyApplications, withdraw as withdrawFrom } from '@/features/jobs/api/applications'
import { ApplicationCard } from '@/features/jobs/components/application-card'
import { PageRoot } from '@/components/page-root'
import { showNotice } from '@/lib/notice'
import './index.scss'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'

/** 我的报名: every posting I applied to, where each stands, and 取消报名. */
export default function MyApplicationsPage() {
  const [signedIn, setSignedIn] = useState(isWorkerSignedIn)
  const list = useMyApplications()
  const [withdrawing, setWithdrawing] = useState<JobApplication | null>(null)
  const [busy, setBusy] = useState(false)

  useDidShow(() => setSignedIn(isWorkerSignedIn()))
  useRefreshOnReturn(list.refresh, isWorkerSignedIn)
  useReachBottom(() => {
    if (list.hasMore && !list.error) void list.loadMore()
  })

  const withdraw = async () => {
    if (!withdrawing) return
    setBusy(true)
    try {
      await withdrawFrom(withdrawing.id)
      showNotice('已取消报名')
    } catch (e) {
      showNotice(isApiError(e) ? e.message : '没有取消成功，请再试一次')
    } finally {
      setBusy(false)
      setWithdrawing(null)
      await list.refresh()
    }
  }

  const signedOut = !signedIn || (isApiError(list.error) && list.error.status === 401)
  if (signedOut) {
    return (
      <PageRoot className='my-applications'>
        <SignInPrompt title='我的报名' reason='登录后才能看到您的报名，和工作站有没有联系您。' redirect='/packages/jobs/pages/applications/index' />
      </PageRoot>
    )
  }

  return (
    <PageRoot className='my-applications'>
      <StateView
        loading={list.loading}
        error={list.items.length === 0 ? list.error : null}
        empty={list.items.length === 0}
        emptyText='您还没有报名'
        emptyHint='在“找工作”里选一个合适的岗位，点“我要报名”'
        onRetry={() => void list.refresh()}
      >
        {list.items.map((a) => (
          <ApplicationCard
            key={a.id}
            application={a}
            onOpen={(jobId) => void Taro.navigateTo({ url: `/packages/jobs/pages/detail/index?id=${jobId}` })}
            onWithdraw={setWithdrawing}
          />
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
      </StateView>
      <Dialog
        open={withdrawing !== null}
        title='取消报名'
        confirmText='确认取消'
        cancelText='不取消'
        danger
        busy={busy}
        onConfirm={() => void withdraw()}
        onCancel={() => setWithdrawing(null)}
      >
        <Text className='my-applications__text'>确定不去“{withdrawing?.job.title}”了吗？取消后工作站就不会再为这次报名打电话。</Text>
      </Dialog>
    </PageRoot>
  )
}
