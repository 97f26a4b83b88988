import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { TextArea } from '@/components/text-area'
import { asButton } from '@/lib/a11y'
import Taro from '@tarojs/taro'
import {
  applicationStatusLabel,
  daysOffLabel,
  daysOffOptions,
  housingLabel,
  housingOptions,
  MAX_PROBATION_MONTHS,
  mealsLabel,
  mealsOptions,
  overtimePayLabel,
  overtimePayOptions,
  payScheduleLabel,
  paySchedules,
  reportReasonLabel,
  socialInsuranceLabel,
  socialInsuranceOptions,
  unknownLabel,
  wageUnitLabel,
  wageUnits,
} from '@contract/jobs'
import { trades, type Trade } from '@contract/reference'
import type { StaffMember } from '@contract/staff'
import { type CreateStaffJobBody, createStaffJobBody, type StaffJob, staffJobRuleErrors, type UpdateStaffJobBody, updateStaffJobBody } from '@contract/staff-jobs'
import { FormField } from '@/components/form-field'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { ChoiceField, SaveRow, TextField } from '@/features/staff/components/staff-form'
import { checkForm } from '@/lib/check-form'
import { errorText, staffPaths } from '@/features/staff/lib/paths'
import { openPage } from '@/lib/navigate'
import { chinaDateTime } from '@contract/format'
import { numberOf, useStaffForm } from '@/features/staff/lib/use-staff-form'
import { useIdParam } from '@/hooks/use-id-param'
import { closeJob, reviewJob, saveJob, setApplicationStatus, useJobApplicants, useJobsUnderReview, useStaffJob, verifyEmployer } from '@/features/staff/api/staff-jobs'
import { useStationChoices } from '@/features/staff/api/staff-admin'
import { createDayJob, setJobKind } from '@/features/staff/api/staff-local-jobs'
import { dayJobBody, type JobKind, jobKindLabel, jobKinds, staffSetJobKind } from '@contract/local-jobs'
import { formErrors } from '@/lib/check-form'
import { showNotice } from '@/lib/notice'

/** Without ?id: publish a posting. With it: edit, verify the employer, decide on reports, close, and the applicants. */
export default function StaffJobPage() {
  const id = useIdParam()
  return <StaffShell title={id ? '岗位管理' : '发布新岗位'}>{(staff) => (id ? <ExistingJob id={id} staff={staff} /> : <JobForm staff={staff} />)}</StaffShell>
}

type Draft = Record<
  'title' | 'employerName' | 'employerPhone' | 'province' | 'city' | 'address' | 'wageMinYuan' | 'wageMaxYuan' | 'headcount' | 'expiresAt' | 'description' | 'payDay' | 'hoursPerDay' | 'ageMin' | 'ageMax',
  string
> & {
  trade: Trade
  wageUnit: (typeof wageUnits)[number]
  sourceStationId: string
} & CardDraft

/** The card's answers as picked: '' is 未说明 (sent as null). */
type CardDraft = {
  paySchedule: (typeof paySchedules)[number] | ''
  daysOff: (typeof daysOffOptions)[number] | ''
  meals: (typeof mealsOptions)[number] | ''
  housing: (typeof housingOptions)[number] | ''
  socialInsurance: (typeof socialInsuranceOptions)[number] | ''
  overtimePay: (typeof overtimePayOptions)[number] | ''
  probationMonths: string
}

/** Big buttons for one answer, 未说明 first: staff pick what the employer said, and leave the rest unknown. */
const cardPickers: { [K in keyof CardDraft]: { label: string; options: { value: CardDraft[K]; label: string }[] } } = {
  paySchedule: { label: '什么时候发工资', options: paySchedules.map((v) => ({ value: v, label: payScheduleLabel[v] })) },
  daysOff: { label: '怎么休息', options: daysOffOptions.map((v) => ({ value: v, label: daysOffLabel[v] })) },
  meals: { label: '吃饭', options: mealsOptions.map((v) => ({ value: v, label: mealsLabel[v] })) },
  housing: { label: '住宿', options: housingOptions.map((v) => ({ value: v, label: housingLabel[v] })) },
  socialInsurance: { label: '社保', options: socialInsuranceOptions.map((v) => ({ value: v, label: socialInsuranceLabel[v] })) },
  overtimePay: { label: '加班', options: overtimePayOptions.map((v) => ({ value: v, label: overtimePayLabel[v] })) },
  probationMonths: {
    label: '试用期',
    options: Array.from({ length: MAX_PROBATION_MONTHS + 1 }, (_, n) => ({ value: String(n), label: n === 0 ? '无试用期' : `${n}个月` })),
  },
}
const cardKeys = Object.keys(cardPickers) as (keyof CardDraft)[]

