import { Text, View } from '@tarojs/components'
import { count } from '../../lib/describe'
import '../roster.scss'

/**
 * Charts drawn with Views and CSS, no canvas and no chart library: the same on H5 and weapp, sized by 大字模式, and
 * left out of screen readers (aria-hidden) because every chart sits above a table with the same numbers.
 */

export interface Bar {
  key: string
  label: string
  value: number
}

export function BarChart({ bars, unit = '人' }: { bars: Bar[]; unit?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value))
  return (
    <View className='roster-chart' aria-hidden='true'>
      {bars.map((b) => (
        <View key={b.key} className='roster-bar'>
          <Text className='roster-bar__label'>{b.label}</Text>
          <View className='roster-bar__track'>
            <View className='roster-bar__fill' style={{ width: `${(b.value / max) * 100}%` }} />
          </View>
          <Text className='roster-bar__value'>
            {count(b.value)}
            {unit}
          </Text>
        </View>
      ))}
    </View>
  )
}

/** The box is 5:2 (padding trick, which every WebView knows), so a segment's angle does not depend on its width. */
const ASPECT = 0.4

interface Point {
  x: number
  y: number
}

function segments(values: number[], max: number): { points: Point[]; lines: { left: number; top: number; width: number; angle: number }[] } {
  const n = values.length
  // Inset so the first and last dots are not cut by the box.
  const points = values.map((v, i) => ({ x: 0.04 + (n > 1 ? (i / (n - 1)) * 0.92 : 0.46), y: 0.05 + (1 - v / max) * 0.9 }))
  const lines = points.slice(1).map((p, i) => {
    const a = points[i]
    const dx = p.x - a.x
    const dy = (p.y - a.y) * ASPECT
    return { left: a.x * 100, top: a.y * 100, width: Math.sqrt(dx * dx + dy * dy) * 100, angle: (Math.atan2(dy, dx) * 180) / Math.PI }
  })
  return { points, lines }
}

/** A line by month (this year, with last year's in grey behind it). */
export function MonthLine({ months, values, lastYear }: { months: string[]; values: number[]; lastYear?: number[] }) {
  const max = Math.max(1, ...values, ...(lastYear ?? []))
  const now = segments(values, max)
  const before = lastYear ? segments(lastYear, max) : null
  return (
    <View className='roster-chart' aria-hidden='true'>
      <View style={{ position: 'relative', width: '100%', paddingBottom: `${ASPECT * 100}%` }}>
        <View className='roster-line' style={{ position: 'absolute', left: 0, top: 0, right: 0, bottom: 0, height: 'auto', margin: 0 }}>
          {before?.lines.map((l, i) => (
            <View
              key={`b${i}`}
              className='roster-line__segment roster-line__segment--last-year'
              style={{ left: `${l.left}%`, top: `${l.top}%`, width: `${l.width}%`, transform: `rotate(${l.angle}deg)` }}
            />
          ))}
          {now.lines.map((l, i) => (
            <View key={`n${i}`} className='roster-line__segment' style={{ left: `${l.left}%`, top: `${l.top}%`, width: `${l.width}%`, transform: `rotate(${l.angle}deg)` }} />
          ))}
          {now.points.map((p, i) => (
            <View key={`p${i}`} className='roster-line__dot' style={{ left: `${p.x * 100}%`, top: `${p.y * 100}%` }} />
          ))}
        </View>
      </View>
      <View className='roster-line__months'>
        {months.map((m) => (
          <Text key={m}>{Number(m.slice(5))}月</Text>
        ))}
      </View>
      {lastYear && <Text className='roster-legend'>蓝线：今年；灰线：去年同期</Text>}
    </View>
  )
}
