import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { TextArea } from '@/components/text-area'
import { asButton } from '@/lib/a11y'
import Taro from '@tarojs/taro'
import { townships } from '@contract/me'
import type { StaffMember } from '@contract/staff'
import { batchStatusLabel, cancelTransportBatchBody, type CreateTransportBatchBody, createTransportBatchBody, type TransportBatch, vehicleKindLabel, vehicleKinds, type VehicleKind } from '@contract/transport'
import { BigButton } from '@/components/big-button'
import { Dialog } from '@/components/dialog'
import { FormField } from '@/components/form-field'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { AnnounceForm } from '@/features/staff/components/announce-form'
import { ChoiceField, SaveRow, TextField } from '@/features/staff/components/staff-form'
import { exportManifestCsv } from '@/features/staff/api/manifest-export'
import { checkForm } from '@/lib/check-form'
import { errorText, staffPaths } from '@/features/staff/lib/paths'
import { chinaDateTime } from '@contract/format'
import { numberOf, useStaffForm } from '@/features/staff/lib/use-staff-form'
import { chinaTime, routeTitle, runBy } from '@/features/transport/lib/format'
import { useIdParam } from '@/hooks/use-id-param'
import { cancelBatch, createBatch, departBatch, useManifest } from '@/features/staff/api/staff-transport'
import { useStationChoices } from '@/features/staff/api/staff-admin'
import { BatchMoveDialog } from '@/features/staff/components/batch-move-dialog'

/** Without ?id: schedule a batch. With it: the batch, its 乘车名单 (CSV too), 给乘客发通知, 标记已发车 and 取消这趟车. */
export default function StaffBatchPage() {
  const id = useIdParam()
  return <StaffShell title={id ? '专车乘车名单' : '安排一趟新车'}>{(staff) => (id ? <ExistingBatch id={id} /> : <BatchForm staff={staff} />)}</StaffShell>
}

type Township = (typeof townships)[number]
type Draft = Record<
  'departDate' | 'departTime' | 'meetDate' | 'meetTime' | 'meetingPoint' | 'destinationProvince' | 'destinationCity' | 'employer' | 'seats' | 'whatToBring' | 'notes',
  string
> & { departureTownship: Township; vehicleKind: VehicleKind; stationId: string }

/** What riders are told to bring when staff leave it as it is: the contract's default. */
const defaultWhatToBring = String(createTransportBatchBody.shape.whatToBring.parse(undefined))

const emptyDraft = (): Draft => ({
  departDate: '',
  departTime: '',
  meetDate: '',
  meetTime: '',
  departureTownship: '城关镇',
  meetingPoint: '',
  destinationProvince: '',
  destinationCity: '',
  stationId: '',
  employer: '',
  vehicleKind: 'bus',
  seats: '',
  whatToBring: defaultWhatToBring,
  notes: '',
})

const datePattern = /^\d{4}-\d{2}-\d{2}$/
const timePattern = /^(\d{1,2})[:：](\d{2})$/

/**
 * A China date and time as the instant the contract takes (2026-03-20T07:00:00+08:00); `undefined` when both are
 * empty, otherwise a message when either is not in the form staff are shown.
 */
function instantOf(date: string, time: string, what: string): string | undefined | { error: string } {
  const d = date.trim()
  const t = time.trim()
  if (!d && !t) return undefined
  if (!datePattern.test(d)) return { error: `${what}日期请按 2026-03-20 的格式填写` }
  const m = timePattern.exec(t)
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return { error: `${what}时间请按 07:30 的格式填写` }
  return `${d}T${m[1].padStart(2, '0')}:${m[2]}:00+08:00`
}

