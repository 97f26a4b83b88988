import { useEffect, type ReactNode } from 'react'
import type { Me } from '@contract/me'
import { PageRoot } from '@/components/page-root'
import { StateView } from '@/components/state-view'
import { requireSignIn } from '../../require-sign-in'
import { useSession } from '../../session'
import { SignInPrompt } from '../sign-in-prompt'

interface Props {
  /** This page: where sign-in comes back to. */
  here: string
  /** Why to sign in, shown when the worker comes back still signed out. */
  reason: string
  children: (me: Me | null) => ReactNode
}

/** A page for signed-in workers only: a signed-out worker is sent to sign in once, then sees why it is needed. */
export function SignedInPage({ here, reason, children }: Props) {
  const session = useSession()
  const waiting = session.loading
  useEffect(() => {
    if (!waiting && !session.signedIn) requireSignIn(here)
    // Once per change of sign-in state: coming back signed out shows the card below, not another redirect loop.
  }, [waiting, session.signedIn, here])

  return (
    <PageRoot>
      <StateView loading={waiting} error={null}>
        {session.signedIn ? children(session.me) : <SignInPrompt reason={reason} redirect={here} />}
      </StateView>
    </PageRoot>
  )
}
