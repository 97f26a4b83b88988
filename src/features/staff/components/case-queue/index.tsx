import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { chinaDateTime, timeLeft } from '@contract/format'
import { rightsAcceptWithinHours, rightsCategories, rightsCategoryLabel, type RightsCategory, rightsStatuses, type RightsStatus } from '@contract/rights'
import type { RightsRequestSummary } from '@contract/rights-case'
import { Chips } from '@/components/chips'
import { ListFooter } from '@/components/list-footer'
import { SearchBox } from '@/components/search-box'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { staffPaths } from '../../lib/paths'
import { CaseStatus, caseStatusShort } from '../case-status'
import './index.scss'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'
import { useCaseQueue } from '../../api/staff-cases'

/** The queue's views; the home figure tiles open one of them. */
export const caseQueueViews = ['all', 'open', 'overdue', 'mine'] as const
export type CaseQueueView = (typeof caseQueueViews)[number] | RightsStatus

const viewLabel: Record<(typeof caseQueueViews)[number], string> = { all: '全部', open: '在办', overdue: '超时未受理', mine: '我负责的' }

export const isCaseQueueView = (v: string | undefined): v is CaseQueueView =>
  v !== undefined && ((caseQueueViews as readonly string[]).includes(v) || (rightsStatuses as readonly string[]).includes(v))

function queryOf(view: CaseQueueView) {
  if (view === 'all') return {}
  if (view === 'open') return { open: 'true' as const }
  if (view === 'overdue') return { overdue: 'true' as const }
  if (view === 'mine') return { mine: 'true' as const }
  return { status: view }
}

const HOUR_MS = 60 * 60 * 1000

/** Time left to the 24-hour acceptance, for a case still waiting: 还剩3小时 / 已超时2小时. */
export function acceptanceLeft(c: Pick<RightsRequestSummary, 'status' | 'submittedAt'>, now: Date): { overdue: boolean; text: string } | null {
  if (c.status !== 'submitted') return null
  return timeLeft(new Date(Date.parse(c.submittedAt) + rightsAcceptWithinHours * HOUR_MS).toISOString(), now)
}

/**
 * The officer's queue: overdue and oldest-waiting first (the server's order), time left to accept on each row,
 * search by tracking number, phone's last four digits or employer, and views. A dense table on a desk, cards on a phone.
 */
export function CaseQueue({ initialView = 'all' }: { initialView?: CaseQueueView }) {
  const [view, setView] = useState<CaseQueueView>(initialView)
  const [category, setCategory] = useState<RightsCategory | 'all'>('all')
  const [q, setQ] = useState('')
  const query = { ...queryOf(view), ...(category !== 'all' ? { category } : {}), ...(q ? { q } : {}) }
  const list = useCaseQueue(query)
  useRefreshOnReturn(list.refresh)
  const now = new Date()

  return (
    <View className='case-queue'>
      <SearchBox placeholder='编号、手机尾号4位或单位名' label='搜索求助' onSearch={setQ} />
      <Chips
        scroll
        value={view}
        onChange={setView}
        options={[...caseQueueViews.map((v) => ({ value: v, label: viewLabel[v] })), ...rightsStatuses.map((s) => ({ value: s, label: caseStatusShort[s] }))]}
      />
      <Chips scroll value={category} onChange={setCategory} options={[{ value: 'all', label: '全部类别' }, ...rightsCategories.map((c) => ({ value: c, label: rightsCategoryLabel[c] }))]} />
      <StateView
        loading={list.loading}
        error={list.error}
        empty={list.items.length === 0}
        emptyText={q ? `没有找到“${q}”，可以换编号、手机尾号或单位名再搜` : '没有符合条件的求助'}
        savedAt={list.savedAt}
        onRetry={() => void list.refresh()}
      >
        <View className='wb-table case-queue__table'>
          <View className='wb-table__head case-queue__row'>
            <Text>编号</Text>
            <Text>状态</Text>
            <Text>受理时限</Text>
            <Text>类别</Text>
            <Text>单位 · 城市</Text>
            <Text>负责人</Text>
            <Text>提交时间</Text>
          </View>
          {list.items.map((c) => {
            const left = acceptanceLeft(c, now)
            const late = c.overdue || left?.overdue === true
            return (
              <View
                key={c.trackingNo}
                {...asButton}
               
                className={`wb-card case-queue__row case-queue__item ${late ? 'wb-card--warn' : ''}`}
                onClick={() => openPage(staffPaths.case(c.trackingNo))}
              >
                <Text className='wb-card__title case-queue__no'>{c.trackingNo}</Text>
                <View className='case-queue__status'>
                  <CaseStatus status={c.status} overdue={c.overdue} />
                </View>
                <Text className={`case-queue__left ${late ? 'case-queue__left--late' : ''}`}>{left?.text ?? ''}</Text>
                <Text className='wb-card__line case-queue__category'>
                  {rightsCategoryLabel[c.category]}
                  {c.amountOwedYuan !== null ? ` ${c.amountOwedYuan} 元` : ''}
                </Text>
                <Text className='wb-card__line case-queue__employer'>
                  {c.callbackOnly ? '只留电话，请回电' : `${c.employerName} · ${c.workCity}`}
                  {c.station ? ` · ${c.station.name}` : ''}
                </Text>
                <Text className='wb-card__line case-queue__who'>{c.firstResponsible ? `负责：${c.firstResponsible.name}` : ''}</Text>
                <Text className='wb-card__line case-queue__time'>{chinaDateTime(c.submittedAt)}</Text>
              </View>
            )
          })}
        </View>
        <ListFooter count={list.items.length} loadingMore={list.loadingMore} hasMore={list.hasMore} onLoadMore={() => void list.loadMore()} />
      </StateView>
    </View>
  )
}
