import { useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { isApiError, newIdempotencyKey } from '@/api'
import { chinaDateTime } from '@contract/format'
import { riskActionKinds, riskActionLabel, type PersonAtRisk, type RiskActionKind } from '@contract/roster-follow-up'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { ListFooter } from '@/components/list-footer'
import { StateView } from '@/components/state-view'
import { asLink } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { recordRiskAction, useRisks } from '@/features/roster/api/follow-up'
import { count, placeLine, riskReasonText, statusLine, whoLine } from '@/features/roster/lib/describe'
import { rosterPaths } from '@/features/roster/lib/paths'
import '@/features/roster/components/roster.scss'

/**
 * 风险名单 (防返贫监测): 脱贫户 and 监测户 people without work 30 days or more, or who reported unpaid wages or an
 * injury. An officer records what was done; that takes them off until something new happens.
 */
export default function RosterRisksPage() {
  return <StaffShell title='风险名单'>{() => <Risks />}</StaffShell>
}

function Risks() {
  const list = useRisks()
  const [message, setMessage] = useState<string | null>(null)
  const total = list.firstPage?.total ?? null
  return (
    <View className='roster-risks'>
      <Text className='wb-card__line'>脱贫户、监测户里没活干满30天，或者反映欠薪、受伤的人。记下做了什么之后，这个人就从名单上去掉。</Text>
      {message && (
        <Text className='wb-ok' aria-live='polite'>
          {message}
        </Text>
      )}
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText='现在没有风险名单上的人' savedAt={list.savedAt} onRetry={() => void list.refresh()}>
        {total !== null && (
          <Text className='roster-count' aria-live='polite'>
            共 {count(total)} 人
          </Text>
        )}
        {list.items.map((r) => (
          <RiskCard
            key={r.person.id}
            item={r}
            onDone={(text) => {
              setMessage(text)
              void list.refresh()
            }}
          />
        ))}
        <ListFooter count={total ?? list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
      </StateView>
    </View>
  )
}

function RiskCard({ item: { person: p, reasons, lastAction }, onDone }: { item: PersonAtRisk; onDone: (text: string) => void }) {
  const [open, setOpen] = useState(false)
  const [action, setAction] = useState<RiskActionKind | ''>('')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const attempt = useRef<{ key: string; body: string } | null>(null)

  const save = async () => {
    if (busy) return
    if (!action) return setError('请选择做了什么')
    setError(null)
    const body = { action, note: note.trim() }
    const text = JSON.stringify(body)
    if (!attempt.current || attempt.current.body !== text) attempt.current = { key: newIdempotencyKey(), body: text }
    setBusy(true)
    try {
      await recordRiskAction(p.id, body, attempt.current.key)
      onDone(`已记下：${p.name} ${riskActionLabel[action]}`)
    } catch (e) {
      setError(isApiError(e) ? (e.fields ? Object.values(e.fields)[0] : e.message) : '没有记上，请再试一次')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='roster-row wb-card roster-risk'>
      <Text {...asLink} className='roster-row__name' onClick={() => openPage(rosterPaths.person(p.id))}>
        {p.name} ›
      </Text>
      <Text className='roster-row__line'>{placeLine(p)}</Text>
      <Text className='roster-row__line'>{whoLine(p)}</Text>
      <Text className='roster-row__line'>{statusLine(p)}</Text>
      {reasons.map((r) => (
        <Text key={r.kind} className='roster-risk__reason'>
          {riskReasonText(r)}
        </Text>
      ))}
      {lastAction && (
        <Text className='roster-row__line'>
          上次处理：{riskActionLabel[lastAction.action]}（{chinaDateTime(lastAction.createdAt).slice(0, 10)}）
        </Text>
      )}
      {p.phone && <Text className='roster-row__line'>电话 {p.phone}</Text>}
      {open ? (
        <View>
          <FormField label='做了什么' error={error ?? undefined}>
            <Chips value={action} onChange={setAction} options={riskActionKinds.map((k) => ({ value: k, label: riskActionLabel[k] }))} />
          </FormField>
          <FormField label='补充说明（可以不填）'>
            <Input className='form-field__input roster-risk__note' value={note} maxlength={500} aria-label='补充说明' onInput={(e) => setNote(e.detail.value)} />
          </FormField>
          <BigButton className='roster-risk__save' disabled={busy} onClick={() => void save()}>
            {busy ? '正在记录…' : '记下处理'}
          </BigButton>
          <BigButton variant='secondary' onClick={() => setOpen(false)}>
            先不记
          </BigButton>
        </View>
      ) : (
        <BigButton className='roster-risk__open' onClick={() => setOpen(true)}>
          记录处理
        </BigButton>
      )}
    </View>
  )
}
