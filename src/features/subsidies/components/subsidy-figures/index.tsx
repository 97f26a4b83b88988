import { Text, View } from '@tarojs/components'
import type { ResponseOf } from '@contract/endpoint'
import type { staffSubsidyFigures } from '@contract/subsidies'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { useSubsidyFigures } from '@/features/subsidies/api/staff-subsidies'
import { yuanText } from '@/features/subsidies/lib/describe'
import '@/features/subsidies/components/staff-subsidies.scss'

type Figures = ResponseOf<typeof staffSubsidyFigures>
type Totals = Figures['total']

/** Table roles for screen readers (`aria-role` for WeChat); Taro's typings do not declare them, so they are spread. */
const as = (role: string) => ({ role, 'aria-role': role }) as Record<string, string>

/**
 * 补贴 on the figures page: the year's claims and money (申请、审核通过、已发放), then the same by scheme, township and
 * month of claiming, each a plain table. The server scopes it: the county for admins, a township officer's own township.
 */
export function SubsidyFigures({ year, enabled }: { year: number; enabled: boolean }) {
  const { data, error, loading, refresh, savedAt } = useSubsidyFigures(year, enabled)
  return (
    <Section title={`${year}年补贴`}>
      <StateView loading={loading} error={error} savedAt={savedAt} onRetry={() => void refresh()}>
        {data && <FiguresBody data={data} />}
      </StateView>
    </Section>
  )
}

function FiguresBody({ data }: { data: Figures }) {
  const t = data.total
  if (t.claims === 0) return <Text className='wb-card__line'>{data.year}年还没有人申请补贴</Text>
  return (
    <View className='subsidy-figures'>
      <View className='wb-figures'>
        <Tile value={String(t.claims)} label='申请（笔）' />
        <Tile value={yuanText(t.claimedYuan)} label='申请金额' />
        <Tile value={yuanText(t.approvedYuan)} label='审核通过金额' />
        <Tile value={yuanText(t.paidYuan)} label='已发放金额' />
      </View>
      {t.refused > 0 && <Text className='wb-card__line'>不符合条件 {t.refused} 笔</Text>}
      <Table title='按补贴项目' rows={data.byScheme.map((s) => ({ key: String(s.schemeId), name: s.scheme, ...s }))} />
      {data.byTownship.length > 1 && <Table title='按乡镇' rows={data.byTownship.map((s) => ({ key: s.township, name: s.township, ...s }))} />}
      <Table title='按申请月份' rows={data.byMonth.map((m) => ({ key: m.month, name: `${Number(m.month.slice(5))}月`, ...m }))} />
    </View>
  )
}

/** One table: a row a line, the name then claims and the three amounts, read the same by eye and by a screen reader. */
function Table({ title, rows }: { title: string; rows: (Totals & { key: string; name: string })[] }) {
  return (
    <View className='subsidy-figures__table' {...as('table')} aria-label={title}>
      <Text className='subsidy-figures__caption'>{title}</Text>
      <View className='subsidy-figures__row subsidy-figures__row--head' {...as('row')}>
        {['', '申请', '申请金额', '审核通过', '已发放'].map((h, i) => (
          <Text key={i} className='subsidy-figures__cell' {...as('columnheader')}>
            {h}
          </Text>
        ))}
      </View>
      {rows.map((r) => (
        <View key={r.key} className='subsidy-figures__row' {...as('row')} aria-label={`${title} ${r.name}`}>
          <Text className='subsidy-figures__cell subsidy-figures__name' {...as('rowheader')}>
            {r.name}
          </Text>
          <Text className='subsidy-figures__cell' {...as('cell')}>
            {r.claims}笔
          </Text>
          <Text className='subsidy-figures__cell' {...as('cell')}>
            {yuanText(r.claimedYuan)}
          </Text>
          <Text className='subsidy-figures__cell' {...as('cell')}>
            {yuanText(r.approvedYuan)}
          </Text>
          <Text className='subsidy-figures__cell' {...as('cell')}>
            {yuanText(r.paidYuan)}
          </Text>
        </View>
      ))}
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
