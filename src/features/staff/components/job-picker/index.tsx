import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { formatWage } from '@contract/jobs'
import { asButton } from '@/lib/a11y'
import { useOpenStaffJobs } from '@/features/staff/api/staff-jobs'
import './index.scss'

interface Props {
  /** The ticked postings' ids, in the order they were ticked. */
  value: number[]
  onChange: (ids: number[]) => void
  error?: string
}

/**
 * Ticks open postings instead of typing their numbers: a word narrows the list (title, employer, place or number),
 * each posting is a whole-row tap, and what is ticked stays listed above the search.
 */
export function JobPicker({ value, onChange, error }: Props) {
  const list = useOpenStaffJobs()
  const [word, setWord] = useState('')
  const w = word.trim()
  const shown = list.items.filter((j) => !w || String(j.id) === w || [j.title, j.employerName, j.city, j.district].some((t) => t.includes(w)))
  const picked = new Set(value)
  const toggle = (id: number) => onChange(picked.has(id) ? value.filter((v) => v !== id) : [...value, id])
  const titleOf = new Map(list.items.map((j) => [j.id, j.title]))
  return (
    <View className='job-picker'>
      <Text className='job-picker__ask'>直播里讲哪些岗位（点一下选上，再点一下取消）</Text>
      <Text className='job-picker__count'>{value.length ? `已选 ${value.length} 个：${value.map((id) => titleOf.get(id) ?? `${id}号岗位`).join('、')}` : '还没有选岗位'}</Text>
      {error && <Text className='job-picker__error'>{error}</Text>}
      <Input className='job-picker__search' value={word} placeholder='输入岗位名、单位或地方找一找' onInput={(e) => setWord(e.detail.value)} />
      {list.loading && !list.items.length ? (
        <Text className='job-picker__note'>正在找招聘中的岗位…</Text>
      ) : list.error && !list.items.length ? (
        <View {...asButton} className='job-picker__more' onClick={() => void list.refresh()}>
          <Text>没有连上，点这里再试一次</Text>
        </View>
      ) : (
        <View className='job-picker__list'>
          {shown.map((j) => {
            const on = picked.has(j.id)
            return (
              <View
                key={j.id}
                {...asButton}
                aria-pressed={on ? 'true' : 'false'}
                className={`job-picker__row ${on ? 'job-picker__row--on' : ''}`}
                onClick={() => toggle(j.id)}
              >
                <Text className='job-picker__tick'>{on ? '✓' : ''}</Text>
                <View className='job-picker__text'>
                  <Text className='job-picker__title'>{j.title}</Text>
                  <Text className='job-picker__line'>
                    {j.employerName} · {j.city} · {formatWage(j)} · {j.id}号
                  </Text>
                </View>
              </View>
            )
          })}
          {shown.length === 0 && <Text className='job-picker__note'>{w ? `没有找到“${w}”，换个词试试` : '现在没有招聘中的岗位'}</Text>}
          {list.hasMore && (
            <View {...asButton} className='job-picker__more' onClick={() => void list.loadMore()}>
              <Text>{list.loadingMore ? '正在加载…' : '再看更多岗位'}</Text>
            </View>
          )}
        </View>
      )}
    </View>
  )
}
