import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { type Benefit, benefits, type Trade, trades } from '@contract/reference'
import { BigButton } from '@/components/big-button'
import { BottomSheet } from '@/components/bottom-sheet'
import { asButton } from '@/lib/a11y'
import { activeFilterCount, type JobFilters, provinceChoices, shortProvince, wageFloors } from '../../lib/filters'
import '@/components/chips/index.scss'
import './index.scss'

type SheetFilters = Pick<JobFilters, 'province' | 'trade' | 'minWage' | 'benefits'>

export interface FilterSheetProps {
  visible: boolean
  value: SheetFilters
  onApply: (next: SheetFilters) => void
  onClose: () => void
}

function Choice({ label, selected, onClick }: { label: string; selected: boolean; onClick: () => void }) {
  return (
    <View {...asButton} aria-pressed={selected ? 'true' : 'false'} className={`chip ${selected ? 'chip--selected' : ''}`} onClick={onClick}>
      <Text>{label}</Text>
    </View>
  )
}

/**
 * 筛选 from the bottom: where, what trade, the least monthly pay, and what must come with the job.
 * Choices are a draft until 确定, so closing the sheet changes nothing.
 */
export function FilterSheet({ visible, value, onApply, onClose }: FilterSheetProps) {
  const [draft, setDraft] = useState<SheetFilters>(value)
  useEffect(() => {
    if (visible) setDraft(value)
  }, [visible, value])

  const toggle = <K extends keyof SheetFilters>(key: K, v: SheetFilters[K]) => setDraft((d) => ({ ...d, [key]: d[key] === v ? undefined : v }))
  const toggleBenefit = (b: Benefit) =>
    setDraft((d) => {
      const list = d.benefits ?? []
      return { ...d, benefits: list.includes(b) ? list.filter((x) => x !== b) : [...list, b] }
    })
  const count = activeFilterCount(draft)

  return (
    <BottomSheet open={visible} title='筛选工作' closeLabel='关闭筛选' onClose={onClose}>
      <View className='filter-sheet'>
        <View className='filter-sheet__body'>
          <Text className='filter-sheet__label'>去哪里干</Text>
          <View className='chips filter-sheet__chips'>
            {provinceChoices.map((p) => (
              <Choice key={p} label={shortProvince(p)} selected={draft.province === p} onClick={() => toggle('province', p)} />
            ))}
          </View>

          <Text className='filter-sheet__label'>工种</Text>
          <View className='chips filter-sheet__chips'>
            {trades.map((t) => (
              <Choice key={t} label={t} selected={draft.trade === t} onClick={() => toggle('trade', t as Trade)} />
            ))}
          </View>

          <Text className='filter-sheet__label'>每月最少挣</Text>
          <View className='chips filter-sheet__chips'>
            {wageFloors.map((w) => (
              <Choice key={w} label={`${w}元以上`} selected={draft.minWage === w} onClick={() => toggle('minWage', w)} />
            ))}
          </View>

          <Text className='filter-sheet__label'>要有这些（可多选）</Text>
          <View className='chips filter-sheet__chips'>
            {benefits.map((b) => (
              <Choice key={b} label={b} selected={draft.benefits?.includes(b) ?? false} onClick={() => toggleBenefit(b)} />
            ))}
          </View>

        </View>
        <View className='filter-sheet__actions'>
          <BigButton variant='secondary' className='filter-sheet__clear' onClick={() => setDraft({})}>
            清除
          </BigButton>
          <BigButton className='filter-sheet__apply' onClick={() => onApply({ ...draft, benefits: draft.benefits?.length ? draft.benefits : undefined })}>
            {count > 0 ? `确定（${count} 项）` : '确定'}
          </BigButton>
        </View>
      </View>
    </BottomSheet>
  )
}
