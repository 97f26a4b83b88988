import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'
import { useMemo, useState } from 'react'
import { Text } from '@tarojs/components'
import type { TransportSignup } from '@contract'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { PageRoot } from '@/components/page-root'
import { StateView } from '@/components/state-view'
import { openPage } from '@/lib/navigate'
import { requireSignIn } from '@/features/account/require-sign-in'
import { refreshSession, useSession } from '@/features/account/session'
import { useMyTransportSignups, useTransportBatches } from '@/features/transport/api/transport'
import { BatchCard } from '@/features/transport/components/batch-card'
import { SignupPanel } from '@/features/transport/components/signup-panel'

const listPage = '/packages/transport/pages/list/index'

/** 点对点专车: the county's buses and trains straight to the employer's city, by destination; sign up in two taps. */
export default function TransportListPage() {
  const [city, setCity] = useState('')
  const { signedIn } = useSession()
  // The destination chips come from every upcoming batch, so choosing one never makes the others vanish.
  const all = useTransportBatches()
  const shown = useTransportBatches(city || undefined)
  const mine = useMyTransportSignups(signedIn)

  const cities = useMemo(() => [...new Set(all.items.map((b) => b.destinationCity))], [all.items])
  const seatOf = useMemo(() => {
    const map = new Map<number, TransportSignup>()
    for (const s of mine.data?.items ?? []) if (s.status === 'active') map.set(s.batchId, s)
    return map
  }, [mine.data])

  const refreshAll = () => Promise.all([all.refresh(), shown.refresh(), signedIn ? mine.refresh() : Promise.resolve()]).then(() => undefined)
  useRefreshOnReturn(refreshAll)

  return (
    <PageRoot>
      <Text className='lead-text'>县上组织的大巴车和包下的火车，从乡镇直接送到厂里。到站有人接，路上有人管。</Text>
      {cities.length > 1 && (
        <Chips<string> scroll value={city} onChange={setCity} options={[{ value: '', label: '全部' }, ...cities.map((c) => ({ value: c, label: c }))]} />
      )}
      <StateView
        loading={shown.loading}
        error={shown.items.length === 0 ? shown.error : null}
        empty={shown.items.length === 0}
        emptyText='最近没有专车'
        emptyHint='过几天再来看看，或者打电话问乡镇劳务工作站'
        onRetry={() => void shown.refresh()}
      >
        {shown.items.map((b) => (
          <BatchCard key={b.id} batch={b}>
            <SignupPanel
              batch={b}
              signup={seatOf.get(b.id) ?? null}
              signedIn={signedIn}
              onNeedSignIn={() => {
                void refreshSession()
                requireSignIn(listPage)
              }}
              onChanged={() => void refreshAll()}
            />
          </BatchCard>
        ))}
      </StateView>
      {signedIn && (
        <BigButton variant='secondary' onClick={() => openPage('/packages/transport/pages/mine/index')}>
          我报名的车
        </BigButton>
      )}
    </PageRoot>
  )
}
