import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import type { ForemanCheckView } from '@contract/worklog-evidence'
import { PageRoot } from '@/components/page-root'
import { StateView } from '@/components/state-view'
import { useForemanCheck } from '@/features/worklog/api/worklog'
import { ForemanCheck } from '@/features/worklog/components/foreman-check'

/** 对工, opened by the foreman from the worker's link: no account, no sign-in; the phone is proved by an SMS code. */
export default function WorklogCheckPage() {
  const token = String(useRouter().params.token ?? '')
  const { data, error, loading, refresh } = useForemanCheck(token)
  // The answer comes back with the month as it now stands: shown at once, without another read.
  const [answered, setAnswered] = useState<ForemanCheckView | null>(null)
  const view = answered ?? data
  return (
    <PageRoot>
      <StateView loading={token !== '' && loading} error={token ? error : { message: '链接不完整，请让工友重新发一次' }} onRetry={() => void refresh()}>
        {view && <ForemanCheck token={token} view={view} onAnswered={setAnswered} />}
      </StateView>
    </PageRoot>
  )
}