function BatchForm({ staff }: { staff: StaffMember }) {
  const admin = staff.role === 'admin'
  const { draft: d, set, errors, message, busy, save } = useStaffForm<Draft>(emptyDraft)
  const stations = useStationChoices(admin)
  const text = (k: Exclude<keyof Draft, 'departureTownship' | 'vehicleKind' | 'stationId'>, label: string, extra: { type?: 'number'; hint?: string; error?: string; placeholder?: string } = {}) => (
    <TextField
      label={label}
      className={`staff-batch__${k}`}
      type={extra.type}
      hint={extra.hint}
      placeholder={extra.placeholder}
      value={d[k]}
      error={extra.error ?? errors[k]}
      onChange={(v) => set(k, v)}
    />
  )

  const submit = async () => {
    const departAt = instantOf(d.departDate, d.departTime, '发车')
    // A meeting time without a date is on the day of departure.
    const meetAt = instantOf(d.meetTime.trim() && !d.meetDate.trim() ? d.departDate : d.meetDate, d.meetTime, '集合')
    const body = {
      departAt: typeof departAt === 'string' ? departAt : '',
      ...(typeof meetAt === 'string' ? { meetAt } : {}),
      departureTownship: d.departureTownship,
      meetingPoint: d.meetingPoint,
      destinationProvince: d.destinationProvince,
      destinationCity: d.destinationCity,
      ...(admin && d.stationId ? { stationId: Number(d.stationId) } : {}),
      employer: d.employer.trim() ? d.employer : null,
      vehicleKind: d.vehicleKind,
      seats: numberOf(d.seats),
      whatToBring: d.whatToBring,
      notes: d.notes,
    }
    // The contract's own rules, before sending; the date and time boxes say first what is wrong with them.
    const checked = checkForm(createTransportBatchBody, body)
    const local = checked.ok ? {} : { ...checked.fields }
    if (departAt === undefined) local.departAt = '请填写发车日期和时间'
    else if (typeof departAt === 'object') local.departAt = departAt.error
    if (meetAt !== undefined && typeof meetAt === 'object') local.meetAt = meetAt.error
    const saved = await save(body, local, (idempotencyKey) => createBatch(body as CreateTransportBatchBody, idempotencyKey))
    if (saved) void Taro.redirectTo({ url: staffPaths.batch(saved.id) })
  }

  return (
    <View className='staff-batch__form'>
      {text('departDate', '发车日期', { hint: '格式 2026-03-20', error: errors.departAt })}
      {text('departTime', '发车时间', { hint: '格式 07:30（北京时间）' })}
      {text('meetDate', '集合日期（可以不填）', { hint: '不填就是发车那天' })}
      {text('meetTime', '集合时间（可以不填）', { hint: '不填就是发车前1小时', error: errors.meetAt })}
      <ChoiceField
        label='从哪个乡镇出发'
        scroll
        error={errors.departureTownship}
        value={d.departureTownship}
        onChange={(v) => set('departureTownship', v)}
        options={townships.map((t) => ({ value: t, label: t }))}
      />
      {text('meetingPoint', '集合地点', { placeholder: '例如 洛门镇人民政府门前' })}
      {text('destinationProvince', '去哪个省', { hint: '例如 江苏省' })}
      {text('destinationCity', '去哪个城市', { hint: '例如 昆山市' })}
      {admin ? (
        stations.data && (
          <ChoiceField
            label='归哪个工作站'
            scroll
            error={errors.stationId}
            value={d.stationId}
            onChange={(v) => set('stationId', v)}
            options={[{ value: '', label: '县里直接安排' }, ...stations.data.items.map((s) => ({ value: String(s.id), label: s.name }))]}
          />
        )
      ) : (
        <FormField label='归哪个工作站'>
          <Text className='lead-text'>这趟车归{staff.stationName ?? '本站'}管。</Text>
        </FormField>
      )}
      {text('employer', '用工单位（可以不填）', { placeholder: '例如 无锡恒锐精密电子' })}
      <ChoiceField label='车型' error={errors.vehicleKind} value={d.vehicleKind} onChange={(v) => set('vehicleKind', v)} options={vehicleKinds.map((k) => ({ value: k, label: vehicleKindLabel[k] }))} />
      {text('seats', '座位数', { type: 'number' })}
      <TextField label='要带的东西' className='staff-batch__whatToBring' multiline maxlength={300} value={d.whatToBring} error={errors.whatToBring} onChange={(v) => set('whatToBring', v)} />
      <TextField label='其他说明（可以不填）' className='staff-batch__notes' multiline maxlength={1000} value={d.notes} error={errors.notes} onChange={(v) => set('notes', v)} />
      <SaveRow className='staff-batch__save' message={message} busy={busy} label='发布这趟车' onSave={() => void submit()} />
    </View>
  )
}

function BatchFacts({ batch, riders }: { batch: TransportBatch; riders: number }) {
  return (
    <View className='wb-card staff-batch__facts'>
      <Text className='wb-card__title'>
        {routeTitle(batch)}
        <Text className='wb-flag staff-batch__status'>{batchStatusLabel[batch.status]}</Text>
      </Text>
      <Text className='wb-card__line'>
        {chinaTime(batch.departAt)} 发车，去 {batch.destinationProvince}
        {batch.destinationCity}
      </Text>
      <Text className='wb-card__line'>
        {chinaTime(batch.meetAt)} 在 {batch.meetingPoint} 集合
      </Text>
      <Text className='wb-card__line'>{runBy(batch)}</Text>
      <Text className='wb-card__line staff-batch__seats'>
        已报名 {riders} 人，共 {batch.seats} 个座位
      </Text>
      <Text className='wb-card__line'>要带：{batch.whatToBring}</Text>
      {batch.notes && <Text className='wb-card__line'>说明：{batch.notes}</Text>}
      {batch.status === 'cancelled' && batch.cancelReason && <Text className='wb-card__line staff-batch__reason'>取消原因：{batch.cancelReason}</Text>}
    </View>
  )
}