const inMonths = (n: number) => new Date(Date.now() + n * 30 * 86400_000).toISOString().slice(0, 10)

function draftOf(job?: StaffJob): Draft {
  return {
    title: job?.title ?? '',
    employerName: job?.employerName ?? '',
    employerPhone: job?.employerPhone ?? '',
    province: job?.province ?? '',
    city: job?.city ?? '',
    address: job?.address ?? '',
    wageMinYuan: job ? String(job.wageMinYuan) : '',
    wageMaxYuan: job ? String(job.wageMaxYuan) : '',
    headcount: job ? String(job.headcount) : '',
    expiresAt: job?.expiresAt ?? inMonths(2),
    description: job?.description ?? '',
    trade: job?.trade ?? '普工',
    wageUnit: job?.wageUnit ?? 'month',
    sourceStationId: '',
    payDay: job?.payDay != null ? String(job.payDay) : '',
    hoursPerDay: String(job?.hoursPerDay ?? 8),
    ageMin: String(job?.ageMin ?? 18),
    ageMax: String(job?.ageMax ?? 55),
    paySchedule: job?.paySchedule ?? '',
    daysOff: job?.daysOff ?? '',
    meals: job?.meals ?? '',
    housing: job?.housing ?? '',
    socialInsurance: job?.socialInsurance ?? '',
    overtimePay: job?.overtimePay ?? '',
    probationMonths: job?.probationMonths != null ? String(job.probationMonths) : '',
  }
}

