import { useState } from 'react'
import { Text } from '@tarojs/components'
import { Chips } from '@/components/chips'
import { isApiError } from '@/api'
import { BigButton } from '@/components/big-button'
import { PageRoot } from '@/components/page-root'
import { SavedNote } from '@/components/saved-note'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { useIdParam } from '@/hooks/use-id-param'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'
import { openPage } from '@/lib/navigate'
import { showNotice } from '@/lib/notice'
import { useShare } from '@/lib/share/share'
import type { ShareTarget } from '@/lib/share/share.types'
import { createCheck, printAddress, useWorklogEmployer, useWorklogEvidence } from '@/features/worklog/api/worklog'
import { CheckAnswers } from '@/features/worklog/components/check-answers'
import { EvidenceSheet } from '@/features/worklog/components/evidence-sheet'
import { monthLabel } from '@/features/worklog/lib/calendar'
import { openPrintable } from '@/features/worklog/lib/open-print'
import { SignedIn } from '../signed-in'
import './index.scss'

/**
 * 记工证据单 of one employer: shown here (kept on the phone for a site with no signal), printed from the browser,
 * sent to the foreman to 对工, or turned into a request for help with the log attached.
 */
function Evidence({ id }: { id: number }) {
  // Which month the sheet covers ('' for everything logged): the printable page and 对工 follow the choice.
  const [chosen, setChosen] = useState('')
  const { data, error, loading, refresh, savedAt } = useWorklogEvidence(id, true, chosen || null)
  // The months with something logged, for the choice (the employer's read, kept on the phone too).
  const months = useWorklogEmployer(id, true).data?.months.map((m) => m.month) ?? []
  useRefreshOnReturn(refresh)
  const [shareTarget, setShareTarget] = useState<ShareTarget | null>(null)
  const [making, setMaking] = useState(false)
  const share = useShare(shareTarget)
  // The month chosen, else the month of the latest day logged: the one a foreman is asked about.
  const month = chosen || (data?.sheet.to?.slice(0, 7) ?? null)
  const choose = (value: string) => {
    setChosen(value)
    setShareTarget(null)
  }

  const makeCheckLink = async () => {
    if (!data || !month) return
    setMaking(true)
    try {
      const made = await createCheck(id, month)
      setShareTarget({ title: `请帮${data.sheet.workerName ?? '我'}对一下${monthLabel(month)}的工`, path: made.path })
      void refresh()
    } catch (e) {
      showNotice(isApiError(e) ? (e.fields?.month ?? e.message) : '没有生成链接，请稍后再试')
    } finally {
      setMaking(false)
    }
  }

  return (
    <>
      {!loading && <SavedNote savedAt={savedAt} onRetry={() => void refresh()} />}
      {months.length > 1 && (
        <Chips scroll options={[{ value: '', label: '全部月份' }, ...months.map((m) => ({ value: m, label: monthLabel(m) }))]} value={chosen} onChange={choose} />
      )}
      <StateView loading={loading} error={data ? null : error} onRetry={() => void refresh()}>
        {data && (
          <>
            <EvidenceSheet sheet={data.sheet} digest={data.digest} />
            <BigButton className='worklog-evidence__action' onClick={() => openPrintable(printAddress(data.printUrl))}>
              打开可以打印的证据单
            </BigButton>
            {data.sheet.totals.owedFen > 0 && (
              <BigButton
                className='worklog-evidence__action'
                variant='danger'
                onClick={() => openPage(`/packages/rights/pages/new/index?worklogEmployerId=${id}`)}
              >
                工钱没结？去维权
              </BigButton>
            )}
            <Section title='对工'>
              <Text className='worklog-evidence__text'>
                把{month ? monthLabel(month) : '这个月'}的记录发给工头或老板，请他点“对”或“不对”。工头点了“对”，就是很硬的证据。
              </Text>
              {shareTarget ? (
                <BigButton className='worklog-evidence__action' onClick={share.share}>
                  {share.label}
                </BigButton>
              ) : (
                <BigButton className='worklog-evidence__action' variant='secondary' disabled={!month || making} onClick={() => void makeCheckLink()}>
                  {making ? '正在生成链接…' : '发给工头对工'}
                </BigButton>
              )}
              <CheckAnswers checks={data.checks} />
            </Section>
          </>
        )}
      </StateView>
    </>
  )
}

export default function WorklogEvidencePage() {
  const id = useIdParam()
  return (
    <PageRoot className='worklog-evidence'>
      <SignedIn redirect={`/packages/worklog/pages/evidence/index?id=${id}`}>
        <Evidence id={id} />
      </SignedIn>
    </PageRoot>
  )
}
