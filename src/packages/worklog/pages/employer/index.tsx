import { Text, View } from '@tarojs/components'
import { formatFen, paymentMethodLabel } from '@contract/worklog'
import { BigButton } from '@/components/big-button'
import { OutboxBanner } from '@/components/outbox-banner'
import { PageRoot } from '@/components/page-root'
import { SavedNote } from '@/components/saved-note'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { openPage } from '@/lib/navigate'
import { useWorklogEmployer, useWorklogEvidence } from '@/features/worklog/api/worklog'
import { CheckAnswers } from '@/features/worklog/components/check-answers'
import { OwedCard } from '@/features/worklog/components/owed-card'
import { SiteShare } from '@/features/worklog/components/site-share'
import { dayLabel, monthLabel } from '@/features/worklog/lib/calendar'
import { agreedPay } from '@/features/worklog/lib/describe'
import { SignedIn } from '../signed-in'
import './index.scss'
import { useIdParam } from '@/hooks/use-id-param'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'

/** One employer: the pay agreed, 欠我多少钱 in big numbers with how it was counted, each month, and the pay received. */
function Employer({ id }: { id: number }) {
  const { data, error, loading, refresh, savedAt } = useWorklogEmployer(id, true)
  // 对工: what the foreman answered, shown here where the worker looks every day.
  const evidence = useWorklogEvidence(id, true)
  useRefreshOnReturn(() => Promise.all([refresh(), evidence.refresh()]))
  const checks = evidence.data?.checks ?? []

  return (
    <>
      {!loading && <SavedNote savedAt={savedAt} onRetry={() => void refresh()} />}
      <StateView loading={loading} error={data ? null : error} onRetry={() => void refresh()}>
        {data && (
          <>
            <Section title={data.employer.name}>
              {data.employer.site && <Text className='worklog-employer__text'>{data.employer.site}</Text>}
              <Text className='worklog-employer__text'>说好的工钱：{agreedPay(data.employer)}</Text>
              <BigButton
                className='worklog-employer__pay'
                variant='secondary'
                onClick={() => openPage(`/packages/worklog/pages/employer-edit/index?id=${data.employer.id}`)}
              >
                改名字或工钱
              </BigButton>
            </Section>
            <OwedCard title={`${data.employer.name}欠我多少钱`} totals={data.total} />
            <BigButton className='worklog-employer__pay' onClick={() => openPage(`/packages/worklog/pages/payment/index?employerId=${data.employer.id}`)}>
              老板给了钱，记一笔
            </BigButton>
            <BigButton
              className='worklog-employer__pay'
              variant='secondary'
              onClick={() => openPage(`/packages/worklog/pages/evidence/index?id=${data.employer.id}`)}
            >
              证据单 · 对工
            </BigButton>
            {data.total.owedFen > 0 && (
              <BigButton
                className='worklog-employer__pay'
                variant='danger'
                onClick={() => openPage(`/packages/rights/pages/new/index?worklogEmployerId=${data.employer.id}`)}
              >
                工钱没结？去维权
              </BigButton>
            )}
            {checks.length > 0 && (
              <Section title='工头对工'>
                <CheckAnswers checks={checks} />
              </Section>
            )}
            {data.months.length > 1 && (
              <Section title='每个月'>
                {data.months.map((m) => (
                  <View key={m.month} className='worklog-employer__row'>
                    <Text>{monthLabel(m.month)}：干了{m.totals.days}天</Text>
                    <Text className='worklog-employer__owed'>{m.totals.owedFen > 0 ? `欠${formatFen(m.totals.owedFen)}` : '结清了'}</Text>
                  </View>
                ))}
              </Section>
            )}
            <SiteShare employerId={data.employer.id} employerName={data.employer.name} />
            <Section title='收到的钱'>
              {data.payments.length === 0 ? (
                <Text className='worklog-employer__text'>还没记过收到的钱</Text>
              ) : (
                data.payments.map((p) => (
                  <View key={p.id} className='worklog-employer__row'>
                    <Text>
                      {dayLabel(p.date)} {paymentMethodLabel[p.method]}
                      {p.note ? ` · ${p.note}` : ''}
                    </Text>
                    <Text className='worklog-employer__paid'>{formatFen(p.amountFen)}</Text>
                  </View>
                ))
              )}
            </Section>
          </>
        )}
      </StateView>
    </>
  )
}

export default function WorklogEmployerPage() {
  const id = useIdParam()
  return (
    <PageRoot className='worklog-employer'>
      <OutboxBanner />
      <SignedIn redirect={`/packages/worklog/pages/employer/index?id=${id}`}>
        <Employer id={id} />
      </SignedIn>
    </PageRoot>
  )
}
