import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { type Benefit, benefits, type Trade, trades } from '@contract/reference'
import { BigButton } from '@/components/big-button'
import { BottomSheet } from '@/components/bottom-sheet'
import { asButton } from '@/lib/a11y'
import { activeFilterCount, ageChoices, type JobFilters, provinceChoices, shortProvince, wageFloors } from '../../lib/filters'
import '@/components/chips/index.scss'
import './index.scss'

type SheetFilters = Pick<JobFilters, 'province' | 'trade' | 'minWage' | 'benefits' | 'payType' | 'meals' | 'housing' | 'maxAge'>

const payChoices = [
  { value: 'daily', label: '日结' },
  { value: 'monthly', label: '月薪' },
  { value: 'piece', label: '计件' },
] as const
const housingChoices = [
  { value: 'dorm', label: '有宿舍' },
  { value: 'couple', label: '有夫妻房' },
  { value: 'allowance', label: '住房补贴' },
] as const

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

          <Text className='filter-sheet__label'>怎么发钱</Text>
          <View className='chips filter-sheet__chips'>
            {payChoices.map((p) => (
              // A monthly floor means nothing for day or piece rates: choosing one drops it.
              <Choice
                key={p.value}
                label={p.label}
                selected={draft.payType === p.value}
                onClick={() => setDraft((d) => ({ ...d, payType: d.payType === p.value ? undefined : p.value, minWage: p.value === 'monthly' ? d.minWage : undefined }))}
              />
            ))}
          </View>

          {(draft.payType === undefined || draft.payType === 'monthly') && (
            <>
              <Text className='filter-sheet__label'>每月最少挣</Text>
              <View className='chips filter-sheet__chips'>
                {wageFloors.map((w) => (
                  <Choice key={w} label={`${w}元以上`} selected={draft.minWage === w} onClick={() => toggle('minWage', w)} />
                ))}
              </View>
            </>
          )}

          <Text className='filter-sheet__label'>吃住</Text>
          <View className='chips filter-sheet__chips'>
            <Choice label='管吃' selected={draft.meals === true} onClick={() => toggle('meals', true)} />
            {housingChoices.map((h) => (
              <Choice key={h.value} label={h.label} selected={draft.housing === h.value} onClick={() => toggle('housing', h.value)} />
            ))}
          </View>

          <Text className='filter-sheet__label'>我的年龄</Text>
          <View className='chips filter-sheet__chips'>
            {ageChoices.map((a) => (
              <Choice key={a} label={`${a}岁`} selected={draft.maxAge === a} onClick={() => toggle('maxAge', a)} />
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
