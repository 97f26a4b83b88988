import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { isApiError, newIdempotencyKey } from '@/api'
import { povertyStatusLabel, povertyStatuses, type PovertyStatus } from '@contract/roster'
import {
  destinationBandLabel,
  destinationBands,
  knownRecordKindLabel,
  knownRecordKinds,
  proofKindLabel,
  proofKinds,
  subsidyKindLabel,
  subsidyKinds,
  type SubsidyKind,
  type SubsidyScheme,
  type SubsidySchemeBody,
  subsidySchemeBody,
} from '@contract/subsidies'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { asButton } from '@/lib/a11y'
import { checkForm, type FieldErrors } from '@/lib/check-form'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { createScheme, updateScheme, useSubsidySchemes } from '@/features/subsidies/api/staff-subsidies'
import { dateText } from '@/features/subsidies/lib/describe'
import '@/features/subsidies/components/staff-subsidies.scss'

/** 补贴项目 (admins): the schemes of each year, a new one with the amounts the county confirmed, and changing one (修改). */
export default function SubsidySchemesPage() {
  return (
    <StaffShell title='补贴项目' adminOnly>
      {() => <Schemes />}
    </StaffShell>
  )
}

function amountsLine(s: SubsidyScheme): string {
  const { byBand, flatYuan } = s.amounts
  if (byBand) return destinationBands.map((b) => `${destinationBandLabel[b]}${byBand[b]}元`).join('，')
  return `每人${flatYuan ?? 0}元`
}

function Schemes() {
  const list = useSubsidySchemes()
  const [adding, setAdding] = useState(false)
  const [editing, setEditing] = useState<SubsidyScheme | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const open = (s: SubsidyScheme | null, add: boolean) => {
    setSaved(null)
    setEditing(s)
    setAdding(add)
  }
  return (
    <View>
      {saved && <Text className='wb-ok'>{saved}</Text>}
      {editing ? (
        <SchemeForm
          key={editing.id}
          scheme={editing}
          onSaved={(s) => {
            setEditing(null)
            setSaved(`已保存 ${s.year}年${s.name}`)
            void list.refresh()
          }}
          onCancel={() => setEditing(null)}
        />
      ) : adding ? (
        <SchemeForm
          onSaved={(s) => {
            setAdding(false)
            setSaved(`已新建 ${s.year}年${s.name}`)
            void list.refresh()
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <BigButton className='schemes-page__new' onClick={() => open(null, true)}>
          新建补贴项目
        </BigButton>
      )}
      <StateView loading={list.loading} error={list.error} empty={(list.data?.items.length ?? 0) === 0} emptyText='还没有补贴项目' onRetry={() => void list.refresh()}>
        {list.data?.items.map((s) => (
          <View key={s.id} className='wb-card'>
            <Text className='wb-card__title'>
              {s.year}年{s.name}
            </Text>
            <Text className='wb-card__line'>{amountsLine(s)}</Text>
            <Text className='wb-card__line'>
              {s.rules.poverty.map((p) => povertyStatusLabel[p]).join('、')}
              {s.rules.mustBeAway ? '，外出务工' : ''}
              {s.rules.minMonthsAway ? `满${s.rules.minMonthsAway}个月` : ''}
              {s.rules.mustHaveTrained ? '，参加县里培训结业' : ''}
            </Text>
            <Text className='wb-card__line'>免审：{s.knownBy.length ? s.knownBy.map((k) => knownRecordKindLabel[k]).join('、') : '无'}</Text>
            <Text className='wb-card__line'>
              申请时间：{dateText(s.opensOn)}到{dateText(s.closesOn)}，公示{s.publicityDays}天
            </Text>
            {!editing && (
              <BigButton variant='secondary' className={`schemes-page__edit-${s.id}`} onClick={() => open(s, false)}>
                修改
              </BigButton>
            )}
          </View>
        ))}
      </StateView>
    </View>
  )
}

/** The 2024 Gansu figures as a start; the county changes them to what it confirmed this year. */
const defaults: Record<SubsidyKind, { band: boolean; flat: string; knownBy: (typeof knownRecordKinds)[number][]; proofs: (typeof proofKinds)[number][]; away: boolean; trained: boolean }> = {
  transport: { band: true, flat: '', knownBy: ['batch'], proofs: ['ticket', 'work_certificate'], away: true, trained: false },
  job_seeking: { band: false, flat: '1000', knownBy: ['posting'], proofs: ['work_certificate', 'pay_slip', 'social_insurance'], away: true, trained: false },
  training: { band: false, flat: '800', knownBy: ['course'], proofs: ['training_certificate'], away: false, trained: true },
}

function Toggle({ on, label, onTap }: { on: boolean; label: string; onTap: () => void }) {
  return (
    <View {...asButton} aria-pressed={on ? 'true' : 'false'} className={`chip ${on ? 'chip--selected' : ''}`} onClick={onTap}>
      <Text>{label}</Text>
    </View>
  )
}

const flip = <T,>(list: T[], x: T) => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x])

