import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { isApiError } from '@/api'
import { BigButton } from '@/components/big-button'
import { PageRoot } from '@/components/page-root'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { showNotice } from '@/lib/notice'
import { confirmByContact, useContactSheet } from '@/features/jobs/api/local-jobs'
import './index.scss'

type Mark = 'came' | 'absent'

/**
 * The employer's contact, from the link the station sent (no account, 3 days): who signed up for the 零工 day, and
 * 来了 / 没来 for each. A confirmed 来了 goes into that worker's 记工.
 */
export default function DayAttendancePage() {
  const t = useRouter().params.t ?? ''
  const sheet = useContactSheet(t)
  const [marks, setMarks] = useState<Record<number, Mark>>({})
  const [busy, setBusy] = useState(false)
  const items = sheet.data?.items ?? []
  const day = sheet.data?.day

  const save = async () => {
    const came = Object.entries(marks).flatMap(([k, v]) => (v === 'came' ? [Number(k)] : []))
    const absent = Object.entries(marks).flatMap(([k, v]) => (v === 'absent' ? [Number(k)] : []))
    setBusy(true)
    try {
      await confirmByContact(t, { came, absent })
      setMarks({})
      showNotice('已确认，谢谢')
      await sheet.refresh()
    } catch (e) {
      showNotice(isApiError(e) ? e.message : '没有保存成功，请再试一次')
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageRoot className='day-attendance'>
      <StateView
        loading={sheet.loading}
        error={sheet.data ? null : sheet.error}
        empty={!t}
        emptyText='链接不完整'
        emptyHint='请向工作站要新的链接'
        onRetry={() => void sheet.refresh()}
      >
        {day && (
          <View>
            <Text className='day-attendance__title'>{day.jobTitle}</Text>
            <Text className='day-attendance__line'>
              {day.date} · {day.place} · 报名 {day.signedUp} 人
            </Text>
            <Text className='day-attendance__line'>
              {items.length > 0 ? '请在每个人后面点“来了”或“没来”，再点“确认”。' : '这天还没有人报名。有人报名后，再打开这个链接就能看到。'}
            </Text>
          </View>
        )}
        {items.map((s) => {
          const mark = marks[s.id] ?? s.attendance
          return (
            <View key={s.id} className='day-attendance__person'>
              <Text className='day-attendance__name'>
                {s.name} {s.phone}
              </Text>
              {s.attendance === 'came' ? (
                <Text className='day-attendance__came'>来了（已确认）</Text>
              ) : (
                <View className='day-attendance__marks'>
                  {(['came', 'absent'] as const).map((m) => (
                    <View
                      key={m}
                      {...asButton}
                      aria-pressed={mark === m ? 'true' : 'false'}
                      className={`day-attendance__mark ${mark === m ? 'day-attendance__mark--on' : ''}`}
                      onClick={() => setMarks((all) => ({ ...all, [s.id]: m }))}
                    >
                      <Text>{m === 'came' ? '来了' : '没来'}</Text>
                    </View>
                  ))}
                </View>
              )}
            </View>
          )
        })}
        {items.length > 0 && (
          <BigButton disabled={busy || Object.keys(marks).length === 0} onClick={() => void save()}>
            {busy ? '正在保存…' : '确认'}
          </BigButton>
        )}
      </StateView>
    </PageRoot>
  )
}
