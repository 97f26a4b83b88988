import { useRouter } from '@tarojs/taro'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { CaseQueue, isCaseQueueView } from '@/features/staff/components/case-queue'

/** The queue of requests for help; `?view=overdue|open|mine|<status>` opens it filtered (the home figure tiles). */
export default function StaffCasesPage() {
  const view = useRouter().params.view
  return <StaffShell title='求助案件'>{() => <CaseQueue initialView={isCaseQueueView(view) ? view : 'all'} />}</StaffShell>
}
