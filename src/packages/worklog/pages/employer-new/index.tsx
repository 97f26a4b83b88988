import Taro from '@tarojs/taro'
import { PageRoot } from '@/components/page-root'
import { EmployerForm } from '@/features/worklog/components/employer-form'
import '../form.scss'

/** A new employer or site, with the pay agreed. */
export default function WorklogEmployerNewPage() {
  return (
    <PageRoot>
      <EmployerForm onSaved={() => void Taro.navigateBack()} />
    </PageRoot>
  )
}
