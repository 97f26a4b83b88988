import { Text, View } from '@tarojs/components'
import type { SurveyVillageProgress } from '@contract/survey'
import { asButton } from '@/lib/a11y'
import './index.scss'

interface Row {
  key: string
  label: string
  checked: number
  total: number
  conflicts: number
  onClick?: () => void
}

const percent = (r: { checked: number; total: number }) => (r.total ? Math.floor((r.checked * 100) / r.total) : 100)

/** Checked / total with a bar, behind first (the server's order). */
export function ProgressTable({ rows }: { rows: Row[] }) {
  return (
    <View className='survey-progress'>
      {rows.map((r) => (
        <View key={r.key} {...(r.onClick ? asButton : {})} className='survey-progress__row' onClick={r.onClick}>
          <View className='survey-progress__line'>
            <Text className='survey-progress__label'>{r.label}</Text>
            <Text className='survey-progress__count'>
              {r.checked} / {r.total}（{percent(r)}%）
            </Text>
          </View>
          <View className='survey-progress__bar'>
            <View className='survey-progress__fill' style={{ width: `${percent(r)}%` }} />
          </View>
          {r.conflicts > 0 && <Text className='survey-progress__conflicts'>{r.conflicts} 人有冲突，请核对</Text>}
        </View>
      ))}
    </View>
  )
}

export const villageRows = (villages: SurveyVillageProgress[], showTownship: boolean, open?: (v: SurveyVillageProgress) => void): Row[] =>
  villages.map((v) => ({
    key: String(v.villageId),
    label: showTownship ? `${v.township} ${v.village}` : v.village,
    checked: v.checked,
    total: v.total,
    conflicts: v.conflicts,
    onClick: open ? () => open(v) : undefined,
  }))
