import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { type Course, courseModeLabel, courseModes, type CourseMode } from '@contract/training'
import { courseRuleErrors, createCourseBody, type CreateCourseBody } from '@contract/staff-courses'
import { trades, type Trade } from '@contract/reference'
import { StateView } from '@/components/state-view'
import { ChoiceField, SaveRow, TextField } from '@/features/staff/components/staff-form'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { checkForm } from '@/lib/check-form'
import { staffPaths } from '@/features/staff/lib/paths'
import { numberOf, useStaffForm } from '@/features/staff/lib/use-staff-form'
import { useIdParam } from '@/hooks/use-id-param'
import { saveCourse, useCourseToEdit } from '@/features/staff/api/staff-courses'

/** Admins: without ?id open a new course; with it, change one (capacity, dates, placement terms…). */
export default function StaffCourseEditPage() {
  const id = useIdParam()
  return (
    <StaffShell title={id ? '修改培训班' : '开新培训班'} adminOnly>
      {() => (id ? <ExistingCourse id={id} /> : <CourseForm />)}
    </StaffShell>
  )
}

function ExistingCourse({ id }: { id: number }) {
  const { data, error, loading, refresh } = useCourseToEdit(id)
  return (
    <StateView loading={loading} error={error} onRetry={() => void refresh()}>
      {data && <CourseForm course={data} />}
    </StateView>
  )
}

type TextKey =
  | 'title'
  | 'provider'
  | 'location'
  | 'capacity'
  | 'startDate'
  | 'endDate'
  | 'enrollDeadline'
  | 'sessions'
  | 'costYuan'
  | 'subsidyYuan'
  | 'certificate'
  | 'certificateLevel'
  | 'requirements'
  | 'description'
  | 'partnerEmployer'
  | 'destinationCity'
  | 'expectedWageYuan'
  | 'agreementText'
type Draft = Record<TextKey, string> & { trade: Trade; mode: CourseMode }

const numberText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n))

function draftOf(c?: Course): Draft {
  return {
    title: c?.title ?? '',
    trade: c?.trade ?? trades[0],
    mode: c?.mode ?? 'menu',
    provider: c?.provider ?? '',
    location: c?.location ?? '',
    capacity: numberText(c?.capacity),
    startDate: c?.startDate ?? '',
    endDate: c?.endDate ?? '',
    enrollDeadline: c?.enrollDeadline ?? '',
    sessions: numberText(c?.sessions),
    costYuan: numberText(c?.costYuan),
    subsidyYuan: numberText(c?.subsidyYuan),
    certificate: c?.certificate ?? '',
    certificateLevel: c?.certificateLevel ?? '',
    requirements: c?.requirements ?? '',
    description: c?.description ?? '',
    partnerEmployer: c?.partnerEmployer ?? '',
    destinationCity: c?.destinationCity ?? '',
    expectedWageYuan: numberText(c?.expectedWageYuan),
    agreementText: c?.agreementText ?? '',
  }
}

/** The body both create and edit send: every field the contract has; placement fields only on 下单培训. */
function bodyOf(d: Draft): CreateCourseBody {
  const order = d.mode === 'order'
  return {
    title: d.title,
    trade: d.trade,
    mode: d.mode,
    provider: d.provider,
    location: d.location,
    capacity: numberOf(d.capacity) as number,
    startDate: d.startDate.trim(),
    endDate: d.endDate.trim(),
    enrollDeadline: d.enrollDeadline.trim(),
    // Left empty: one session a day (the server counts the days).
    ...(d.sessions.trim() ? { sessions: numberOf(d.sessions) } : {}),
    costYuan: numberOf(d.costYuan) as number,
    subsidyYuan: numberOf(d.subsidyYuan) as number,
    certificate: d.certificate,
    certificateLevel: d.certificateLevel,
    requirements: d.requirements,
    description: d.description,
    partnerEmployer: order ? d.partnerEmployer.trim() || null : null,
    destinationCity: order ? d.destinationCity.trim() || null : null,
    expectedWageYuan: order ? (numberOf(d.expectedWageYuan) ?? null) : null,
    agreementText: order ? d.agreementText.trim() || null : null,
  }
}

