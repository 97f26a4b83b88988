import { useState } from 'react'
import { Text } from '@tarojs/components'
import { type TransportBatch, updateTransportBatchBody } from '@contract/transport'
import { Dialog } from '@/components/dialog'
import { checkForm } from '@/lib/check-form'
import { moveBatch } from '../../api/staff-transport'
import { errorText } from '../../lib/paths'
import { TextField } from '../staff-form'

const CHINA_MS = 8 * 3600 * 1000
/** 2026-03-20 and 07:30 of an instant, China time, as the boxes show them. */
const chinaParts = (at: string) => {
  const wall = new Date(Date.parse(at) + CHINA_MS).toISOString()
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) }
}
const timePattern = /^(\d{1,2})[:：](\d{2})$/

interface Props {
  batch: TransportBatch
  riders: number
  open: boolean
  onClose: () => void
  /** Called with what to tell the staff member once the riders have been told. */
  onMoved: (text: string) => void
}

/**
 * 改时间或地点: a new departure date and time or meeting point; the riders are told at once by the server (inbox, and
 * SMS). The meeting time moves with the departure, keeping its gap.
 */
export function BatchMoveDialog({ batch, riders, open, onClose, onMoved }: Props) {
  const was = chinaParts(batch.departAt)
  const [date, setDate] = useState(was.date)
  const [time, setTime] = useState(was.time)
  const [point, setPoint] = useState(batch.meetingPoint)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const save = async () => {
    const m = timePattern.exec(time.trim())
    const local: Record<string, string> = {}
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.trim())) local.departDate = '日期请按 2026-03-20 的格式填写'
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) local.departTime = '时间请按 07:30 的格式填写'
    if (Object.keys(local).length) return setErrors(local)
    const departAt = `${date.trim()}T${m![1].padStart(2, '0')}:${m![2]}:00+08:00`
    const body = {
      ...(Date.parse(departAt) !== Date.parse(batch.departAt) ? { departAt } : {}),
      ...(point.trim() !== batch.meetingPoint ? { meetingPoint: point } : {}),
    }
    if (!Object.keys(body).length) return setErrors({ departTime: '时间和地点都没有改' })
    const checked = checkForm(updateTransportBatchBody, body)
    if (!checked.ok) return setErrors({ departDate: checked.fields.departAt ?? '', meetingPoint: checked.fields.meetingPoint ?? '' })
    setBusy(true)
    try {
      const done = await moveBatch(batch.id, checked.data)
      setErrors({})
      onMoved(`已改好，已通知 ${done.told} 位乘客`)
    } catch (e) {
      const fields = (e as { fields?: Record<string, string> }).fields
      setErrors(fields?.departAt || fields?.meetingPoint ? { departDate: fields.departAt ?? '', meetingPoint: fields.meetingPoint ?? '' } : { departTime: errorText(e) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog open={open} title='改发车时间或集合地点' confirmText='改好了，通知乘客' cancelText='先不改' busy={busy} onConfirm={() => void save()} onCancel={onClose}>
      <Text className='lead-text'>已报名的 {riders} 人会马上收到消息和短信。集合时间跟着发车时间一起挪。</Text>
      <TextField label='发车日期' className='batch-move__date' hint='格式 2026-03-20' value={date} error={errors.departDate || undefined} onChange={setDate} />
      <TextField label='发车时间' className='batch-move__time' hint='格式 07:30（北京时间）' value={time} error={errors.departTime || undefined} onChange={setTime} />
      <TextField label='集合地点' className='batch-move__point' value={point} error={errors.meetingPoint || undefined} onChange={setPoint} />
    </Dialog>
  )
}
