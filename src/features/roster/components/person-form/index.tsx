import { Input, Text, View } from '@tarojs/components'
import {
  householdRelationLabel,
  householdRelations,
  howWentKindLabel,
  howWentKinds,
  incomeBandLabel,
  incomeBands,
  isAway,
  organisedChannelLabel,
  organisedChannels,
  personStatuses,
  personStatusLabel,
  povertyStatuses,
  povertyStatusLabel,
  returnReasonLabel,
  returnReasons,
  workAbilities,
  workAbilityLabel,
  workingStatuses,
  type PersonStatus,
} from '@contract/roster'
import { trades } from '@contract/reference'
import { provinces } from '@contract/rights'
import { townships, type Township } from '@contract/places'
import { Chips, type ChipOption } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { rosterLinkSource, useVillages } from '../../api/roster'
import { LinkPicker } from '@/components/link-picker'
import type { PersonDraft } from '../../lib/draft'
import '../roster.scss'

type Key = keyof PersonDraft

interface Props {
  draft: PersonDraft
  set: (key: Key, value: string) => void
  /** Field messages: the contract's own before sending, the server's after (`howWent.channel` and the like). */
  errors: Record<string, string>
  /** The officer's township or village: fixed, not chosen. */
  fixedTownship?: Township | null
  fixedVillage?: { id: number; name: string } | null
  /** Members after the first join the household: its place is the household's. */
  placeFromHousehold?: boolean
  /** A class prefix for each box, so a page with several members can tell them apart: `roster-form-1`. */
  prefix?: string
}

const opt = <V extends string>(values: readonly V[], label: Record<V, string>): ChipOption<V>[] => values.map((v) => ({ value: v, label: label[v] }))
const notFilled = { value: '', label: '不填' }

/** Every field of a person, as big boxes and chips with the message by each; shows only what the status calls for. */
export function PersonFields({ draft: d, set, errors, fixedTownship, fixedVillage, placeFromHousehold, prefix = 'roster-form' }: Props) {
  const township = (fixedTownship ?? (d.township || undefined)) as Township | undefined
  const villages = useVillages(township, !fixedVillage && !placeFromHousehold)
  const status = d.status as PersonStatus | ''
  const working = status !== '' && workingStatuses.includes(status)

  const text = (key: Key, label: string, extra: { hint?: string; max?: number; type?: 'text' | 'number' | 'idcard' } = {}) => (
    <FormField label={label} hint={extra.hint} error={errors[key]}>
      <Input
        className={`form-field__input ${prefix}__${key}`}
        type={extra.type ?? 'text'}
        value={d[key]}
        maxlength={extra.max ?? 40}
        aria-label={label}
        onInput={(e) => set(key, e.detail.value)}
      />
    </FormField>
  )
  const choice = (key: Key, label: string, options: ChipOption<string>[], extra: { scroll?: boolean; error?: string; hint?: string } = {}) => (
    <FormField label={label} hint={extra.hint} error={extra.error ?? errors[key]}>
      <Chips
        scroll={extra.scroll}
        value={d[key]}
        onChange={(v) => {
          set(key, v)
          // Another township's villages are not this one's.
          if (key === 'township' && v !== d.township) set('villageId', '')
        }}
        options={options}
      />
    </FormField>
  )

  return (
    <View className='roster-form'>
      {text('name', '姓名', { max: 20 })}
      {text('idNumber', '身份证号', { max: 18, type: 'idcard', hint: '18位，最后一位可能是X；性别和出生年份从身份证号得出' })}
      {text('phone', '手机号（可以不填）', { max: 11, type: 'number' })}
      {placeFromHousehold ? null : (
        <>
          {fixedTownship ? (
            <FormField label='乡镇'>
              <Text className='lead-text'>{fixedTownship}</Text>
            </FormField>
          ) : (
            choice('township', '乡镇', townships.map((t) => ({ value: t, label: t })), { scroll: true })
          )}
          {fixedVillage ? (
            <FormField label='村'>
              <Text className='lead-text'>{fixedVillage.name}</Text>
            </FormField>
          ) : township ? (
            villages.data ? (
              choice('villageId', '村', villages.data.items.map((v) => ({ value: String(v.id), label: v.name })), { scroll: true })
            ) : (
              <FormField label='村' error={errors.villageId}>
                <Text className='lead-text'>{villages.error ? villages.error.message : '正在读取村名…'}</Text>
              </FormField>
            )
          ) : (
            <FormField label='村' error={errors.villageId}>
              <Text className='lead-text'>先选乡镇</Text>
            </FormField>
          )}
          {text('group', '组（社），例如 3组（可以不填）', { max: 10 })}
        </>
      )}
      {choice('relation', '与户主的关系', opt(householdRelations, householdRelationLabel), { scroll: true })}
      {choice('poverty', '户类别', opt(povertyStatuses, povertyStatusLabel))}
      {choice('workAbility', '劳动能力', opt(workAbilities, workAbilityLabel))}
      {choice('status', '目前状态', opt(personStatuses, personStatusLabel), { scroll: true })}
      {status === 'returned' && choice('returnReason', '返乡原因', opt(returnReasons, returnReasonLabel), { scroll: true })}
      {status !== '' && isAway(status) && (
        <>
          {choice('destinationProvince', '去了哪个省', provinces.map((p) => ({ value: p, label: p })), { scroll: true })}
          {text('destinationCity', '去了哪个城市（可以不填）', { max: 20, hint: '例如 苏州市' })}
        </>
      )}
      {working && (
        <>
          {text('employer', '务工单位（可以不填）', { max: 40 })}
          {choice('trade', '工种', [notFilled, ...trades.map((t) => ({ value: t, label: t }))], { scroll: true })}
          {choice('incomeBand', '月收入', [notFilled, ...opt(incomeBands, incomeBandLabel)], { scroll: true })}
          {choice('howWentKind', '怎么出去的', [notFilled, ...opt(howWentKinds, howWentKindLabel)], { error: errors.howWent })}
          {d.howWentKind === 'organised' && choice('channel', '由谁组织', opt(organisedChannels, organisedChannelLabel), { scroll: true, error: errors['howWent.channel'] })}
          {d.howWentKind === 'organised' && d.channel === 'broker' && (
            <FormField label='劳务经纪人或中介的名字' error={errors['howWent.brokerName']}>
              <Input className={`form-field__input ${prefix}__brokerName`} value={d.brokerName} maxlength={20} aria-label='劳务经纪人或中介的名字' onInput={(e) => set('brokerName', e.detail.value)} />
            </FormField>
          )}
          {/* The organised channel names a record: picked from a list by its name, the form keeps its id. */}
          {d.howWentKind === 'organised' &&
            (
              [
                ['station', 'stationId'],
                ['batch', 'batchId'],
                ['posting', 'jobId'],
                ['training', 'courseId'],
              ] as const
            ).map(([channel, key]) =>
              d.channel === channel ? <LinkPicker key={key} kind={channel} source={rosterLinkSource} value={d[key]} onChange={(v) => set(key, v)} error={errors[`howWent.${key}`]} /> : null,
            )}
        </>
      )}
      {text('statusSince', '从哪天起是这个状态（可以不填）', { max: 10, hint: '格式 2026-03-01' })}
      {choice('statusLastYear', '去年这时候的状态', [notFilled, ...opt(personStatuses, personStatusLabel)], { scroll: true })}
    </View>
  )
}
