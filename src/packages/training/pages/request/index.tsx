import { useState } from 'react'
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BigButton } from '@/components/big-button'
import { Section } from '@/components/section'
import { requireSignIn } from '@/features/account/require-sign-in'
import { useSession } from '@/features/account/session'
import { CourseRequestForm } from '@/features/training/components/course-request-form'
import { PageRoot } from '@/components/page-root'

/** 点单: a worker tells the county which trade they want to learn. */
export default function CourseRequestPage() {
  const { signedIn } = useSession()
  const [sent, setSent] = useState(false)
  if (sent) {
    return (
      <PageRoot>
        <Section title='收到了'>
          <Text className='lead-text' aria-live='polite'>
            谢谢！县劳务输转服务中心会按大家想学的安排开班，开班后在“培训”里就能看到、能报名。
          </Text>
          <BigButton onClick={() => void Taro.navigateBack({ delta: 1 }).catch(() => Taro.switchTab({ url: '/pages/training/index' }))}>
            回去看培训
          </BigButton>
        </Section>
      </PageRoot>
    )
  }
  return (
    <PageRoot>
      <Section title='没有想学的？告诉我们'>
        <Text className='lead-text'>选一个想学的工种，想学的人够了，县里就开班。</Text>
        <CourseRequestForm
          signedIn={signedIn}
          onNeedSignIn={() => requireSignIn('/packages/training/pages/request/index')}
          onSent={() => setSent(true)}
        />
      </Section>
    </PageRoot>
  )
}
