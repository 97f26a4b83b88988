import { Text } from '@tarojs/components'
import { BigButton } from '@/components/big-button'
import { Section } from '@/components/section'
import { requireSignIn } from '../../require-sign-in'

interface Props {
  /** What signing in gives on this page, in one plain sentence. */
  reason: string
  /** Where sign-in comes back to; this page with its query by default. */
  redirect?: string
  title?: string
}

/** What a signed-out worker sees on a page of their own records: why to sign in, and one button to do it. */
export function SignInPrompt({ reason, redirect, title = '请先登录' }: Props) {
  return (
    <Section title={title}>
      <Text className='lead-text'>{reason}</Text>
      <BigButton onClick={() => requireSignIn(redirect)}>用手机号登录</BigButton>
    </Section>
  )
}
