import { StateView } from '@/components/state-view'
import { openPage } from '@/lib/navigate'
import { requireSignIn } from '@/features/account/require-sign-in'
import { setMe, useSession } from '@/features/account/session'
import { useStation } from '@/features/stations/api/use-station'
import { PartyRegister } from '@/features/stations/components/party-register'
import { StationDetailView } from '@/features/stations/components/station-detail'
import { PageRoot } from '@/components/page-root'
import { useIdParam } from '@/hooks/use-id-param'

export default function StationDetailPage() {
  const id = useIdParam()
  const { data, error, loading, refresh } = useStation(id)
  const session = useSession()
  const badLink = id === 0
  return (
    <PageRoot>
      <StateView
        loading={loading && !badLink}
        error={error}
        empty={badLink || !data}
        emptyText='没有找到这个组织'
        emptyHint='请回到“找组织”重新选一个'
        onRetry={() => void refresh()}
      >
        {data && (
          <StationDetailView
            station={data}
            party={
              <PartyRegister
                // Remount on sign-in/out so the form starts from the new profile.
                key={session.me?.id ?? 'anonymous'}
                stationId={data.id}
                stationName={data.name}
                me={session.me}
                onNeedSignIn={() => requireSignIn(`/packages/stations/pages/detail/index?id=${data.id}`)}
                onMeChanged={setMe}
              />
            }
            onOpenJob={(jobId) => openPage(`/packages/jobs/pages/detail/index?id=${jobId}`)}
            onSeeAllJobs={() => openPage(`/packages/stations/pages/jobs/index?id=${data.id}`)}
            onOpenCourse={(courseId) => openPage(`/packages/training/pages/detail/index?id=${courseId}`)}
          />
        )}
      </StateView>
    </PageRoot>
  )
}
