import { StateView } from '@/components/state-view'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { useSession } from '@/features/account/session'

/**
 * The log is the worker's own: signed out, each page says why to sign in. With no network to check the session
 * (error) the token is still there, so the page shows what is saved on the phone.
 */
export function SignedIn({ children, redirect }: { children: React.ReactNode; redirect: string }) {
  const session = useSession()
  return (
    <StateView loading={session.loading} error={null}>
      {session.signedIn || session.error ? children : <SignInPrompt title='记工' reason='登录后能记每天干的活和收到的工钱，欠薪时就是证据。' redirect={redirect} />}
    </StateView>
  )
}
