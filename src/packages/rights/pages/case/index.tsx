import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { contactTimeLabel, rightsCategoryLabel, type RightsRequest, trackingNoPattern } from '@contract/rights'
import { formatMonthRange } from '@contract/format'
import { PhoneCall } from '@/components/phone-call'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { useSession } from '@/features/account/session'
import { useRightsRequest } from '@/features/rights/api/rights-requests'
import { CaseActions } from '@/features/rights/components/case-actions'
import { Timeline } from '@/features/rights/components/timeline'
import { chinaTime, statusLine } from '@/features/rights/lib/format'
import { PageRoot } from '@/components/page-root'
import './index.scss'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'

/** One case: where it stands, who handles it, the timeline with the station's words, and what to do next. */
export default function RightsCasePage() {
  const trackingNo = useRouter().params.trackingNo ?? ''
  const session = useSession()
  return (
    <StateView loading={session.loading} error={null}>
      {/* Offline (error), the stored token still opens the saved copy. */}
      {session.signedIn || session.error ? (
        <RightsCase trackingNo={trackingNo} />
      ) : (
        <PageRoot>
          <SignInPrompt reason='这是您自己的求助，登录后才能看到办理进度。' />
        </PageRoot>
      )}
    </StateView>
  )
}

function RightsCase({ trackingNo }: { trackingNo: string }) {
  const valid = trackingNoPattern.test(trackingNo)
  const { data, error, loading, refresh } = useRightsRequest(valid ? trackingNo : undefined)
  const [fresh, setFresh] = useState<RightsRequest | undefined>()
  useEffect(() => setFresh(undefined), [data])
  useRefreshOnReturn(refresh, valid)
  const c = fresh ?? data

  return (
    <PageRoot className='rights-case'>
      <StateView
        loading={loading && valid}
        error={error}
        empty={!valid || !c}
        emptyText='没有找到这条求助'
        emptyHint='请到“我的求助”里重新打开'
        onRetry={() => void refresh()}
      >
        {c && (
          <View>
            <View className={`rights-case__status rights-case__status--${c.status}`}>
              <Text className='rights-case__status-text'>{statusLine(c)}</Text>
              <Text className='rights-case__number'>求助编号 {c.trackingNo}</Text>
              {c.autoCloseAt && <Text className='rights-case__hint'>{chinaTime(c.autoCloseAt)}前不确认，会自动结束</Text>}
              {c.rating !== null && <Text className='rights-case__hint'>您的评价：{'★'.repeat(c.rating)}</Text>}
            </View>

            {c.station && (
              <Section title='负责办理'>
                {c.firstResponsible && <Text className='rights-case__line'>首问负责人：{c.firstResponsible.name}</Text>}
                <PhoneCall phone={c.station.phone} label={c.station.name} />
              </Section>
            )}

            <Section title='办理经过'>
              <Timeline events={c.timeline} />
            </Section>

            <CaseActions request={c} onChanged={setFresh} />

            <Section title='您求助的内容'>
              <Text className='rights-case__line'>事情：{rightsCategoryLabel[c.category]}</Text>
              {c.callbackOnly ? (
                <Text className='rights-case__line'>您只留了电话，请工作人员回电。别的情况在电话里说就行。</Text>
              ) : (
                <>
                  <Text className='rights-case__line'>单位：{c.employerName}</Text>
                  <Text className='rights-case__line'>
                    地方：{c.workCity} {c.workAddress}
                  </Text>
                  <Text className='rights-case__line'>
                    时间：{formatMonthRange(c.workedFrom, c.workedTo)}
                  </Text>
                  {c.amountOwedYuan !== null && <Text className='rights-case__line'>钱数：{c.amountOwedYuan} 元</Text>}
                  <Text className='rights-case__line'>人数：{c.workersAffected} 人</Text>
                </>
              )}
              {c.contactPhone && (
                <Text className='rights-case__line'>
                  联系电话：{c.contactPhone}（{contactTimeLabel[c.contactTime]}）
                </Text>
              )}
              {!c.callbackOnly && <Text className='rights-case__text'>{c.description}</Text>}
            </Section>
          </View>
        )}
      </StateView>
    </PageRoot>
  )
}
