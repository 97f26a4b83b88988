import { StaffShell } from '@/features/staff/components/staff-shell'
import { downloadRosterTemplate } from '@/features/staff/api/ledger-export'
import { RosterImportFlow } from '@/features/roster/components/roster-import'

/** 导入台账: the county's Excel ledger into the roster, checked first, written when the officer confirms. */
export default function RosterImportPage() {
  return <StaffShell title='导入台账'>{(staff) => <RosterImportFlow staff={staff} downloadTemplate={downloadRosterTemplate} />}</StaffShell>
}
