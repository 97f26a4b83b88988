import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { StaffMember } from '@contract/staff'
import { townships, type Township } from '@contract/places'
import type { FigureFilter, LabourFigures } from '@contract/labour-figures'
import { chinaDate } from '@contract/format'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { asLink } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { useLabourFigures } from '@/features/roster/api/roster'
import { BarChart, MonthLine } from '@/features/roster/components/figure-chart'
import { count, percent, yuan } from '@/features/roster/lib/describe'
import { filterOfFigure, isDateText, rosterPaths } from '@/features/roster/lib/paths'
import { SubsidyFigures } from '@/features/subsidies/components/subsidy-figures'

/**
 * 劳务输转统计: people working away, organised and their rate, by month, destination and township, against last year.
 * Every chart has its table; every row opens exactly the people it counts. Below, the year's 补贴 by scheme, township and month.
 */
export default function RosterFiguresPage() {
  return <StaffShell title='劳务输转统计'>{(staff) => <Figures staff={staff} />}</StaffShell>
}

function Figures({ staff }: { staff: StaffMember }) {
  const thisYear = Number(chinaDate(new Date()).slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const [township, setTownship] = useState<Township | undefined>(undefined)
  const [asOfText, setAsOfText] = useState('')
  const asOf = isDateText(asOfText) ? asOfText : undefined
  const admin = staff.role === 'admin'
  const allowed = admin || staff.role === 'township'
  const { data, error, loading, refresh, savedAt } = useLabourFigures({ year: asOf ? undefined : year, township: admin ? township : undefined, asOf }, allowed)
  if (!allowed) return <Text className='lead-text'>统计只给县级管理员和乡镇劳务专干看。</Text>

  return (
    <View className='roster-figures'>
      <FormField label='年份'>
        <Chips value={String(year)} onChange={(v) => setYear(Number(v))} options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: `${y}年` }))} />
      </FormField>
      {admin && (
        <FormField label='乡镇'>
          <Chips
            scroll
            value={township ?? ''}
            onChange={(v) => setTownship((v || undefined) as Township | undefined)}
            options={[{ value: '', label: '全县' }, ...townships.map((t) => ({ value: t, label: t }))]}
          />
        </FormField>
      )}
      <FormField label='截至哪天（可以不填）' hint='格式 2026-06-30；填了就按那天结束时的台账统计，月底数以后再改也不变。'>
        <Input className='form-field__input roster-figures__as-of' value={asOfText} maxlength={10} aria-label='截至哪天' onInput={(e) => setAsOfText(e.detail.value.trim())} />
      </FormField>
      <StateView loading={loading} error={error} savedAt={savedAt} onRetry={() => void refresh()}>
        {data && <FiguresBody data={data} />}
      </StateView>
      {/* 补贴 by the chosen year; the server scopes it (the county, or the officer's township), not the 乡镇 chips. */}
      <SubsidyFigures year={year} enabled={allowed} />
    </View>
  )
}

/** A row that opens the people list with the row's own filter. */
function FigureRow({ name, away, organised, organisedRate, lastYear, filter, extra }: { name: string; away: number; organised: number; organisedRate: number; lastYear: { away: number }; filter: FigureFilter; extra?: string }) {
  return (
    <View {...asLink} className='roster-figure-row' onClick={() => openPage(rosterPaths.people(filterOfFigure(filter)))}>
      <Text className='roster-figure-row__name'>
        外出务工 {name} {count(away)} ›
      </Text>
      <Text>
        有组织 {count(organised)}（{percent(organisedRate)}）· 去年同期 {count(lastYear.away)}
        {extra ?? ''}
      </Text>
    </View>
  )
}

function FiguresBody({ data }: { data: LabourFigures }) {
  const y = data.yearToDate
  return (
    <View>
      <Text className='wb-card__line'>
        {data.township ?? '全县'} · 截至 {data.asOf}
      </Text>
      <View className='wb-figures'>
        <Tile value={count(y.away)} label='外出务工（人）' />
        <Tile value={count(y.organised)} label='有组织输转（人）' />
        <Tile value={percent(y.organisedRate)} label='有组织输转率' />
        <Tile value={yuan(y.incomeYuan)} label='估算劳务收入' />
      </View>
      <FigureRow name={data.township ?? '全县'} {...y} extra={`，去年同期收入 ${yuan(y.lastYear.incomeYuan)}`} />
      {y.awayWithoutIncomeBand > 0 && <Text className='wb-card__line'>有 {count(y.awayWithoutIncomeBand)} 人没填月收入，不在收入估算里。</Text>}

      <Section title='按月'>
        {data.months.length > 0 && (
          <MonthLine months={data.months.map((m) => m.month)} values={data.months.map((m) => m.away)} lastYear={data.months.map((m) => m.lastYear.away)} />
        )}
        {data.months.map((m) => (
          <FigureRow key={m.month} name={`${Number(m.month.slice(5))}月`} {...m} extra={` · 收入 ${yuan(m.incomeYuan)}`} />
        ))}
      </Section>

      <Section title='按去向省份'>
        <BarChart bars={data.byProvince.map((p) => ({ key: p.province, label: p.province, value: p.away }))} />
        {data.byProvince.length === 0 && <Text className='wb-card__line'>还没有人外出务工</Text>}
        {data.byProvince.map((p) => (
          <FigureRow key={p.province} name={p.province} {...p} />
        ))}
      </Section>

      {data.byTownship.length > 1 && (
        <Section title='按乡镇'>
          <BarChart bars={data.byTownship.map((t) => ({ key: t.township, label: t.township, value: t.away }))} />
          {data.byTownship.map((t) => (
            <FigureRow key={t.township} name={t.township} {...t} />
          ))}
        </Section>
      )}
    </View>
  )
}

function Tile({ value, label }: { value: string; label: string }) {
  return (
    <View className='wb-figure'>
      <Text className='wb-figure__value'>{value}</Text>
      <Text className='wb-figure__label'>{label}</Text>
    </View>
  )
}
