import { useRouter } from '@tarojs/taro'
import { Section } from '@/components/section'
import { acceptPrivacyLocally } from '@/features/account/privacy-local'
import { returnAfterSignIn, safeRedirect } from '@/features/account/require-sign-in'
import { startSession } from '@/features/account/session'
import { SignInForm } from '@/features/account/components/sign-in-form'
import { PageRoot } from '@/components/page-root'

/** Sign in, then back to the page the worker came from (`redirect`). */
export default function SignInPage() {
  const { params } = useRouter()
  const redirect = safeRedirect(params.redirect)
  return (
    <PageRoot>
      <Section title='用手机号登录'>
        <SignInForm
          onSignedIn={({ token, user }) => {
            // The form says that signing in accepts the privacy notice; startSession records it on the server.
            acceptPrivacyLocally()
            startSession(token, user)
            returnAfterSignIn(redirect)
          }}
        />
      </Section>
    </PageRoot>
  )
}