function JobForm({ staff, job, onSaved }: { staff: StaffMember; job?: StaffJob; onSaved?: (j: StaffJob) => void }) {
  const { draft: d, set, errors, message, setMessage, busy, save } = useStaffForm<Draft>(() => draftOf(job))
  const stations = useStationChoices(staff.role === 'admin' && !job)
  const text = (k: Exclude<keyof Draft, 'trade' | 'wageUnit' | 'sourceStationId' | keyof CardDraft>, label: string, extra: { type?: 'number' | 'text'; hint?: string } = {}) => (
    <TextField label={label} className={`staff-job__${k}`} type={extra.type} hint={extra.hint} value={d[k]} error={errors[k]} onChange={(v) => set(k, v)} />
  )

  const submit = async () => {
    const body = {
      title: d.title,
      employerName: d.employerName,
      employerPhone: d.employerPhone,
      trade: d.trade,
      province: d.province,
      city: d.city,
      address: d.address,
      wageMinYuan: numberOf(d.wageMinYuan),
      wageMaxYuan: numberOf(d.wageMaxYuan),
      wageUnit: d.wageUnit,
      headcount: numberOf(d.headcount),
      expiresAt: d.expiresAt,
      description: d.description,
      hoursPerDay: numberOf(d.hoursPerDay),
      ageMin: numberOf(d.ageMin),
      ageMax: numberOf(d.ageMax),
      paySchedule: d.paySchedule || null,
      // A pay day belongs to monthly pay; any other choice drops it.
      payDay: d.paySchedule === 'monthly' ? (numberOf(d.payDay) ?? null) : null,
      daysOff: d.daysOff || null,
      meals: d.meals || null,
      housing: d.housing || null,
      socialInsurance: d.socialInsurance || null,
      overtimePay: d.overtimePay || null,
      probationMonths: d.probationMonths === '' ? null : Number(d.probationMonths),
      ...(!job && d.sourceStationId ? { sourceStationId: Number(d.sourceStationId) } : {}),
    }
    // The contract's own rules, before sending: the same messages the server would give, by each field.
    const checked = checkForm(job ? updateStaffJobBody : createStaffJobBody, body)
    const local = checked.ok ? staffJobRuleErrors(checked.data as Parameters<typeof staffJobRuleErrors>[0]) : checked.fields
    const saved = await save(body, local, (idempotencyKey) => saveJob(job?.id ?? null, body as CreateStaffJobBody | UpdateStaffJobBody, idempotencyKey))
    if (!saved) return
    if (job) {
      onSaved?.(saved)
      setMessage({ text: '已保存', ok: true })
    } else {
      void Taro.redirectTo({ url: `/packages/staff/pages/job/index?id=${saved.id}` })
    }
  }

  return (
    <View className='staff-job__form'>
      {text('title', '岗位名称')}
      {text('employerName', '用工单位')}
      {text('employerPhone', '单位电话')}
      <ChoiceField label='工种' scroll error={errors.trade} value={d.trade} onChange={(v) => set('trade', v)} options={trades.map((t) => ({ value: t, label: t }))} />
      {text('province', '省份', { hint: '例如 江苏省' })}
      {text('city', '城市', { hint: '例如 昆山市' })}
      {text('address', '上班地址')}
      {text('wageMinYuan', '最低工资（元）', { type: 'number' })}
      {text('wageMaxYuan', '最高工资（元）', { type: 'number' })}
      <ChoiceField label='工资按' error={errors.wageUnit} value={d.wageUnit} onChange={(v) => set('wageUnit', v)} options={wageUnits.map((u) => ({ value: u, label: `按${wageUnitLabel[u]}` }))} />
      {text('headcount', '招多少人', { type: 'number' })}
      {text('hoursPerDay', '每天干几小时', { type: 'number' })}
      {text('ageMin', '最小年龄', { type: 'number' })}
      {text('ageMax', '最大年龄', { type: 'number' })}
      <Text className='wb-card__line'>下面几项照用工单位说的选；没说的选“{unknownLabel}”，工人看到的就是{unknownLabel}，不要猜。</Text>
      {cardKeys.map((k) => (
        <View key={k} className={`staff-job__${k}`}>
          <ChoiceField
            label={cardPickers[k].label}
            error={errors[k]}
            value={d[k]}
            onChange={(v) => set(k, v as never)}
            options={[{ value: '', label: unknownLabel }, ...(cardPickers[k].options as { value: string; label: string }[])]}
          />
          {k === 'paySchedule' && d.paySchedule === 'monthly' && text('payDay', '每月几号发', { type: 'number', hint: '例如 15' })}
        </View>
      ))}
      {text('expiresAt', '截止日期', { hint: '格式 2026-12-31' })}
      <TextField label='岗位介绍' multiline maxlength={2000} value={d.description} error={errors.description} onChange={(v) => set('description', v)} />
      {stations.data && (
        <ChoiceField
          label='通过哪个工作站发布'
          scroll
          error={errors.sourceStationId}
          value={d.sourceStationId}
          onChange={(v) => set('sourceStationId', v)}
          options={stations.data.items.map((s) => ({ value: String(s.id), label: s.name }))}
        />
      )}
      <SaveRow className='staff-job__save' message={message} busy={busy} label={job ? '保存修改' : '发布'} onSave={() => void submit()} />
    </View>
  )
}

