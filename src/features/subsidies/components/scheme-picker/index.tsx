import { useEffect } from 'react'
import { Text } from '@tarojs/components'
import { Chips } from '@/components/chips'
import { StateView } from '@/components/state-view'
import { useSubsidySchemes } from '../../api/staff-subsidies'

interface Props {
  value: number
  onChange: (id: number) => void
}

/** Which scheme a list is for: the newest is chosen first. */
export function SchemePicker({ value, onChange }: Props) {
  const schemes = useSubsidySchemes()
  const items = schemes.data?.items ?? []
  const first = items[0]?.id ?? 0
  useEffect(() => {
    if (!value && first) onChange(first)
  }, [value, first, onChange])
  return (
    <StateView loading={schemes.loading} error={schemes.error} empty={items.length === 0} emptyText='还没有补贴项目' emptyHint='县级管理员在“补贴项目”里新建' savedAt={schemes.savedAt} onRetry={() => void schemes.refresh()}>
      {items.length > 1 ? (
        <Chips scroll value={String(value)} onChange={(v) => onChange(Number(v))} options={items.map((s) => ({ value: String(s.id), label: `${s.year}年${s.name}` }))} />
      ) : (
        <Text className='wb-card__line'>{items[0] ? `${items[0].year}年${items[0].name}` : ''}</Text>
      )}
    </StateView>
  )
}
