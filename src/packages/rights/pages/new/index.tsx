import { useRouter } from '@tarojs/taro'
import { partOnDemand } from '@/components/part-on-demand'
import { SignedInPage } from '@/features/account/components/signed-in-page'
import { isWorkerSignedIn } from '@/features/account/session'

/**
 * The form, its checks and its photo and 记工 code come only for a signed-in worker: a signed-out visitor (often one
 * who followed a shared link) is sent to sign in and never draws it, so the page loads and starts lighter. A
 * signed-in worker's form is asked for at once, with the page's own code.
 */
const NewRequest = partOnDemand(() => import('./new-request').then((m) => m.NewRequest))
if (isWorkerSignedIn()) NewRequest.prefetch()

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
