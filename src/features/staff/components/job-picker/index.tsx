import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { formatWage } from '@contract/jobs'
import type { StaffJobListItem } from '@contract/staff-jobs'
import { hasHiddenChars, hiddenCharsMessage } from '@contract/validators'
import { asButton } from '@/lib/a11y'
import { useOpenStaffJobs } from '@/features/staff/api/staff-jobs'
import './index.scss'

/** Typing pauses this long before the server is asked: one search per word, not one per character. */
export const SEARCH_DELAY_MS = 300

interface Props {
  /** The ticked postings' ids, in the order they were ticked. */
  value: number[]
  onChange: (ids: number[]) => void
  error?: string
}

/**
 * Ticks open postings instead of typing their numbers: a word is searched on the server (title, employer, place or
 * number), so a posting far down a long list is found too; each posting is a whole-row tap, and what is ticked stays
 * listed whatever the search shows.
 */
export function JobPicker({ value, onChange, error }: Props) {
  const [word, setWord] = useState('')
  const w = word.trim()
  // The server refuses such a word; say why here rather than show a failed search.
  const hidden = hasHiddenChars(w)
  const [q, setQ] = useState('')
  useEffect(() => {
    const next = hidden ? '' : w
    // Clearing the box shows every posting at once; a word waits for the typing to pause.
    if (!next) {
      setQ('')
      return
    }
    const timer = setTimeout(() => setQ(next), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [w, hidden])
  const list = useOpenStaffJobs(q)

  // Each ticked posting as it was when ticked: still listed (and named) when the search no longer finds it.
  const [ticked, setTicked] = useState<ReadonlyMap<number, StaffJobListItem>>(new Map())
  const picked = new Set(value)
  const toggle = (j: StaffJobListItem) => {
    if (!picked.has(j.id)) setTicked((m) => new Map(m).set(j.id, j))
    onChange(picked.has(j.id) ? value.filter((v) => v !== j.id) : [...value, j.id])
  }
  const inResults = new Set(list.items.map((j) => j.id))
  const keptAbove = value.flatMap((id) => {
    const j = ticked.get(id)
    return j && !inResults.has(id) ? [j] : []
  })
  const titleOf = (id: number) => list.items.find((j) => j.id === id)?.title ?? ticked.get(id)?.title ?? `${id}号岗位`

  const row = (j: StaffJobListItem) => {
    const on = picked.has(j.id)
    return (
      <View key={j.id} {...asButton} aria-pressed={on ? 'true' : 'false'} className={`job-picker__row ${on ? 'job-picker__row--on' : ''}`} onClick={() => toggle(j)}>
        <Text className='job-picker__tick'>{on ? '✓' : ''}</Text>
        <View className='job-picker__text'>
          <Text className='job-picker__title'>{j.title}</Text>
          <Text className='job-picker__line'>
            {j.employerName} · {j.city} · {formatWage(j)} · {j.id}号
          </Text>
        </View>
      </View>
    )
  }

  return (
    <View className='job-picker'>
      <Text className='job-picker__ask'>直播里讲哪些岗位（点一下选上，再点一下取消）</Text>
      <Text className='job-picker__count'>{value.length ? `已选 ${value.length} 个：${value.map(titleOf).join('、')}` : '还没有选岗位'}</Text>
      {error && <Text className='job-picker__error'>{error}</Text>}
      <Input className='job-picker__search' value={word} maxlength={30} placeholder='输入岗位名、单位、地方或编号找一找' onInput={(e) => setWord(e.detail.value)} />
      {hidden && <Text className='job-picker__error'>{hiddenCharsMessage}</Text>}
      <View className='job-picker__list'>
        {keptAbove.map(row)}
        {list.loading && !list.items.length ? (
          <Text className='job-picker__note'>{q ? `正在找“${q}”…` : '正在找招聘中的岗位…'}</Text>
        ) : list.error && !list.items.length ? (
          <View {...asButton} className='job-picker__more' onClick={() => void list.refresh()}>
            <Text>没有连上，点这里再试一次</Text>
          </View>
        ) : (
          <>
            {list.items.map(row)}
            {list.items.length === 0 && <Text className='job-picker__note'>{q ? `没有找到“${q}”，换个词试试` : '现在没有招聘中的岗位'}</Text>}
            {list.hasMore && (
              <View {...asButton} className='job-picker__more' onClick={() => void list.loadMore()}>
                <Text>{list.loadingMore ? '正在加载…' : '再看更多岗位'}</Text>
              </View>
            )}
          </>
        )}
      </View>
    </View>
  )
}
