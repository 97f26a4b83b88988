import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'
import { BigButton } from '@/components/big-button'
import { StateView } from '@/components/state-view'
import { openPage } from '@/lib/navigate'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { useSession } from '@/features/account/session'
import { useMyEnrollments } from '@/features/training/api/enrollments'
import { EnrollmentCard } from '@/features/training/components/enrollment-card'
import { PageRoot } from '@/components/page-root'

const minePage = '/packages/training/pages/mine/index'

/** 我的课程: every course I signed up for, how it stands, and my certificates. */
export default function MyCoursesPage() {
  const session = useSession()
  const { data, error, loading, refresh } = useMyEnrollments(session.signedIn)
  useRefreshOnReturn(refresh, session.signedIn)

  if (!session.signedIn && !session.loading) {
    return (
      <PageRoot>
        <SignInPrompt title='我的课程' reason='登录后能看到您报名的培训、候补排到第几位，和拿到的证书。' redirect={minePage} />
      </PageRoot>
    )
  }

  const items = data?.items ?? []
  return (
    <PageRoot>
      <StateView
        loading={session.loading || loading}
        error={error}
        empty={items.length === 0}
        emptyText='您还没有报名培训'
        emptyHint='到“培训”里选一个，大多免费，学完发证书'
        onRetry={() => void refresh()}
      >
        {items.map((e) => (
          <EnrollmentCard key={e.id} enrollment={e} onOpen={(id) => openPage(`/packages/training/pages/detail/index?id=${id}`)} />
        ))}
      </StateView>
      <BigButton variant='secondary' onClick={() => openPage('/packages/training/pages/request/index')}>
        没有想学的？告诉我们
      </BigButton>
    </PageRoot>
  )
}
