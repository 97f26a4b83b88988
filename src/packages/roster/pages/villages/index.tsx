import { StaffShell } from '@/features/staff/components/staff-shell'
import { VillageAdmin } from '@/features/roster/components/village-admin'

/** 村庄管理: admins only (the server refuses everyone else too). */
export default function RosterVillagesPage() {
  return (
    <StaffShell title='村庄管理' adminOnly>
      {() => <VillageAdmin />}
    </StaffShell>
  )
}
