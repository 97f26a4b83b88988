import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'
import { Text } from '@tarojs/components'
import { BigButton } from '@/components/big-button'
import { PageRoot } from '@/components/page-root'
import { StateView } from '@/components/state-view'
import { openPage } from '@/lib/navigate'
import { requireSignIn } from '@/features/account/require-sign-in'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { refreshSession, useSession } from '@/features/account/session'
import { useMyTransportSignups } from '@/features/transport/api/transport'
import { BatchCard } from '@/features/transport/components/batch-card'
import { SignupPanel } from '@/features/transport/components/signup-panel'

const minePage = '/packages/transport/pages/mine/index'

/** 我报名的车: my seats with their boarding notices; ones I gave up are listed last, greyed by their status. */
export default function MyTransportPage() {
  const session = useSession()
  const { data, error, loading, refresh } = useMyTransportSignups(session.signedIn)
  useRefreshOnReturn(refresh, session.signedIn)

  if (!session.signedIn && !session.loading) {
    return (
      <PageRoot>
        <SignInPrompt title='我报名的车' reason='登录后能看到您报名的专车，和集合时间、地点。' redirect={minePage} />
      </PageRoot>
    )
  }

  const items = [...(data?.items ?? [])].sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active'))
  return (
    <PageRoot>
      <StateView
        loading={session.loading || loading}
        error={error}
        empty={items.length === 0}
        emptyText='您还没有报名专车'
        emptyHint='看看最近有哪些车'
        onRetry={() => void refresh()}
      >
        {items.map((s) => (
          <BatchCard key={s.id} batch={s.batch}>
            {s.status === 'active' ? (
              <SignupPanel
                batch={s.batch}
                signup={s}
                signedIn
                onNeedSignIn={() => {
                  void refreshSession()
                  requireSignIn(minePage)
                }}
                onChanged={() => void refresh()}
              />
            ) : (
              <Text className='lead-text'>{s.batch.status === 'cancelled' ? '这趟车取消了，您的座位已经退掉。' : '已取消报名'}</Text>
            )}
          </BatchCard>
        ))}
      </StateView>
      <BigButton variant='secondary' onClick={() => openPage('/packages/transport/pages/list/index')}>
        看看最近的车
      </BigButton>
    </PageRoot>
  )
}
