import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { BigButton } from '@/components/big-button'
import { ListFooter } from '@/components/list-footer'
import { ListRow } from '@/components/list-row'
import { StateView } from '@/components/state-view'
import { openPage } from '@/lib/navigate'
import { useCourses } from '@/features/training/api/use-courses'
import { CourseCard } from '@/features/training/components/course-card'
import { ModeTabs, type ModeChoice } from '@/features/training/components/mode-tabs'
import { BrandStrip } from '@/features/brands/components/brand-strip'
import { PageRoot } from '@/components/page-root'
import { courseModeExplain } from '@contract/training'
import { useFirstScreenFirst } from '@/hooks/use-first-screen-first'
import './index.scss'

const openCourse = (id: number) => openPage(`/packages/training/pages/detail/index?id=${id}`)

const intro: Record<ModeChoice, string> = {
  all: '县里组织的技能培训，大多免费，学完发证书。',
  ...courseModeExplain,
}

export default function TrainingPage() {
  const [mode, setMode] = useState<ModeChoice>('all')
  const { items, error, loading, loadingMore, hasMore, loadMore, refresh } = useCourses(mode === 'all' ? undefined : mode)
  const shown = useFirstScreenFirst(items)

  useReachBottom(() => {
    if (hasMore && !error) void loadMore()
  })
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View className='training-page'>
      <ModeTabs value={mode} onChange={setMode}>
        <PageRoot className='training-page__list'>
          <Text className='training-page__intro'>{intro[mode]}</Text>
          <BrandStrip />
          <ListRow title='我的课程' note='报名、候补和证书都在这里' onClick={() => openPage('/packages/training/pages/mine/index')} />
          <StateView
            loading={loading}
            error={items.length === 0 ? error : null}
            empty={items.length === 0}
            emptyText='现在没有开班的培训'
            emptyHint={mode === 'all' ? '过几天再来看看' : '点“全部”看看其他培训'}
            onRetry={() => void refresh()}
          >
            {shown.map((c) => (
              <CourseCard key={c.id} course={c} onOpen={openCourse} />
            ))}
            {error ? (
              <StateView loading={false} error={error} onRetry={() => void loadMore()} />
            ) : (
              <ListFooter count={items.length} hasMore={hasMore} loadingMore={loadingMore} onLoadMore={() => void loadMore()} />
            )}
          </StateView>
          <BigButton variant='secondary' className='training-page__ask' onClick={() => openPage('/packages/training/pages/request/index')}>
            没有想学的？告诉我们
          </BigButton>
        </PageRoot>
      </ModeTabs>
    </View>
  )
}
