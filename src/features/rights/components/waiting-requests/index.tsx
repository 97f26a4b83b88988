import { useEffect, useRef } from 'react'
import { View } from '@tarojs/components'
import { useOutboxEntries } from '@/api'
import { type CreateRightsRequestBody, rightsCategoryLabel } from '@contract/rights'
import { ListRow } from '@/components/list-row'
import { openPage } from '@/lib/navigate'
import { chinaTime } from '../../lib/format'
import './index.scss'

interface Props {
  /** A request the outbox held has been sent: the caller shows the real case (with its number) in its place. */
  onSent?: () => void
}

/**
 * Requests for help submitted without a network, read from the outbox's store: waiting to be sent, or refused and
 * to be fixed in the form (which holds their draft). Renders nothing when there are none.
 */
export function WaitingRequests({ onSent }: Props) {
  const entries = useOutboxEntries().filter((e) => e.name === 'createRightsRequest')
  const ids = entries.map((e) => e.id).join(' ')
  const seen = useRef(ids)
  const sent = useRef(onSent)
  sent.current = onSent
  useEffect(() => {
    const gone = seen.current.split(' ').some((id) => id && !ids.split(' ').includes(id))
    seen.current = ids
    if (gone) sent.current?.()
  }, [ids])

  if (entries.length === 0) return null
  return (
    <View className='waiting-requests'>
      {entries.map((e) => {
        const body = (e.req as { body?: Partial<CreateRightsRequestBody> }).body ?? {}
        const what = body.category ? rightsCategoryLabel[body.category] : '求助'
        const refused = e.state === 'refused'
        return (
          <ListRow
            key={e.id}
            title={`${what} · ${body.employerName ?? ''}`}
            note={refused ? `没有发出：${e.error?.message ?? ''}，点开改好再提交` : `${chinaTime(e.createdAt)}保存，有网络会自动发出`}
            value={refused ? '没有发出' : '待发送'}
            onClick={() => openPage('/packages/rights/pages/new/index')}
          />
        )
      })}
    </View>
  )
}
