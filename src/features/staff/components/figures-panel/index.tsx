import { Text, View } from '@tarojs/components'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { staffPaths } from '../../lib/paths'
import { useFigures } from '../../api/staff-admin'

/** The home figures: sent out, cases, course fill, per-station applications and hires. */
export function FiguresPanel() {
  const { data, error, loading, refresh, savedAt } = useFigures()
  return (
    <StateView loading={loading} error={error} savedAt={savedAt} onRetry={() => void refresh()}>
      {data && (
        <View className='figures-panel'>
          <View className='wb-figures'>
            <Figure value={data.sentOut.month} label='本月输出人数' />
            <Figure value={data.sentOut.year} label='今年输出人数' />
            <Figure value={data.cases.open} label='在办求助' path={staffPaths.casesIn('open')} />
            <Figure value={data.cases.overdue} label='超时未受理' path={staffPaths.casesIn('overdue')} warn={data.cases.overdue > 0} />
          </View>
          {data.sentOut.byProvince.length > 0 && (
            <Section title='今年输出去向'>
              {data.sentOut.byProvince.map((p) => (
                <Text key={p.province} className='wb-card__line'>
                  {p.province}：本月 {p.month} 人，今年 {p.year} 人
                </Text>
              ))}
            </Section>
          )}
          <Section title='各站报名和录用'>
            {data.stations.length === 0 && <Text className='wb-card__line'>还没有岗位</Text>}
            {data.stations.map((s) => (
              <Text key={s.id} className='wb-card__line'>
                {s.name}：在招 {s.openJobs} 个岗位，报名 {s.applications} 人，录用 {s.hires} 人
              </Text>
            ))}
          </Section>
          <Section title='培训班报满情况'>
            {data.courses.map((c) => (
              <Text key={c.id} className='wb-card__line'>
                {c.title}（{c.startDate} 开课）：{c.enrolled}/{c.capacity} 人，{Math.round(c.fillRate * 100)}%
                {c.waitlisted > 0 ? `，排队 ${c.waitlisted} 人` : ''}
              </Text>
            ))}
          </Section>
        </View>
      )}
    </StateView>
  )
}

/** A figure; with a `path` it is a tile that opens its list already filtered (在办 → the open cases). */
function Figure({ value, label, path, warn }: { value: number; label: string; path?: string; warn?: boolean }) {
  const tile = path ? { ...asButton, onClick: () => openPage(path) } : {}
  return (
    <View {...tile} className={`wb-figure ${path ? 'wb-figure--link' : ''} ${warn ? 'wb-figure--warn' : ''}`}>
      <Text className='wb-figure__value'>{value}</Text>
      <Text className='wb-figure__label'>
        {label}
        {path ? ' ›' : ''}
      </Text>
    </View>
  )
}
