import Taro from '@tarojs/taro'
import { PageRoot } from '@/components/page-root'
import { EmployerForm } from '@/features/worklog/components/employer-form'
import { SignedIn } from '../signed-in'

/** A new employer or site, with the pay agreed. */
export default function WorklogEmployerNewPage() {
  return (
    <PageRoot>
      <SignedIn redirect='/packages/worklog/pages/employer-new/index'>
        <EmployerForm onSaved={() => void Taro.navigateBack()} />
      </SignedIn>
    </PageRoot>
  )
}