function ExistingBatch({ id }: { id: number }) {
  const { data, error, loading, refresh, savedAt } = useManifest(id)
  const [confirming, setConfirming] = useState<'depart' | 'cancel' | 'move' | null>(null)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  const act = async (call: () => Promise<string>) => {
    setBusy(true)
    setMessage(null)
    try {
      const text = await call()
      setConfirming(null)
      setMessage({ ok: true, text })
      await refresh()
    } catch (e) {
      setConfirming(null)
      setMessage({ ok: false, text: errorText(e) })
    } finally {
      setBusy(false)
    }
  }

  const depart = () =>
    act(async () => {
      const done = await departBatch(id)
      return `已标记发车，${done.riders} 人计入输出人数`
    })

  const cancel = () => {
    const checked = checkForm(cancelTransportBatchBody, { reason })
    if (!checked.ok) {
      setReasonError(checked.fields.reason)
      return
    }
    setReasonError(undefined)
    void act(async () => {
      const done = await cancelBatch(id, checked.data)
      return `这趟车已取消，退还了 ${done.released} 个座位`
    })
  }

  const exportCsv = async () => {
    setMessage(null)
    try {
      setMessage({ ok: true, text: await exportManifestCsv(id) })
    } catch (e) {
      setMessage({ ok: false, text: errorText(e, '导出没有成功，请稍后再试') })
    }
  }

  const batch = data?.batch
  const riders = data?.riders ?? []
  const live = batch?.status === 'open' || batch?.status === 'full'
  return (
    <StateView loading={loading} error={error} savedAt={savedAt} onRetry={() => void refresh()}>
      {batch && (
        <View>
          <BatchFacts batch={batch} riders={riders.length} />
          {message && <Text className={message.ok ? 'wb-ok' : 'wb-message'}>{message.text}</Text>}
          {live && (
            <View className='wb-row'>
              <View {...asButton} className='wb-small-button staff-batch__depart' onClick={() => setConfirming('depart')}>
                <Text>标记已发车</Text>
              </View>
              <View {...asButton} className='wb-small-button staff-batch__move' onClick={() => setConfirming('move')}>
                <Text>改时间或地点</Text>
              </View>
              <View {...asButton} className='wb-small-button wb-small-button--danger staff-batch__cancel' onClick={() => setConfirming('cancel')}>
                <Text>取消这趟车</Text>
              </View>
            </View>
          )}
          {batch.status !== 'cancelled' && riders.length > 0 && <AnnounceForm batchId={id} riders={riders.length} />}
          <Section title={`乘车名单（${riders.length} 人）`}>
            <Text className='wb-card__line'>电话按您的权限显示；导出的名单和这里一样。</Text>
            <BigButton className='staff-batch__export' variant='secondary' onClick={() => void exportCsv()}>
              导出乘车名单（CSV）
            </BigButton>
            {riders.length === 0 ? (
              <Text className='wb-card__line staff-batch__empty'>还没有人报名</Text>
            ) : (
              <View className='wb-table' style={{ '--wb-columns': '0.5fr 1fr 1.3fr 1fr 1.3fr' } as React.CSSProperties}>
                <View className='wb-table__head'>
                  <Text>序号</Text>
                  <Text>姓名</Text>
                  <Text>电话</Text>
                  <Text>家乡乡镇</Text>
                  <Text>报名时间</Text>
                </View>
                {riders.map((r) => (
                  <View key={r.signupId} className='wb-card staff-batch__rider'>
                    <Text className='wb-card__title'>{r.seq}</Text>
                    <Text className='wb-card__line'>{r.name ?? '（未填姓名）'}</Text>
                    <Text className='wb-card__line'>{r.phone}</Text>
                    <Text className='wb-card__line'>{r.hometownTownship ?? ''}</Text>
                    <Text className='wb-card__line'>{chinaDateTime(r.signedUpAt)}</Text>
                  </View>
                ))}
              </View>
            )}
          </Section>
          <Dialog
            open={confirming === 'depart'}
            title='确定这趟车已经发车了吗？'
            confirmText='确定已发车'
            busy={busy}
            onConfirm={() => void depart()}
            onCancel={() => setConfirming(null)}
          >
            <Text className='lead-text'>
              车上 {riders.length} 人会计入输出人数。标记以后不能再报名，也不能取消这趟车。
            </Text>
          </Dialog>
          {confirming === 'move' && (
            <BatchMoveDialog
              batch={batch}
              riders={riders.length}
              open
              onClose={() => setConfirming(null)}
              onMoved={(text) => {
                setConfirming(null)
                setMessage({ ok: true, text })
                void refresh()
              }}
            />
          )}
          <Dialog
            open={confirming === 'cancel'}
            title='取消这趟车'
            confirmText='确定取消这趟车'
            cancelText='先不取消'
            danger
            busy={busy}
            onConfirm={cancel}
            onCancel={() => setConfirming(null)}
          >
            <Text className='lead-text'>已报名的 {riders.length} 人的座位会全部退掉，他们在“我报名的车”里会看到取消原因。</Text>
            <FormField label='取消原因' error={reasonError}>
              <TextArea
                className='form-field__input form-field__textarea staff-batch__reason-input'
                value={reason}
                maxlength={200}
                placeholder='例如 用工单位推迟到下个月开工'
                label='取消原因'
                onChange={setReason}
              />
            </FormField>
          </Dialog>
        </View>
      )}
    </StateView>
  )
}
