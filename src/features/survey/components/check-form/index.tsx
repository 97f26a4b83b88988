import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import {
  incomeBandLabel,
  incomeBands,
  isAway,
  organisedChannelLabel,
  personStatuses,
  personStatusLabel,
  returnReasonLabel,
  returnReasons,
  workingStatuses,
  type HowWent,
} from '@contract/roster'
import { trades } from '@contract/reference'
import { rosterLinkKinds, type RosterLink, type RosterLinkKind } from '@contract/roster-activity'
import { provinces } from '@contract/rights'
import { surveyCheckProblems, type SurveyCheckBody, type SurveyPerson } from '@contract/survey'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { LinkPicker } from '@/components/link-picker'
import { TextArea } from '@/components/text-area'
import { surveyLinkSource } from '../../api/survey'
import { howWentLine, statusLine, whoLine } from '../../lib/describe'
import './index.scss'

/**
 * How they went, as a thumb picks it: as the roster has it (按台账不变), self, a broker, or an organised channel that
 * names a record (picked from the county's list, which needs signal).
 */
type HowChoice = '' | 'self' | 'broker' | 'keep' | RosterLinkKind

function howChoiceOf(h: HowWent | null): HowChoice {
  if (!h) return ''
  if (h.kind === 'self') return 'self'
  return h.channel === 'broker' ? 'broker' : 'keep'
}

/** Which id of "how they went" each record kind fills. */
const idField = { station: 'stationId', batch: 'batchId', posting: 'jobId', training: 'courseId' } as const
const isLinkKind = (c: HowChoice): c is RosterLinkKind => (rosterLinkKinds as readonly string[]).includes(c)

const OFFLINE = '现在没有信号，搜不到。有信号时再选；也可以先选“按台账不变”'

interface Props {
  person: SurveyPerson
  /** The check is on its way (sent or kept on the phone). */
  busy: boolean
  /** Field messages from the server, shown where they belong. */
  serverErrors: Record<string, string>
  /** `link`: the record a changed "how they went" names, so the phone shows it by name before the check is sent. */
  onSubmit: (body: SurveyCheckBody, link?: RosterLink | null) => void
}