function ExistingJob({ id, staff }: { id: number; staff: StaffMember }) {
  const { data, error, loading, refresh, savedAt } = useStaffJob(id)
  const [job, setJob] = useState<StaffJob | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const j = job ?? data
  const act = async (call: () => Promise<StaffJob>) => {
    setMessage(null)
    try {
      setJob(await call())
    } catch (e) {
      setMessage(errorText(e))
    }
  }
  return (
    <StateView loading={loading} error={error} savedAt={savedAt} onRetry={() => void refresh()}>
      {j && (
        <View>
          <View className='wb-card'>
            <Text className='wb-card__title'>{j.title}</Text>
            <Text className='wb-card__line'>
              {j.employerVerified ? `单位已核实：${j.verifiedByStaff?.name ?? j.verifiedBy?.name ?? ''} ${j.verifiedAt ? chinaDateTime(j.verifiedAt) : ''}` : '单位还没有核实'}
            </Text>
            <Text className='wb-card__line'>报名 {j.applicationCount} 人，录用 {j.hiredCount} 人</Text>
            <Text className='wb-card__line'>{j.employer.trust}</Text>
            {message && <Text className='wb-message'>{message}</Text>}
            <View className='wb-row'>
              {!j.employerVerified && (
                <View {...asButton} className='wb-small-button staff-job__verify' onClick={() => void act(() => verifyEmployer(id))}>
                  <Text>已核实单位</Text>
                </View>
              )}
              {j.employer.id !== null && (
                <View {...asButton} className='wb-small-button staff-job__employer-record' onClick={() => openPage(staffPaths.employer(j.employer.id!))}>
                  <Text>用工单位档案</Text>
                </View>
              )}
              {j.status === 'open' && j.reviewStatus !== 'pending' && (
                <View {...asButton} className='wb-small-button wb-small-button--danger' onClick={() => void act(() => closeJob(id))}>
                  <Text>关闭岗位</Text>
                </View>
              )}
            </View>
          </View>
          {j.reviewStatus === 'pending' && (
            <Section title='被举报，待核查'>
              <ReviewReports id={id} />
              <FormField label='核查情况'>
                <TextArea className='form-field__input form-field__textarea' value={note} maxlength={500} onChange={setNote} label='核查情况' />
              </FormField>
              <View className='wb-row'>
                <View {...asButton} className='wb-small-button' onClick={() => void act(() => reviewJob(id, { decision: 'restore', note }))}>
                  <Text>没问题，恢复</Text>
                </View>
                <View {...asButton} className='wb-small-button wb-small-button--danger' onClick={() => void act(() => reviewJob(id, { decision: 'remove', note }))}>
                  <Text>下架</Text>
                </View>
              </View>
            </Section>
          )}
          <Section title='岗位类别'>
            <JobKindPicker id={id} kind={j.kind} />
          </Section>
          <Section title='报名的人'>
            <Applicants id={id} />
          </Section>
          <Section title='修改岗位'>
            <JobForm staff={staff} job={j} onSaved={setJob} />
          </Section>
        </View>
      )}
    </StateView>
  )
}

function ReviewReports({ id }: { id: number }) {
  const { data } = useJobsUnderReview()
  const item = data?.items.find((i) => i.id === id)
  return (
    <View>
      {item?.reports.map((r) => (
        <Text key={r.id} className='wb-card__line'>
          {reportReasonLabel[r.reason]}：{r.detail || '（没写）'} · {chinaDateTime(r.createdAt)}
        </Text>
      ))}
    </View>
  )
}

function Applicants({ id }: { id: number }) {
  const { data, error, loading, refresh, savedAt } = useJobApplicants(id)
  const [message, setMessage] = useState<string | null>(null)
  const mark = async (applicationId: number, status: 'contacted' | 'hired' | 'rejected') => {
    setMessage(null)
    try {
      await setApplicationStatus(applicationId, { status })
      await refresh()
    } catch (e) {
      setMessage(errorText(e))
    }
  }
  return (
    <StateView loading={loading} error={error} empty={data?.items.length === 0} emptyText='还没有人报名' savedAt={savedAt} onRetry={() => void refresh()}>
      <Text className='wb-card__line'>电话只给负责这个岗位的工作人员看，每次查看都有记录。</Text>
      {message && <Text className='wb-message'>{message}</Text>}
      {data?.items.map((a) => (
        <View key={a.id} className='wb-card staff-job__applicant'>
          <Text className='wb-card__title'>
            {a.worker?.name ?? '（未填姓名）'} {a.worker?.phone ?? '已注销'}
          </Text>
          <Text className='wb-card__line'>
            {applicationStatusLabel[a.status]} · {a.worker?.hometownTownship ?? ''} {a.worker?.trades.join('、') ?? ''} · {chinaDateTime(a.createdAt)}
          </Text>
          {a.note && <Text className='wb-card__line'>留言：{a.note}</Text>}
          {(a.status === 'submitted' || a.status === 'contacted') && (
            <View className='wb-row'>
              {a.status === 'submitted' && (
                <View {...asButton} className='wb-small-button' onClick={() => void mark(a.id, 'contacted')}>
                  <Text>已联系</Text>
                </View>
              )}
              <View {...asButton} className='wb-small-button' onClick={() => void mark(a.id, 'hired')}>
                <Text>录用</Text>
              </View>
              <View {...asButton} className='wb-small-button wb-small-button--danger' onClick={() => void mark(a.id, 'rejected')}>
                <Text>不录用</Text>
              </View>
            </View>
          )}
        </View>
      ))}
    </StateView>
  )
}

