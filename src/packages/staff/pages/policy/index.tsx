import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { type Policy, policyBody, type PolicyCategory, policyCategories } from '@contract/policies'
import { StateView } from '@/components/state-view'
import { asLink } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { usePolicy } from '@/features/policies/api/policies'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { ChoiceField, SaveRow, TextField } from '@/features/staff/components/staff-form'
import { checkForm } from '@/lib/check-form'
import { staffPaths } from '@/features/staff/lib/paths'
import { chinaDateTime } from '@contract/format'
import { useStaffForm } from '@/features/staff/lib/use-staff-form'
import { useIdParam } from '@/hooks/use-id-param'
import { savePolicy } from '@/features/staff/api/staff-policies'

/** Admins: without ?id publish an article; with it, change one. */
export default function StaffPolicyPage() {
  const id = useIdParam()
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
  const { draft: d, set, errors, message, setMessage, busy, save } = useStaffForm<Draft>(() => draftOf(policy))
  const [saved, setSaved] = useState<Policy | undefined>(policy)

  const submit = async () => {
    // Edits send every field too: the same rules apply to each, and an untouched one goes back as it was.
    const checked = checkForm(policyBody, d)
    const result = await save(d, checked.ok ? {} : checked.fields, (idempotencyKey) => savePolicy(saved?.id ?? null, d, idempotencyKey))
    if (!result) return
    if (saved) {
      setSaved(result)
      setMessage({ text: '已保存，务工人员马上就能看到', ok: true })
    } else {
      void Taro.redirectTo({ url: staffPaths.policy(result.id) })
    }
  }

  return (
    <View className='staff-policy__form'>
      {saved && (
        <View {...asLink} className='wb-card__line staff-policy__public' onClick={() => openPage(`/packages/policies/pages/detail/index?id=${saved.id}`)}>
          <Text>{chinaDateTime(saved.updatedAt)} 更新。看看务工人员看到的样子 ›</Text>
        </View>
      )}
      <ChoiceField label='类别' scroll error={errors.category} value={d.category} onChange={(v) => set('category', v)} options={policyCategories.map((c) => ({ value: c, label: c }))} />
      <TextField
        label='标题'
        className='staff-policy__title'
        hint='写成务工人员会问的话，例如 参加技能培训要不要交钱？'
        maxlength={60}
        value={d.title}
        error={errors.title}
        onChange={(v) => set('title', v)}
      />
      <TextField label='一句话说清楚' className='staff-policy__summary' hint='列表里显示这一句' multiline maxlength={200} value={d.summary} error={errors.summary} onChange={(v) => set('summary', v)} />
      <TextField label='正文' className='staff-policy__body' hint='怎么申请、带什么、找谁，分段写' multiline maxlength={8000} value={d.body} error={errors.body} onChange={(v) => set('body', v)} />
      <TextField label='来源或咨询单位' className='staff-policy__source' hint='例如 武山县人社局' maxlength={60} value={d.source} error={errors.source} onChange={(v) => set('source', v)} />
      <SaveRow className='staff-policy__save' message={message} busy={busy} label={saved ? '保存修改' : '发布'} onSave={() => void submit()} />
    </View>
  )
}