/** One person, for a thumb: 无变化 in one tap, or big pickers for what changed and a note. */
export function CheckForm({ person, busy, serverErrors, onSubmit }: Props) {
  const [status, setStatus] = useState(person.status)
  const [returnReason, setReturnReason] = useState<string>(person.returnReason ?? '')
  const [province, setProvince] = useState<string>(person.destinationProvince ?? '')
  const [city, setCity] = useState(person.destinationCity ?? '')
  const [trade, setTrade] = useState<string>(person.trade ?? '')
  const [incomeBand, setIncomeBand] = useState<string>(person.incomeBand ?? '')
  const [how, setHow] = useState<HowChoice>(howChoiceOf(person.howWent))
  const [broker, setBroker] = useState(person.howWent?.brokerName ?? '')
  // One record per kind: switching between 专车 and 岗位 and back keeps what was picked.
  const [picked, setPicked] = useState<Partial<Record<RosterLinkKind, RosterLink>>>({})
  const [note, setNote] = useState('')
  const [problems, setProblems] = useState<Record<string, string>>({})
  const errors = { ...serverErrors, ...problems }

  const chooseStatus = (s: typeof status) => {
    setStatus(s)
    // The province follows 省内 / 省外 where it can, so the thumb has one pick less.
    if (s === 'away_in_province') setProvince('甘肃省')
    else if (s === 'away_other_province' && province === '甘肃省') setProvince('')
  }

  /** Only what differs from what the screen showed: a field left alone stays as the roster has it. */
  const changes = (): Partial<SurveyCheckBody> => {
    const c: Partial<SurveyCheckBody> = {}
    const away = isAway(status)
    const working = workingStatuses.includes(status)
    if (status !== person.status) c.status = status
    const reason = status === 'returned' ? returnReason || null : null
    if (reason !== person.returnReason) c.returnReason = reason as SurveyCheckBody['returnReason']
    const prov = away ? province || null : null
    if (prov !== person.destinationProvince) c.destinationProvince = prov as SurveyCheckBody['destinationProvince']
    const town = away ? city.trim() || null : null
    if (town !== person.destinationCity) c.destinationCity = town
    if ((trade || null) !== person.trade) c.trade = (trade || null) as SurveyCheckBody['trade']
    if ((incomeBand || null) !== person.incomeBand) c.incomeBand = (incomeBand || null) as SurveyCheckBody['incomeBand']
    const howNow: HowWent | null | undefined = !working
      ? null
      : how === 'self'
        ? { kind: 'self', channel: null, stationId: null, batchId: null, jobId: null, courseId: null, brokerName: null }
        : how === 'broker'
          ? { kind: 'organised', channel: 'broker', stationId: null, batchId: null, jobId: null, courseId: null, brokerName: broker.trim() || null }
          : isLinkKind(how)
            ? { kind: 'organised', channel: how, stationId: null, batchId: null, jobId: null, courseId: null, brokerName: null, [idField[how]]: picked[how]?.id ?? null }
            : how === 'keep'
              ? undefined
              : null
    if (howNow !== undefined && JSON.stringify(howNow) !== JSON.stringify(person.howWent)) c.howWent = howNow
    return c
  }

  const linkOf = (c: Partial<SurveyCheckBody>) => (c.howWent === undefined ? undefined : isLinkKind(how) ? (picked[how] ?? null) : null)

  const save = () => {
    const c = changes()
    const found = surveyCheckProblems(person, c)
    setProblems(found)
    if (Object.keys(found).length) return
    const hasChange = Object.keys(c).length > 0
    if (!hasChange && !note.trim()) {
      setProblems({ unchanged: '没有改动：没变化请点上面的“无变化”' })
      return
    }
    onSubmit({ personId: person.id, baseVersion: person.version, unchanged: false, ...c, note: note.trim() || null }, linkOf(c))
  }

  const working = workingStatuses.includes(status)
  return (
    <View className='survey-check'>
      <View className='survey-check__who'>
        <Text className='survey-check__name'>{person.name}</Text>
        <Text className='survey-check__meta'>{whoLine(person)}</Text>
        <Text className='survey-check__now'>现在登记的：{statusLine(person)}</Text>
        {person.conflict && <Text className='survey-check__conflict'>这个人的记录有冲突：两个人先后改过，以后改的为准，请乡镇劳务专干核对</Text>}
      </View>
      <BigButton className='survey-check__same' disabled={busy} onClick={() => onSubmit({ personId: person.id, baseVersion: person.version, unchanged: true, note: note.trim() || null })}>
        无变化
      </BigButton>
      <Text className='survey-check__or'>有变化就在下面改，改完点“保存”</Text>
      <FormField label='目前状态' error={errors.status}>
        <Chips value={status} onChange={chooseStatus} options={personStatuses.map((s) => ({ value: s, label: personStatusLabel[s] }))} />
      </FormField>
      {status === 'returned' && (
        <FormField label='返乡原因' error={errors.returnReason}>
          <Chips value={returnReason} onChange={setReturnReason} options={returnReasons.map((r) => ({ value: r, label: returnReasonLabel[r] }))} />
        </FormField>
      )}
      {isAway(status) && (
        <FormField label='去了哪个省' error={errors.destinationProvince}>
          <Chips scroll value={province} onChange={setProvince} options={provinces.filter((p) => (status === 'away_in_province' ? p === '甘肃省' : p !== '甘肃省')).map((p) => ({ value: p, label: p }))} />
        </FormField>
      )}
      {isAway(status) && (
        <FormField label='哪个城市' error={errors.destinationCity} hint='例如 苏州市'>
          <Input className='form-field__input survey-check__city' value={city} maxlength={20} onInput={(e) => setCity(e.detail.value)} />
        </FormField>
      )}
      <FormField label='干什么活' error={errors.trade}>
        <Chips value={trade} onChange={setTrade} options={[{ value: '', label: '不填' }, ...trades.map((t) => ({ value: t, label: t }))]} />
      </FormField>
      <FormField label='每月收入' error={errors.incomeBand}>
        <Chips value={incomeBand} onChange={setIncomeBand} options={[{ value: '', label: '不填' }, ...incomeBands.map((b) => ({ value: b, label: incomeBandLabel[b] }))]} />
      </FormField>
      {working && (
        <FormField label='怎么出去的' error={errors.howWent ?? errors['howWent.brokerName'] ?? errors['howWent.channel']}>
          <Chips
            value={how}
            onChange={setHow}
            options={[
              { value: 'keep', label: '按台账不变' },
              { value: 'self', label: '自己出去的' },
              ...rosterLinkKinds.map((k) => ({ value: k, label: organisedChannelLabel[k] })),
              { value: 'broker', label: '经纪人或中介带出去的' },
              { value: '', label: '不填' },
            ]}
          />
          {how === 'keep' && <Text className='survey-check__kept'>台账上：{person.howWent ? howWentLine(person) : '没有填'}</Text>}
          {how === 'broker' && <Input className='form-field__input survey-check__broker' placeholder='经纪人或中介的名字' value={broker} maxlength={20} onInput={(e) => setBroker(e.detail.value)} />}
        </FormField>
      )}
      {working && isLinkKind(how) && (
        <LinkPicker
          key={how}
          kind={how}
          source={surveyLinkSource}
          value={picked[how] ? String(picked[how].id) : ''}
          known={picked[how] ?? null}
          onChange={(_id, link) => setPicked((p) => ({ ...p, [how]: link }))}
          offlineText={OFFLINE}
          error={errors[`howWent.${idField[how]}`]}
        />
      )}
      <FormField label='备注' error={errors.note}>
        <TextArea className='survey-check__note' label='备注' value={note} maxlength={200} placeholder='例如：过完年去的' onChange={setNote} />
      </FormField>
      {errors.unchanged && <Text className='form-field__error'>{errors.unchanged}</Text>}
      <BigButton variant='secondary' disabled={busy} onClick={save}>
        保存
      </BigButton>
    </View>
  )
}
