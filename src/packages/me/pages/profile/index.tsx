import { useEffect } from 'react'
import { StateView } from '@/components/state-view'
import { OutboxBanner } from '@/components/outbox-banner'
import { Section } from '@/components/section'
import { requireSignIn } from '@/features/account/require-sign-in'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { setMe, useSession } from '@/features/account/session'
import { ProfileForm } from '@/features/account/components/profile-form'
import { PageRoot } from '@/components/page-root'

export default function ProfilePage() {
  const { me, loading, error, refresh } = useSession()
  const signedOut = !loading && !error && !me
  useEffect(() => {
    if (signedOut) requireSignIn('/packages/me/pages/profile/index')
  }, [signedOut])
  return (
    <PageRoot>
      <OutboxBanner />
      <StateView loading={loading} error={me ? null : error} onRetry={() => void refresh()}>
        {me ? (
          <Section>
            {/* Keyed by account: a different worker signing in starts from their own profile. */}
            <ProfileForm key={me.id} me={me} onSaved={setMe} />
          </Section>
        ) : (
          <SignInPrompt reason='登录后能填写和修改您的资料。' redirect='/packages/me/pages/profile/index' />
        )}
      </StateView>
    </PageRoot>
  )
}
