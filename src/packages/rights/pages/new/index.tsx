import { useCallback, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { isApiError } from '@/api'
import { StateView } from '@/components/state-view'
import { SignedInPage } from '@/features/account/components/signed-in-page'
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

function NewRequest({ accountPhone, employerId }: { accountPhone?: string; employerId: number }) {
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

/** 我要求助: signed-in workers only (a case needs someone to call back); the draft is kept meanwhile. */
export default function NewRightsRequestPage() {
  const employerId = Number(useRouter().params.worklogEmployerId ?? 0)
  const here = `/packages/rights/pages/new/index${employerId > 0 ? `?worklogEmployerId=${employerId}` : ''}`
  return (
    <SignedInPage here={here} reason='求助要留下电话，工作人员才能联系您。登录后，填好的内容都还在。'>
      {(me) => <NewRequest accountPhone={me?.phone} employerId={Number.isInteger(employerId) && employerId > 0 ? employerId : 0} />}
    </SignedInPage>
  )
}
