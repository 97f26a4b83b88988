import { Text, View } from '@tarojs/components'
import { BigButton } from '@/components/big-button'
import { ElderToggle } from '@/components/elder-toggle'
import { ListRow } from '@/components/list-row'
import { OutboxBanner } from '@/components/outbox-banner'
import { PhoneCall } from '@/components/phone-call'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { useServiceCentre } from '@/hooks/use-service-centre'
import { openPage } from '@/lib/navigate'
import { requireSignIn } from '@/features/account/require-sign-in'
import { useSession } from '@/features/account/session'
import { useUnreadCount } from '@/features/messages/api/messages'
import { PageRoot } from '@/components/page-root'
import './index.scss'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'

const mePages = '/packages/me/pages'

export default function MePage() {
  const { centre, error: centreError, loading: centreLoading, refresh: refreshCentre } = useServiceCentre()
  const session = useSession()
  const { me, signedIn } = session
  const inbox = useUnreadCount(signedIn)

  // Back from another page (profile saved, signed in elsewhere, messages read): show the latest.
  useRefreshOnReturn(() => Promise.all([session.refresh(), inbox.refresh()]), signedIn)

  return (
    <PageRoot className='me-page'>
      <OutboxBanner />
      {session.loading ? (
        <StateView loading />
      ) : session.error && !me ? (
        <StateView loading={false} error={session.error} onRetry={() => void session.refresh()} />
      ) : me ? (
        <Section className='me-page__card'>
          <Text className='me-page__name'>{me.name ?? '还没填姓名'}</Text>
          <Text className='me-page__phone'>{me.phone}</Text>
          {!me.name && <Text className='me-page__text'>填好资料，工作站能更快给您找到合适的活。</Text>}
        </Section>
      ) : (
        <Section className='me-page__card'>
          <Text className='me-page__title'>登录后</Text>
          <Text className='me-page__text'>能填自己的资料，以后能看到自己报名的岗位、培训和求助。不登录也能找工作、看培训、打电话求助。</Text>
          <BigButton className='me-page__sign-in' onClick={() => requireSignIn('/pages/me/index')}>
            登录
          </BigButton>
        </Section>
      )}

      {signedIn && (
        <View className='me-page__rows'>
          <ListRow
            title='消息'
            note='求助、报名、培训、专车有变动时告诉您'
            value={inbox.unread ? `${inbox.unread > 99 ? '99+' : inbox.unread} 条未读` : undefined}
            onClick={() => openPage('/packages/messages/pages/inbox/index')}
          />
          <ListRow title='记工' note='每天干了多少、老板欠多少钱' onClick={() => openPage('/packages/worklog/pages/index/index')} />
          <ListRow title='我能领的补贴' note='交通补助、求职补贴，县里知道的点一下就能领' onClick={() => openPage('/packages/subsidies/pages/mine/index')} />
          <ListRow title='我的资料' note='姓名、家乡、会的工种' onClick={() => openPage(`${mePages}/profile/index`)} />
          <ListRow title='我的报名' onClick={() => openPage('/packages/jobs/pages/applications/index')} />
          <ListRow title='我的课程' onClick={() => openPage('/packages/training/pages/mine/index')} />
          <ListRow title='我的求助' onClick={() => openPage('/packages/rights/pages/mine/index')} />
          <ListRow title='坐专车去上班' note='我报名的车，集合时间和地点' onClick={() => openPage('/packages/transport/pages/mine/index')} />
        </View>
      )}

      <ElderToggle className='me-page__elder' />

      <View className='me-page__rows'>
        <ListRow
          title={signedIn ? '隐私与授权' : '隐私政策'}
          note={signedIn ? '看我们怎么用您的信息，撤回同意' : '我们收集什么、做什么用'}
          onClick={() => openPage(`${mePages}/privacy/index`)}
        />
        {signedIn && (
          <>
            <ListRow title='导出我的信息' note='看我们保存的关于您的全部信息' onClick={() => openPage(`${mePages}/export/index`)} />
            <ListRow title='注销账号' note='删除您的账号和个人信息' onClick={() => openPage(`${mePages}/delete/index`)} />
          </>
        )}
        <ListRow title='关于务工通' note='谁在提供这个服务' onClick={() => openPage(`${mePages}/about/index`)} />
        <ListRow title='工作人员入口' note='县、乡镇和驻外工作站的工作人员' onClick={() => openPage('/packages/staff/pages/index/index')} />
      </View>

      {signedIn && (
        <BigButton variant='secondary' className='me-page__sign-out' onClick={() => void session.signOut()}>
          退出登录
        </BigButton>
      )}

      <Section title='有事打电话'>
        <StateView loading={centreLoading} error={centreError} empty={!centre} emptyText='电话暂时查不到' onRetry={() => void refreshCentre()}>
          {centre && <PhoneCall phone={centre.phone} label={centre.name} note={centre.openingHours || undefined} />}
        </StateView>
      </Section>
    </PageRoot>
  )
}
