import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { RosterLink, RosterLinkKind } from '@contract/roster-activity'
import { asButton } from '@/lib/a11y'
import { BigButton } from '@/components/big-button'
import { FormField } from '@/components/form-field'
import { ListFooter } from '@/components/list-footer'
import { SearchBox } from '@/components/search-box'
import { StateView } from '@/components/state-view'
import { useRosterLink, useRosterLinks } from '../../api/roster'
import '../roster.scss'

const words: Record<RosterLinkKind, { label: string; placeholder: string; none: string }> = {
  station: { label: '哪个工作站', placeholder: '搜工作站或城市，如 昆山', none: '没有找到这个工作站' },
  batch: { label: '哪一趟专车', placeholder: '搜乡镇、城市或单位，如 苏州', none: '没有找到这趟专车' },
  posting: { label: '哪个岗位', placeholder: '搜岗位、单位或城市，如 电子厂', none: '没有找到这个岗位' },
  training: { label: '哪期培训', placeholder: '搜培训班名字，如 电工', none: '没有找到这期培训' },
}

/** 鞋厂流水线工 · 昆山鑫达鞋业 · 昆山市（2026-05-02） */
export const linkLine = (l: RosterLink) => `${l.name}${l.date ? `（${l.date}）` : ''}`

/** The record an organised move names (id), as its name: 怎么出去的 on a person's record. */
export function useLinkName(kind: RosterLinkKind | null, id: number | null): string | null {
  const named = useRosterLink(kind ?? 'station', kind ? id : null)
  const l = named.data?.items[0]
  return l ? linkLine(l) : null
}

interface Props {
  kind: RosterLinkKind
  /** The chosen record's id as the form holds it; '' for none yet. */
  value: string
  onChange: (id: string) => void
  error?: string
}

/**
 * "How they went" names a record: the officer finds it by a word and taps it, and the form keeps its id. A record
 * already named shows by its name, with 换一个 to choose again.
 */
export function LinkPicker({ kind, value, onChange, error }: Props) {
  const id = value ? Number(value) : null
  const [picked, setPicked] = useState<RosterLink | null>(null)
  const [choosing, setChoosing] = useState(id === null)
  const known = picked && picked.id === id ? picked : null
  const named = useRosterLink(kind, known ? null : id)
  const chosen = known ?? named.data?.items[0] ?? null

  const choose = (l: RosterLink) => {
    setPicked(l)
    setChoosing(false)
    onChange(String(l.id))
  }

  return (
    <FormField label={words[kind].label} error={error}>
      {id !== null && (
        <View className='roster-pick__chosen'>
          <Text className='roster-pick__chosen-name'>
            已选：{chosen ? linkLine(chosen) : named.loading ? '正在读取…' : `编号 ${id}（${named.error ? named.error.message : '没有找到，请重新选'}）`}
          </Text>
          {!choosing && (
            <BigButton variant='secondary' className='roster-pick__change' onClick={() => setChoosing(true)}>
              换一个
            </BigButton>
          )}
        </View>
      )}
      {choosing && <LinkSearch kind={kind} onChoose={choose} />}
    </FormField>
  )
}

function LinkSearch({ kind, onChoose }: { kind: RosterLinkKind; onChoose: (l: RosterLink) => void }) {
  const [q, setQ] = useState('')
  const list = useRosterLinks(kind, q)
  return (
    <View className='roster-pick'>
      <SearchBox placeholder={words[kind].placeholder} label={`搜索${words[kind].label.slice(1)}`} onSearch={setQ} />
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText={q ? `${words[kind].none}，换个词试试` : words[kind].none} onRetry={() => void list.refresh()}>
        {list.items.map((l) => (
          <View key={l.id} {...asButton} className='roster-row roster-pick__item' hoverClass='roster-row--pressed' onClick={() => onChoose(l)}>
            <Text className='roster-row__name'>{l.name}</Text>
            {l.date && <Text className='roster-row__line'>{kind === 'batch' ? `${l.date} 发车` : kind === 'training' ? `${l.date} 开课` : kind === 'posting' ? `${l.date} 发布` : l.date}</Text>}
          </View>
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
      </StateView>
    </View>
  )
}