/** A new scheme of this year, or (given `scheme`) that scheme's values to change and save back whole. */
function SchemeForm({ scheme, onSaved, onCancel }: { scheme?: SubsidyScheme; onSaved: (s: SubsidyScheme) => void; onCancel: () => void }) {
  const year = scheme?.year ?? new Date().getFullYear()
  const band = scheme?.amounts.byBand
  const [kind, setKind] = useState<SubsidyKind>(scheme?.kind ?? 'transport')
  const [name, setName] = useState(scheme?.name ?? subsidyKindLabel.transport)
  const [poverty, setPoverty] = useState<PovertyStatus[]>(scheme?.rules.poverty ?? ['alleviated', 'monitored'])
  const [away, setAway] = useState(scheme?.rules.mustBeAway ?? true)
  const [trained, setTrained] = useState(scheme?.rules.mustHaveTrained ?? false)
  const [months, setMonths] = useState(String(scheme?.rules.minMonthsAway ?? 0))
  const [bands, setBands] = useState(
    band
      ? { other_province: String(band.other_province), neighbour_province: String(band.neighbour_province), in_province: String(band.in_province), in_city: String(band.in_city) }
      : { other_province: '600', neighbour_province: '400', in_province: '300', in_city: '200' },
  )
  const [flat, setFlat] = useState(scheme?.amounts.flatYuan == null ? '' : String(scheme.amounts.flatYuan))
  const [byBand, setByBand] = useState(scheme ? band != null : true)
  const [knownBy, setKnownBy] = useState(scheme?.knownBy ?? defaults.transport.knownBy)
  const [proofs, setProofs] = useState(scheme?.proofKinds ?? defaults.transport.proofs)
  const [opensOn, setOpensOn] = useState(scheme?.opensOn ?? `${year}-01-01`)
  const [closesOn, setClosesOn] = useState(scheme?.closesOn ?? `${year}-12-31`)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [key] = useState(newIdempotencyKey)

  const pickKind = (k: SubsidyKind) => {
    const d = defaults[k]
    setKind(k)
    setName(subsidyKindLabel[k])
    setByBand(d.band)
    setFlat(d.flat)
    setKnownBy(d.knownBy)
    setProofs(d.proofs)
    setAway(d.away)
    setTrained(d.trained)
  }

  const save = async () => {
    const num = (v: string) => (v.trim() === '' ? NaN : Number(v))
    const body: SubsidySchemeBody = {
      kind,
      name,
      year,
      rules: { poverty, mustBeAway: away, minMonthsAway: num(months), mustHaveTrained: trained },
      amounts: {
        byBand: byBand ? { other_province: num(bands.other_province), neighbour_province: num(bands.neighbour_province), in_province: num(bands.in_province), in_city: num(bands.in_city) } : null,
        flatYuan: byBand ? null : num(flat),
        neighbourProvinces: scheme?.amounts.neighbourProvinces ?? ['陕西省', '宁夏回族自治区'],
      },
      knownBy,
      proofKinds: proofs,
      opensOn,
      closesOn,
      // Kept as it was: the form does not ask it, and left out the server would put back 7.
      ...(scheme ? { publicityDays: scheme.publicityDays } : {}),
    }
    const checked = checkForm(subsidySchemeBody, body)
    if (!checked.ok) return setErrors(checked.fields)
    setErrors({})
    setBusy(true)
    try {
      onSaved(scheme ? await updateScheme(scheme.id, body) : await createScheme(body, key))
    } catch (e) {
      setErrors(isApiError(e) && e.fields ? e.fields : { form: isApiError(e) ? e.message : '没有保存成功，请再试一次' })
    } finally {
      setBusy(false)
    }
  }

  const err = (prefix: string) => Object.entries(errors).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1]
  return (
    <Section title={scheme ? `修改${year}年${scheme.name}` : `新建${year}年的补贴项目`}>
      <FormField label='补贴种类'>
        {scheme ? (
          <Text className='wb-card__line'>{subsidyKindLabel[kind]}（不能改）</Text>
        ) : (
          <Chips options={subsidyKinds.map((k) => ({ value: k, label: subsidyKindLabel[k] }))} value={kind} onChange={pickKind} />
        )}
      </FormField>
      <FormField label='补贴名称' error={err('name')}>
        <Input className='form-field__input schemes-page__name' value={name} maxlength={30} onInput={(e) => setName(e.detail.value)} />
      </FormField>
      <FormField label='哪些户能领' error={err('rules')}>
        <View className='chips'>
          {povertyStatuses.map((p) => (
            <Toggle key={p} on={poverty.includes(p)} label={povertyStatusLabel[p]} onTap={() => setPoverty(flip(poverty, p))} />
          ))}
          <Toggle on={away} label='要外出务工' onTap={() => setAway(!away)} />
          <Toggle on={trained} label='要参加县里培训结业' onTap={() => setTrained(!trained)} />
        </View>
      </FormField>
      <FormField label='今年外出至少几个月' hint='0 表示不限'>
        <Input className='form-field__input' type='number' value={months} maxlength={2} onInput={(e) => setMonths(e.detail.value)} />
      </FormField>
      <FormField label='金额' error={err('amounts')}>
        <Chips options={[{ value: 'band', label: '按去向分档' }, { value: 'flat', label: '统一金额' }]} value={byBand ? 'band' : 'flat'} onChange={(v) => setByBand(v === 'band')} />
        {byBand ? (
          destinationBands.map((b) => (
            <View key={b} className='wb-row'>
              <Text className='review-queue__count'>{destinationBandLabel[b]}（元）</Text>
              <Input className={`form-field__input schemes-page__band-${b}`} type='number' value={bands[b]} maxlength={6} onInput={(e) => setBands({ ...bands, [b]: e.detail.value })} />
            </View>
          ))
        ) : (
          <Input className='form-field__input schemes-page__flat' type='number' value={flat} maxlength={6} placeholder='每人多少元' onInput={(e) => setFlat(e.detail.value)} />
        )}
      </FormField>
      <FormField label='县里有这些记录就免审' error={err('knownBy')}>
        <View className='chips'>
          {knownRecordKinds.map((k) => (
            <Toggle key={k} on={knownBy.includes(k)} label={knownRecordKindLabel[k]} onTap={() => setKnownBy(flip(knownBy, k))} />
          ))}
        </View>
      </FormField>
      <FormField label='没有记录的，拍照证明用哪些材料' error={err('proofKinds')}>
        <View className='chips'>
          {proofKinds.map((k) => (
            <Toggle key={k} on={proofs.includes(k)} label={proofKindLabel[k]} onTap={() => setProofs(flip(proofs, k))} />
          ))}
        </View>
      </FormField>
      <FormField label='开始申请日期' error={err('opensOn')}>
        <Input className='form-field__input schemes-page__opens' value={opensOn} maxlength={10} onInput={(e) => setOpensOn(e.detail.value.trim())} />
      </FormField>
      <FormField label='截止日期' error={err('closesOn')}>
        <Input className='form-field__input schemes-page__closes' value={closesOn} maxlength={10} onInput={(e) => setClosesOn(e.detail.value.trim())} />
      </FormField>
      {errors.form && <Text className='wb-message'>{errors.form}</Text>}
      {err('kind') && <Text className='wb-message'>{err('kind')}</Text>}
      <BigButton disabled={busy} onClick={() => void save()}>
        {busy ? '正在保存…' : '保存'}
      </BigButton>
      <BigButton variant='secondary' onClick={onCancel}>
        取消
      </BigButton>
    </Section>
  )
}
