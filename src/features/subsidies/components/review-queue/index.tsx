import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { isApiError } from '@/api'
import { Dialog } from '@/components/dialog'
import { StateView } from '@/components/state-view'
import { TextArea } from '@/components/text-area'
import { asButton } from '@/lib/a11y'
import type { StaffSubsidyClaim } from '@contract/subsidies'
import { decideClaims } from '../../api/staff-subsidies'
import { ClaimEvidence } from '../claim-evidence'
import '../staff-subsidies.scss'

interface Props {
  items: StaffSubsidyClaim[]
  /** Decisions were made: read the queue again. */
  onDecided: () => void
  /**
   * Said when the view holds no claim. Said here, under the outcome, and not by the page's StateView: approving the
   * last claim empties the queue on the re-read, and the page must not unmount the queue and its 已通过 message with it.
   */
  emptyText: string
}

type Outcome = { ok: string; failed: { id: number; message: string }[] } | { error: string }

/** The claims of one view with what speaks for each; tick several, then approve them or refuse them with one reason. */
export function ReviewQueue({ items, onDecided, emptyText }: Props) {
  const [picked, setPicked] = useState<Set<number>>(new Set())
  const [refusing, setRefusing] = useState<number[] | null>(null)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const open = items.filter((c) => c.status === 'submitted')
  const name = (id: number) => items.find((c) => c.id === id)?.person.name ?? `编号${id}`

  const toggle = (id: number) =>
    setPicked((prev) => {
      const next = new Set(prev)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  const decide = async (ids: number[], decision: 'approve' | 'refuse', why: string | null) => {
    setBusy(true)
    setOutcome(null)
    try {
      const res = await decideClaims(ids, { decision, reason: why })
      const done = res.decided.length
      setOutcome({ ok: done ? `${decision === 'approve' ? '已通过' : '已不通过'} ${done} 条` : '', failed: res.failed })
      setPicked(new Set())
      setRefusing(null)
      setReason('')
      onDecided()
    } catch (e) {
      setOutcome({ error: isApiError(e) ? (Object.values(e.fields ?? {})[0] ?? e.message) : '没有成功，请再试一次' })
    } finally {
      setBusy(false)
    }
  }

  const selected = [...picked].filter((id) => open.some((c) => c.id === id))
  return (
    <View className='review-queue'>
      {open.length > 0 && (
        <View className='wb-row review-queue__bar'>
          <View {...asButton} className='wb-small-button' onClick={() => setPicked(selected.length === open.length ? new Set() : new Set(open.map((c) => c.id)))}>
            <Text>{selected.length === open.length ? '全不选' : '全选'}</Text>
          </View>
          <Text className='review-queue__count'>已选 {selected.length} 条</Text>
          <View {...asButton} aria-disabled={selected.length === 0 || busy ? 'true' : 'false'} className='wb-small-button review-queue__approve' onClick={() => selected.length && !busy && void decide(selected, 'approve', null)}>
            <Text>批量通过</Text>
          </View>
          <View {...asButton} aria-disabled={selected.length === 0 ? 'true' : 'false'} className='wb-small-button wb-small-button--danger' onClick={() => selected.length && setRefusing(selected)}>
            <Text>批量不通过</Text>
          </View>
        </View>
      )}
      {outcome && 'error' in outcome && <Text className='wb-message'>{outcome.error}</Text>}
      {outcome && 'ok' in outcome && (
        <View role='status'>
          {outcome.ok && <Text className='wb-ok'>{outcome.ok}</Text>}
          {outcome.failed.map((f) => (
            <Text key={f.id} className='wb-message'>
              {name(f.id)}：{f.message}
            </Text>
          ))}
        </View>
      )}
      {items.length === 0 && <StateView loading={false} empty emptyText={emptyText} />}
      {items.map((c) => (
        <View key={c.id} className={`wb-card review-queue__item ${picked.has(c.id) ? 'review-queue__item--picked' : ''}`}>
          {c.status === 'submitted' && (
            <View
              {...asButton}
              role='checkbox'
              aria-checked={picked.has(c.id) ? 'true' : 'false'}
              aria-label={`选中${c.person.name}`}
              className='review-queue__tick'
              onClick={() => toggle(c.id)}
            >
              <Text>{picked.has(c.id) ? '☑ 已选' : '☐ 选中'}</Text>
            </View>
          )}
          <ClaimEvidence claim={c} />
          {c.status === 'submitted' && (
            <View className='wb-row'>
              <View {...asButton} className='wb-small-button' onClick={() => !busy && void decide([c.id], 'approve', null)}>
                <Text>通过</Text>
              </View>
              <View {...asButton} className='wb-small-button wb-small-button--danger' onClick={() => setRefusing([c.id])}>
                <Text>不通过</Text>
              </View>
            </View>
          )}
        </View>
      ))}
      <Dialog
        open={refusing !== null}
        title={refusing && refusing.length > 1 ? `${refusing.length} 条不通过` : `${refusing ? name(refusing[0]) : ''}不通过`}
        confirmText='确定不通过'
        danger
        busy={busy}
        onConfirm={() => {
          if (reason.trim().length < 4) return setOutcome({ error: '不通过要写明原因（至少4个字），申请人会看到' })
          void decide(refusing ?? [], 'refuse', reason.trim())
        }}
        onCancel={() => {
          setRefusing(null)
          setReason('')
        }}
      >
        <Text className='wb-card__line'>写明原因，申请人会在手机上看到。</Text>
        <TextArea className='form-field__input form-field__textarea review-queue__reason' value={reason} maxlength={200} onChange={setReason} label='不通过的原因' placeholder='例如 工资流水看不清，请重新拍清楚' />
        {outcome && 'error' in outcome && <Text className='wb-message'>{outcome.error}</Text>}
      </Dialog>
    </View>
  )
}
