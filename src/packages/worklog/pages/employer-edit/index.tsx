import Taro from '@tarojs/taro'
import { PageRoot } from '@/components/page-root'
import { StateView } from '@/components/state-view'
import { useIdParam } from '@/hooks/use-id-param'
import { useWorklogEmployer } from '@/features/worklog/api/worklog'
import { EmployerForm } from '@/features/worklog/components/employer-form'
import { SignedIn } from '../signed-in'

/** Change an employer's name, site or the pay agreed: every day is counted again at the new pay. */
function EditEmployer({ id }: { id: number }) {
  const { data, error, loading, refresh } = useWorklogEmployer(id, true)
  return (
    <StateView loading={loading} error={data ? null : error} onRetry={() => void refresh()}>
      {data && <EmployerForm employer={data.employer} onSaved={() => void Taro.navigateBack()} />}
    </StateView>
  )
}

export default function WorklogEmployerEditPage() {
  const id = useIdParam()
  return (
    <PageRoot>
      <SignedIn redirect={`/packages/worklog/pages/employer-edit/index?id=${id}`}>
        <EditEmployer id={id} />
      </SignedIn>
    </PageRoot>
  )
}