/** 外出务工 / 帮扶车间 / 公益性岗位 / 零工, saved as soon as it is tapped; a 零工 posting takes its days here. */
function JobKindPicker({ id, kind: initial }: { id: number; kind?: JobKind }) {
  const { draft, set, setDraft, errors, message, setMessage, busy, save } = useStaffForm<{ kind: JobKind | '' }>(() => ({ kind: initial ?? '' }))
  const [saved, setSaved] = useState<JobKind | null>(initial ?? null)
  const pick = async (kind: JobKind) => {
    set('kind', kind)
    const body = { kind }
    const done = await save(body, formErrors(staffSetJobKind.body!, body), () => setJobKind(id, body))
    // Refused: the picker goes back to the kind the posting still has, beside the server's message.
    if (!done) return setDraft({ kind: saved ?? '' })
    setSaved(done.kind)
    setMessage({ text: `已改成${jobKindLabel[done.kind]}`, ok: true })
  }
  return (
    <View className='staff-job__kind'>
      <ChoiceField
        label='这是什么岗位'
        hint='帮扶车间、公益性岗位和零工会列进“家门口就业”'
        error={errors.kind}
        value={draft.kind}
        onChange={(v) => void pick(v as JobKind)}
        options={jobKinds.map((k) => ({ value: k, label: jobKindLabel[k] }))}
      />
      {busy && <Text className='wb-card__line'>正在保存…</Text>}
      {message && <Text className={message.ok ? 'wb-card__line' : 'wb-message'}>{message.text}</Text>}
      {saved === 'day_work' && <DayJobForm id={id} />}
    </View>
  )
}

type DayDraft = Record<'date' | 'place' | 'headcount' | 'wageYuan', string>

const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

/** 添加零工日: which day, where, how many people and the day's pay in 元 (the contract counts whole 元). */
function DayJobForm({ id }: { id: number }) {
  const { draft: d, set, errors, message, setMessage, busy, save } = useStaffForm<DayDraft>(() => ({ date: chinaToday(), place: '', headcount: '', wageYuan: '' }))
  const [added, setAdded] = useState(false)
  const submit = async () => {
    const body = { date: d.date.trim(), place: d.place, headcount: numberOf(d.headcount), wageYuan: numberOf(d.wageYuan) }
    const day = await save(body, formErrors(dayJobBody, body), (key) => createDayJob(id, body as Parameters<typeof createDayJob>[1], key))
    if (!day) return
    const text = `已添加 ${day.date} 的零工，要 ${day.headcount} 人，一天 ${day.wageYuan} 元`
    showNotice(text)
    setMessage({ text, ok: true })
    setAdded(true)
  }
  return (
    <View className='staff-job__day-form'>
      <Text className='wb-card__title'>添加零工日</Text>
      <TextField label='日期' className='staff-job__day-date' hint='格式 2026-12-31，今天或以后' value={d.date} error={errors.date} onChange={(v) => set('date', v)} />
      <TextField label='地点' className='staff-job__day-place' hint='例如 洛门镇蔬菜基地' value={d.place} error={errors.place} onChange={(v) => set('place', v)} />
      <TextField label='人数' className='staff-job__day-headcount' type='number' value={d.headcount} error={errors.headcount} onChange={(v) => set('headcount', v)} />
      <TextField label='日工钱（元）' className='staff-job__day-wage' type='number' value={d.wageYuan} error={errors.wageYuan} onChange={(v) => set('wageYuan', v)} />
      <SaveRow className='staff-job__day-save' message={message} busy={busy} label='添加零工日' onSave={() => void submit()} />
      {added && (
        <View {...asButton} className='wb-small-button staff-job__day-jobs-link' onClick={() => openPage(staffPaths.dayJobs)}>
          <Text>去零工到岗</Text>
        </View>
      )}
    </View>
  )
}
