import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { isApiError, newIdempotencyKey } from '@/api'
import type { JobSummary } from '@contract/jobs'
import { chinaDate } from '@contract/format'
import { countySeat } from '@contract/local-jobs'
import { type Township, townships } from '@contract/places'
import { Chips } from '@/components/chips'
import { ListFooter } from '@/components/list-footer'
import { ListRow } from '@/components/list-row'
import { PageRoot } from '@/components/page-root'
import { SavedNote } from '@/components/saved-note'
import { StateView } from '@/components/state-view'
import { requireSignIn } from '@/features/account/require-sign-in'
import { useSession } from '@/features/account/session'
import { type LocalAsks, signUpForDay, useLocalJobs } from '@/features/jobs/api/local-jobs'
import { LocalJobCard } from '@/features/jobs/components/local-job-card'
import { openPage } from '@/lib/navigate'
import { asButton } from '@/lib/a11y'
import { showNotice } from '@/lib/notice'
import '@/components/chips/index.scss'
import './index.scss'

const here = '/packages/jobs/pages/local/index'
const openJob = (id: number) => openPage(`/packages/jobs/pages/detail/index?id=${id}`)

/** The three questions workers ask first, each one big chip that stays on until tapped again. */
const askChips: { key: keyof LocalAsks; label: string }[] = [
  { key: 'meals', label: '包吃' },
  { key: 'housing', label: '包住' },
  { key: 'daily', label: '日结' },
]

/**
 * 家门口就业: 帮扶车间, 公益性岗位 and 零工 inside the county, in big words. Today's 零工 first, then nearest from the
 * township the worker picks (their hometown when known, else the county seat). A 零工 day is signed up in one tap.
 */
export default function LocalJobsPage() {
  const { me } = useSession()
  const [picked, setPicked] = useState<Township | null>(null)
  const township = picked ?? me?.hometownTownship ?? null
  const [asks, setAsks] = useState<LocalAsks>({})
  const list = useLocalJobs(township, asks)
  const asking = Boolean(asks.meals || asks.housing || asks.daily)
  const [signed, setSigned] = useState<Record<number, 'sent' | 'queued'>>({})
  const [busy, setBusy] = useState<number | null>(null)
  // One key per day: a second tap and the outbox's resend are the same sign-up to the server.
  const keys = useRef(new Map<number, string>())
  const today = chinaDate(new Date())

  useReachBottom(() => {
    if (list.hasMore && !list.error) void list.loadMore()
  })
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })

  const signUp = async (job: JobSummary) => {
    const day = job.day
    if (!day || !requireSignIn(here)) return
    const key = keys.current.get(day.id) ?? newIdempotencyKey()
    keys.current.set(day.id, key)
    setBusy(day.id)
    try {
      const result = await signUpForDay(day.id, job.title, key)
      setSigned((s) => ({ ...s, [day.id]: result.queued ? 'queued' : 'sent' }))
      showNotice(result.queued ? '已保存在手机上，有网络后自动报名' : '报名成功，到时按时去')
    } catch (e) {
      keys.current.delete(day.id)
      if (isApiError(e) && e.status === 401) requireSignIn(here)
      else showNotice(isApiError(e) ? e.message : '报名没有成功，请再试一次')
      if (isApiError(e) && e.status === 409) await list.refresh()
    } finally {
      setBusy(null)
    }
  }

  return (
    <PageRoot className='local-jobs'>
      <Text className='local-jobs__title'>家门口就业</Text>
      <Text className='local-jobs__hint'>县里的帮扶车间、公益性岗位和零工，离家近，不用出远门。</Text>
      <ListRow title='直播带岗' note='县里在抖音、快手上直播招工，看直播就能报名' onClick={() => openPage('/packages/jobs/pages/live/index')} />
      <Text className='local-jobs__ask'>您在哪个乡镇？</Text>
      <View className='local-jobs__townships'>
        <Chips<Township> scroll value={township ?? countySeat} onChange={setPicked} options={townships.map((t) => ({ value: t, label: t }))} />
      </View>
      <Text className='local-jobs__ask'>要哪些？点一下选上，再点一下取消</Text>
      <View className='chips local-jobs__asks'>
        {askChips.map((c) => {
          const on = Boolean(asks[c.key])
          return (
            <View
              key={c.key}
              {...asButton}
              aria-pressed={on ? 'true' : 'false'}
              className={`chip local-jobs__ask-chip ${on ? 'chip--selected' : ''}`}
              onClick={() => setAsks((a) => ({ ...a, [c.key]: !a[c.key] }))}
            >
              <Text>{c.label}</Text>
            </View>
          )
        })}
      </View>
      <StateView
        loading={list.loading}
        error={list.items.length === 0 ? list.error : null}
        empty={list.items.length === 0}
        emptyText={asking ? '附近暂时没有这样的活' : '附近暂时没有活'}
        emptyHint={asking ? '少选一项再看看，或者打电话问县劳务输转服务中心' : '过几天再来看看，或者打电话问县劳务输转服务中心'}
        onRetry={() => void list.refresh()}
      >
        <SavedNote savedAt={list.savedAt} onRetry={() => void list.refresh()} />
        {list.items.map((job) => (
          <LocalJobCard
            key={job.id}
            job={job}
            today={today}
            from={township ?? countySeat}
            signedUp={job.day ? signed[job.day.id] : undefined}
            busy={job.day ? busy === job.day.id : false}
            onOpen={openJob}
            onSignUp={(j) => void signUp(j)}
          />
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
      </StateView>
    </PageRoot>
  )
}