/** The contract's field rules, then its rules across fields (dates in order, subsidy ≤ cost, 下单 terms). */
function localErrors(body: CreateCourseBody): Record<string, string> {
  const checked = checkForm(createCourseBody, body)
  const across = courseRuleErrors(body as Parameters<typeof courseRuleErrors>[0])
  return checked.ok ? across : { ...across, ...checked.fields }
}

function CourseForm({ course }: { course?: Course }) {
  const { draft: d, set, errors, message, setMessage, busy, save } = useStaffForm<Draft>(() => draftOf(course))
  const text = (k: TextKey, label: string, extra: { hint?: string; number?: boolean; multiline?: boolean; maxlength?: number } = {}) => (
    <TextField
      label={label}
      className={`staff-course-edit__${k}`}
      hint={extra.hint}
      type={extra.number ? 'number' : 'text'}
      multiline={extra.multiline}
      maxlength={extra.maxlength}
      value={d[k]}
      error={errors[k]}
      onChange={(v) => set(k, v)}
    />
  )

  const submit = async () => {
    const body = bodyOf(d)
    const saved = await save(body, localErrors(body), (idempotencyKey) => saveCourse(course?.id ?? null, body, idempotencyKey))
    if (!saved) return
    if (!course) {
      void Taro.redirectTo({ url: staffPaths.course(saved.id) })
      return
    }
    setMessage({ text: '已保存', ok: true })
    // Opened from the course page: back to it (it reads the course again when shown); opened from a link: go there.
    Taro.navigateBack().catch(() => Taro.redirectTo({ url: staffPaths.course(saved.id) }))
  }

  return (
    <View className='staff-course-edit'>
      {text('title', '培训班名称', { maxlength: 60 })}
      <ChoiceField
        label='培训方式'
        hint='下单培训：企业下订单，学完去那里上班；点单培训：按县里的菜单；品牌培训：劳务品牌'
        error={errors.mode}
        value={d.mode}
        onChange={(v) => set('mode', v)}
        options={courseModes.map((m) => ({ value: m, label: courseModeLabel[m] }))}
      />
      <ChoiceField label='工种' scroll error={errors.trade} value={d.trade} onChange={(v) => set('trade', v)} options={trades.map((t) => ({ value: t, label: t }))} />
      {text('provider', '培训机构', { hint: '例如 武山县职业技术教育中心', maxlength: 60 })}
      {text('location', '上课地点', { maxlength: 100 })}
      {text('enrollDeadline', '报名截止日期', { hint: '格式 2026-12-31，不能晚于开课日期', maxlength: 10 })}
      {text('startDate', '开课日期', { hint: '格式 2026-12-31', maxlength: 10 })}
      {text('endDate', '结课日期', { hint: '格式 2026-12-31', maxlength: 10 })}
      {text('sessions', '一共上几次课（可以不填）', { hint: '不填就按每天一次算', number: true })}
      {text('capacity', '名额（人）', { hint: '报满以后再报的进候补名单', number: true })}
      {text('costYuan', '学费（元）', { number: true })}
      {text('subsidyYuan', '补贴（元）', { hint: '不能多于学费；补贴和学费一样多就是免费', number: true })}
      {text('certificate', '结业发什么证书', { hint: '例如 焊工职业资格证书', maxlength: 60 })}
      {text('certificateLevel', '证书等级（可以不填）', { hint: '例如 五级/初级工', maxlength: 30 })}
      {text('requirements', '报名条件（可以不填）', { multiline: true, maxlength: 1000 })}
      {text('description', '培训内容（可以不填）', { multiline: true, maxlength: 2000 })}
      {d.mode === 'order' && (
        <View className='staff-course-edit__order'>
          {text('partnerEmployer', '用工企业', { maxlength: 60 })}
          {text('destinationCity', '去哪个城市上班', { hint: '例如 天津', maxlength: 30 })}
          {text('expectedWageYuan', '月工资（元）', { number: true })}
          {text('agreementText', '定向就业协议', { hint: '至少20个字：录用条件、服务多久、收不收费', multiline: true, maxlength: 4000 })}
        </View>
      )}
      <SaveRow className='staff-course-edit__save' message={message} busy={busy} label={course ? '保存修改' : '开班'} onSave={() => void submit()} />
    </View>
  )
}
