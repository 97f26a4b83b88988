import { useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { isApiError, newIdempotencyKey } from '@/api'
import { returnReasonLabel, returnReasons, type ReturnReason } from '@contract/roster'
import { provinces } from '@contract/rights'
import {
  contactChannelLabel,
  contactChannels,
  contactOutcomeLabel,
  contactOutcomes,
  type ContactChannel,
  type ContactOutcome,
  type PersonContact,
  type RecordContactBody,
} from '@contract/roster-follow-up'
import { chinaDateTime } from '@contract/format'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { ListFooter } from '@/components/list-footer'
import { StateView } from '@/components/state-view'
import { recordContact, usePersonContacts } from '../../api/follow-up'
import '../roster.scss'

/** 2026-11-20 · 电话 · 还在干 · 洛门镇劳务专干 */
export function contactLine(c: PersonContact): string {
  return [c.contactedOn, contactChannelLabel[c.channel], contactOutcomeLabel[c.outcome], c.staff?.displayName].filter(Boolean).join(' · ')
}

/** A person's contacts, newest first. */
export function ContactList({ personId }: { personId: number }) {
  const list = usePersonContacts(personId)
  return (
    <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText='还没有回访记录' savedAt={list.savedAt} onRetry={() => void list.refresh()}>
      {list.items.map((c) => (
        <View key={c.id} className='roster-change roster-contact'>
          <Text className='roster-change__who'>{contactLine(c)}</Text>
          {c.note && <Text className='roster-change__line'>{c.note}</Text>}
          <Text className='roster-change__line'>记于 {chinaDateTime(c.createdAt)}</Text>
        </View>
      ))}
      <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
    </StateView>
  )
}

interface FormProps {
  personId: number
  /** The contact is kept and the roster may have followed it: the page reads the person again. */
  onSaved: () => void
}

/** 记一次回访: how they were reached and what they said; 回家了 asks why, 换了工作 asks where. */
export function ContactForm({ personId, onSaved }: FormProps) {
  const [channel, setChannel] = useState<ContactChannel | ''>('')
  const [outcome, setOutcome] = useState<ContactOutcome | ''>('')
  const [returnReason, setReturnReason] = useState<ReturnReason | ''>('')
  const [province, setProvince] = useState('')
  const [city, setCity] = useState('')
  const [employer, setEmployer] = useState('')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // One key per contact: a retry after a lost answer is not kept twice.
  const attempt = useRef<{ key: string; body: string } | null>(null)

  const save = async () => {
    if (busy) return
    const local: Record<string, string> = {}
    if (!channel) local.channel = '请选择怎么联系的'
    if (!outcome) local.outcome = '请选择联系的结果'
    setErrors(local)
    setMessage(null)
    if (Object.keys(local).length) return
    const body: RecordContactBody = { channel: channel as ContactChannel, outcome: outcome as ContactOutcome, note: note.trim() }
    if (outcome === 'came_home' && returnReason) body.returnReason = returnReason
    if (outcome === 'changed_job') {
      if (province) body.destinationProvince = province as RecordContactBody['destinationProvince']
      if (city.trim()) body.destinationCity = city.trim()
      if (employer.trim()) body.employer = employer.trim()
    }
    const text = JSON.stringify(body)
    if (!attempt.current || attempt.current.body !== text) attempt.current = { key: newIdempotencyKey(), body: text }
    setBusy(true)
    try {
      await recordContact(personId, body, attempt.current.key)
      attempt.current = null
      setChannel('')
      setOutcome('')
      setReturnReason('')
      setProvince('')
      setCity('')
      setEmployer('')
      setNote('')
      setMessage(null)
      onSaved()
    } catch (e) {
      setErrors(isApiError(e) && e.fields ? { ...e.fields } : {})
      setMessage(isApiError(e) && e.fields ? '有几项需要改一下，请看红字' : isApiError(e) ? e.message : '没有记上，请再试一次')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='roster-contact-form'>
      <FormField label='怎么联系的' error={errors.channel}>
        <Chips value={channel} onChange={setChannel} options={contactChannels.map((c) => ({ value: c, label: contactChannelLabel[c] }))} />
      </FormField>
      <FormField label='联系的结果' error={errors.outcome}>
        <Chips value={outcome} onChange={setOutcome} options={contactOutcomes.map((o) => ({ value: o, label: contactOutcomeLabel[o] }))} />
      </FormField>
      {outcome === 'came_home' && (
        <FormField label='为什么回家' hint='不选就记作其他' error={errors.returnReason}>
          <Chips value={returnReason} onChange={setReturnReason} options={returnReasons.map((r) => ({ value: r, label: returnReasonLabel[r] }))} />
        </FormField>
      )}
      {outcome === 'changed_job' && (
        <>
          <FormField label='现在在哪个省' error={errors.destinationProvince}>
            <Chips scroll value={province} onChange={setProvince} options={provinces.map((p) => ({ value: p, label: p }))} />
          </FormField>
          <FormField label='哪个城市（可以不填）' hint='例如 无锡市' error={errors.destinationCity}>
            <Input className='form-field__input roster-contact__city' value={city} maxlength={20} aria-label='哪个城市' onInput={(e) => setCity(e.detail.value)} />
          </FormField>
          <FormField label='新单位（可以不填）' error={errors.employer}>
            <Input className='form-field__input roster-contact__employer' value={employer} maxlength={40} aria-label='新单位' onInput={(e) => setEmployer(e.detail.value)} />
          </FormField>
        </>
      )}
      <FormField label='说了什么（可以不填）' error={errors.note}>
        <Input className='form-field__input roster-contact__note' value={note} maxlength={500} aria-label='说了什么' onInput={(e) => setNote(e.detail.value)} />
      </FormField>
      {message && (
        <Text className='wb-message' aria-live='polite'>
          {message}
        </Text>
      )}
      <BigButton className='roster-contact__save' disabled={busy} onClick={() => void save()}>
        {busy ? '正在记录…' : '记下这次回访'}
      </BigButton>
    </View>
  )
}
