import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { linkLine, type RosterLink, type RosterLinkKind } from '@contract/roster-activity'
import type { ApiListState, ApiState } from '@/api'
import { asButton } from '@/lib/a11y'
import { BigButton } from '../big-button'
import { FormField } from '../form-field'
import { ListFooter } from '../list-footer'
import { SearchBox } from '../search-box'
import { StateView } from '../state-view'
import './index.scss'

const words: Record<RosterLinkKind, { label: string; placeholder: string; none: string; date: string }> = {
  station: { label: '哪个工作站', placeholder: '搜工作站或城市，如 昆山', none: '没有找到这个工作站', date: '' },
  batch: { label: '哪一趟专车', placeholder: '搜乡镇、城市或单位，如 苏州', none: '没有找到这趟专车', date: '发车' },
  posting: { label: '哪个岗位', placeholder: '搜岗位、单位或城市，如 电子厂', none: '没有找到这个岗位', date: '发布' },
  training: { label: '哪期培训', placeholder: '搜培训班名字，如 电工', none: '没有找到这期培训', date: '开课' },
}

/**
 * Where the records come from: each area reads `GET /staff/roster/links` through its own hooks (features never import
 * each other). Module-level constants, so the hooks run in the same order on every draw.
 */
export interface LinkSource {
  /** The newest records of a kind, by part of a name. */
  useLinks: (kind: RosterLinkKind, q: string) => ApiListState<RosterLink>
  /** The one record a form already names (id), for its name; null reads nothing. */
  useLink: (kind: RosterLinkKind, id: number | null) => ApiState<{ items: RosterLink[] }>
}

interface Props {
  kind: RosterLinkKind
  source: LinkSource
  /** The chosen record's id as the form holds it; '' for none yet. */
  value: string
  onChange: (id: string, link: RosterLink) => void
  /** The chosen record when the form already has it by name (read nothing for it). */
  known?: RosterLink | null
  /** What to say instead of the network's error when the list cannot be read (no signal). */
  offlineText?: string
  error?: string
}

/**
 * "How they went" names a record: the officer finds it by a word and taps it, and the form keeps its id. A record
 * already named shows by its name, with 换一个 to choose again.
 */
export function LinkPicker({ kind, source, value, onChange, known, offlineText, error }: Props) {
  const id = value ? Number(value) : null
  const [picked, setPicked] = useState<RosterLink | null>(known ?? null)
  const [choosing, setChoosing] = useState(id === null)
  const have = [picked, known].find((l) => l && l.id === id) ?? null
  const named = source.useLink(kind, have ? null : id)
  const chosen = have ?? named.data?.items[0] ?? null

  const choose = (l: RosterLink) => {
    setPicked(l)
    setChoosing(false)
    onChange(String(l.id), l)
  }

  return (
    <FormField label={words[kind].label} error={error}>
      {id !== null && (
        <View className='link-pick__chosen'>
          <Text className='link-pick__chosen-name'>
            已选：{chosen ? linkLine(chosen) : named.loading ? '正在读取…' : `编号 ${id}（${named.error ? named.error.message : '没有找到，请重新选'}）`}
          </Text>
          {!choosing && (
            <BigButton variant='secondary' className='link-pick__change' onClick={() => setChoosing(true)}>
              换一个
            </BigButton>
          )}
        </View>
      )}
      {choosing && <LinkSearch kind={kind} source={source} offlineText={offlineText} onChoose={choose} />}
    </FormField>
  )
}

function LinkSearch({ kind, source, offlineText, onChoose }: { kind: RosterLinkKind; source: LinkSource; offlineText?: string; onChoose: (l: RosterLink) => void }) {
  const [q, setQ] = useState('')
  const list = source.useLinks(kind, q)
  const error = list.error && offlineText && list.error.transient ? { message: offlineText } : list.error
  return (
    <View className='link-pick'>
      <SearchBox placeholder={words[kind].placeholder} label={`搜索${words[kind].label.slice(1)}`} onSearch={setQ} />
      <StateView loading={list.loading} error={error} empty={list.items.length === 0} emptyText={q ? `${words[kind].none}，换个词试试` : words[kind].none} onRetry={() => void list.refresh()}>
        {list.items.map((l) => (
          <View key={l.id} {...asButton} className='link-pick__item' hoverClass='link-pick__item--pressed' onClick={() => onChoose(l)}>
            <Text className='link-pick__name'>{l.name}</Text>
            {l.date && <Text className='link-pick__date'>{words[kind].date ? `${l.date} ${words[kind].date}` : l.date}</Text>}
          </View>
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
      </StateView>
    </View>
  )
}
