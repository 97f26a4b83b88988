import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { isApiError } from '@/api'
import { StateView } from '@/components/state-view'
import { draftFromWorklog } from '@/features/rights/api/rights-requests'
import { RequestForm } from '@/features/rights/components/request-form'
import type { RightsDraft } from '@/features/rights/lib/draft'
import { chinaToday } from '@/features/rights/lib/format'

/**
 * The request filled in from the 记工 log (`?worklogEmployerId=`), once signed in. Without a network the form opens
 * as it would anyway: the worker can still type it, or come back.
 */
function useWorklogPrefill(employerId: number) {
  const [state, setState] = useState<{ loading: boolean; prefill?: Partial<RightsDraft>; error?: { message: string } }>({ loading: employerId > 0 })
  const load = useCallback(() => {
    if (!(employerId > 0)) return
    setState({ loading: true })
    draftFromWorklog(employerId).then(
      (prefill) => setState({ loading: false, prefill }),
      (e: unknown) => setState({ loading: false, error: { message: isApiError(e) ? e.message : '记工的内容没有读出来' } }),
    )
  }, [employerId])
  useEffect(load, [load])
  return { ...state, retry: load }
}

/** The request form of a signed-in worker (its code comes apart from the page's: see the page). */
export function NewRequest({ accountPhone, employerId }: { accountPhone?: string; employerId: number }) {
  const worklog = useWorklogPrefill(employerId)
  return (
    <StateView loading={worklog.loading} error={worklog.error} onRetry={worklog.retry}>
      <RequestForm
        today={chinaToday()}
        accountPhone={accountPhone}
        prefill={worklog.prefill}
        onCallbackInstead={() => void Taro.redirectTo({ url: '/packages/rights/pages/callback/index' })}
        onSubmitted={(created, photosLeft) =>
          void Taro.redirectTo({
            url: `/packages/rights/pages/done/index?trackingNo=${created.trackingNo}${photosLeft ? `&photosLeft=${photosLeft}` : ''}`,
          })
        }
      />
    </StateView>
  )
}
