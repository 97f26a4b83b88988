import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef } from 'react'
import { ActionBar } from '@/components/action-bar'
import { OutboxBanner } from '@/components/outbox-banner'
import { PhoneCall } from '@/components/phone-call'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { BigButton } from '@/components/big-button'
import { useServiceCentre } from '@/hooks/use-service-centre'
import { useShare } from '@/lib/share/share'
import { openPage } from '@/lib/navigate'
import { requireSignIn } from '@/features/account/require-sign-in'
import { refreshSession, useSession } from '@/features/account/session'
import { useCourse } from '@/features/training/api/use-course'
import { CourseDetailView } from '@/features/training/components/course-detail'
import { EnrollPanel } from '@/features/training/components/enroll-panel'
import { enrolmentOpen } from '@/features/training/lib/format'
import { PageRoot } from '@/components/page-root'
import { useIdParam } from '@/hooks/use-id-param'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'

export default function CourseDetailPage() {
  const id = useIdParam()
  const { data, error, loading, refresh } = useCourse(id)
  const { signedIn } = useSession()
  const { centre } = useServiceCentre()
  const badLink = id === 0
  // A course is often passed on between fellow villagers: the share card opens this same course.
  const share = useShare(data ? { title: data.title, path: `/packages/training/pages/detail/index?id=${data.id}` } : null)
  // Back from sign-in (or 我的课程): my enrolment may have changed, so read the course again.
  useRefreshOnReturn(refresh)
  // The panel's own 我要报名, pressed from the bar; for a 下单 course the terms must be agreed first, so the panel shows.
  const start = useRef<(() => void) | null>(null)
  const enrollFromBar = () => {
    if (data?.mode === 'order') {
      void Taro.pageScrollTo({ selector: '.enroll-panel', duration: 300 }).catch(() => undefined)
      if (!signedIn) start.current?.()
      return
    }
    start.current?.()
  }
  const canEnroll = data && !data.myEnrollment && enrolmentOpen(data, new Date())
  const needSignIn = () => {
    void refreshSession()
    requireSignIn(`/packages/training/pages/detail/index?id=${id}`)
  }
  return (
    <PageRoot>
      <OutboxBanner />
      <StateView
        loading={loading && !badLink}
        error={error}
        empty={badLink || !data}
        emptyText='没有找到这个培训'
        emptyHint='请回到“培训”重新选一个'
        onRetry={() => void refresh()}
      >
        {data && <CourseDetailView course={data} />}
        {data && (
          <EnrollPanel
            course={data}
            signedIn={signedIn}
            onNeedSignIn={needSignIn}
            onChanged={() => void refresh()}
            onOpenMine={() => openPage('/packages/training/pages/mine/index')}
            startRef={start}
          />
        )}
        {data && (
          <BigButton variant='secondary' onClick={share.share}>
            {share.label}
          </BigButton>
        )}
        {data && centre && (
          <Section title='有问题打电话'>
            <Text className='lead-text'>报名、补贴、协议有不明白的，打电话问县劳务输转服务中心。</Text>
            <PhoneCall phone={centre.phone} label={centre.name} />
          </Section>
        )}
      </StateView>
      {data && (centre || canEnroll) && (
        <ActionBar label='打电话或报名'>
          {centre && <PhoneCall variant='button' phone={centre.phone} label={centre.name} />}
          {canEnroll && <BigButton onClick={enrollFromBar}>我要报名</BigButton>}
        </ActionBar>
      )}
    </PageRoot>
  )
}
