import { useRef, useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { api, newIdempotencyKey, request } from '@/api'
import { type Policy, policyBody, type PolicyCategory, policyCategories } from '@contract'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { StateView } from '@/components/state-view'
import { asLink } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { usePolicy } from '@/features/policies/api/policies'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { checkBody } from '@/features/staff/lib/check-body'
import { chinaDateTime, errorText, staffPaths } from '@/features/staff/lib/paths'

/** Admins: without ?id publish an article; with it, change one. */
export default function StaffPolicyPage() {
  const id = Number(useRouter().params.id ?? 0)
  return (
    <StaffShell title={id ? '修改政策解读' : '发布政策解读'} adminOnly>
      {() => (id ? <ExistingPolicy id={id} /> : <PolicyForm />)}
    </StaffShell>
  )
}

function ExistingPolicy({ id }: { id: number }) {
  const { data, error, loading, refresh } = usePolicy(id)
  return (
    <StateView loading={loading} error={error} onRetry={() => void refresh()}>
      {data && <PolicyForm policy={data} />}
    </StateView>
  )
}

type Draft = { title: string; category: PolicyCategory; summary: string; body: string; source: string }

const draftOf = (p?: Policy): Draft => ({
  title: p?.title ?? '',
  category: p?.category ?? policyCategories[0],
  summary: p?.summary ?? '',
  body: p?.body ?? '',
  source: p?.source ?? '',
})

function PolicyForm({ policy }: { policy?: Policy }) {
  const [d, setD] = useState<Draft>(() => draftOf(policy))
  const [saved, setSaved] = useState<Policy | undefined>(policy)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const key = useRef(newIdempotencyKey())
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((p) => ({ ...p, [k]: v }))

  const save = async () => {
    setMessage(null)
    // Edits send every field too: the same rules apply to each, and an untouched one is sent back as it was.
    const checked = checkBody(policyBody, d)
    if (!checked.ok) {
      setErrors(checked.fields)
      setMessage({ ok: false, text: '还有没填好的地方，请看红字' })
      return
    }
    setBusy(true)
    setErrors({})
    try {
      if (saved) {
        setSaved(await request(api.staffUpdatePolicy, { params: { id: saved.id }, body: checked.data }, { idempotencyKey: key.current }))
        key.current = newIdempotencyKey()
        setMessage({ ok: true, text: '已保存，务工人员马上就能看到' })
      } else {
        const created = await request(api.staffCreatePolicy, { body: checked.data }, { idempotencyKey: key.current })
        key.current = newIdempotencyKey()
        void Taro.redirectTo({ url: staffPaths.policy(created.id) })
      }
    } catch (e) {
      setErrors((e as { fields?: Record<string, string> }).fields ?? {})
      setMessage({ ok: false, text: errorText(e) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='staff-policy__form'>
      {saved && (
        <View {...asLink} className='wb-card__line staff-policy__public' onClick={() => openPage(`/packages/policies/pages/detail/index?id=${saved.id}`)}>
          <Text>
            {chinaDateTime(saved.updatedAt)} 更新。看看务工人员看到的样子 ›
          </Text>
        </View>
      )}
      <FormField label='类别' error={errors.category}>
        <Chips scroll value={d.category} onChange={(v) => set('category', v)} options={policyCategories.map((c) => ({ value: c, label: c }))} />
      </FormField>
      <FormField label='标题' error={errors.title} hint='写成务工人员会问的话，例如 参加技能培训要不要交钱？'>
        <Input className='form-field__input staff-policy__title' value={d.title} maxlength={60} aria-label='标题' onInput={(e) => set('title', e.detail.value)} />
      </FormField>
      <FormField label='一句话说清楚' error={errors.summary} hint='列表里显示这一句'>
        <Textarea className='form-field__input form-field__textarea staff-policy__summary' value={d.summary} maxlength={200} aria-label='一句话说清楚' onInput={(e) => set('summary', e.detail.value)} />
      </FormField>
      <FormField label='正文' error={errors.body} hint='怎么申请、带什么、找谁，分段写'>
        <Textarea className='form-field__input form-field__textarea staff-policy__body' value={d.body} maxlength={8000} aria-label='正文' onInput={(e) => set('body', e.detail.value)} />
      </FormField>
      <FormField label='来源或咨询单位' error={errors.source} hint='例如 武山县人社局'>
        <Input className='form-field__input staff-policy__source' value={d.source} maxlength={60} aria-label='来源或咨询单位' onInput={(e) => set('source', e.detail.value)} />
      </FormField>
      {message && <Text className={message.ok ? 'wb-ok' : 'wb-message'}>{message.text}</Text>}
      <BigButton className='staff-policy__save' disabled={busy} onClick={() => void save()}>
        {busy ? '正在保存…' : saved ? '保存修改' : '发布'}
      </BigButton>
    </View>
  )
}
