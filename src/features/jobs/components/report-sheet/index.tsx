import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { TextArea } from '@/components/text-area'
import { type ReportReason, reportReasonLabel, reportReasons } from '@contract/jobs'
import { BigButton } from '@/components/big-button'
import { BottomSheet } from '@/components/bottom-sheet'
import { asButton } from '@/lib/a11y'
import '@/components/chips/index.scss'
import './index.scss'

interface Props {
  visible: boolean
  busy: boolean
  /** Field messages from the server (e.g. detail too long). */
  errors?: Record<string, string>
  onSubmit: (report: { reason: ReportReason; detail: string }) => void
  onClose: () => void
}

/** 举报: why (one tap), what happened (needed for 其他), then send. */
export function ReportSheet({ visible, busy, errors, onSubmit, onClose }: Props) {
  const [reason, setReason] = useState<ReportReason | null>(null)
  const [detail, setDetail] = useState('')
  const [localError, setLocalError] = useState<string | null>(null)
  useEffect(() => {
    if (visible) setLocalError(null)
  }, [visible])

  const submit = () => {
    if (!reason) return setLocalError('请先选一个原因')
    if (reason === 'other' && !detail.trim()) return setLocalError('选“其他”时请写明是什么问题')
    setLocalError(null)
    onSubmit({ reason, detail: detail.trim() })
  }
  const message = localError ?? errors?.reason ?? errors?.detail ?? null

  return (
    <BottomSheet open={visible} title='举报这个岗位' closeLabel='关闭举报' onClose={onClose}>
      <View className='report-sheet'>
        <Text className='report-sheet__label'>遇到了什么问题？</Text>
        <View className='chips'>
          {reportReasons.map((r) => (
            <View
              key={r}
              {...asButton}
              aria-pressed={reason === r ? 'true' : 'false'}
              className={`chip ${reason === r ? 'chip--selected' : ''}`}
              onClick={() => setReason(r)}
            >
              <Text>{reportReasonLabel[r]}</Text>
            </View>
          ))}
        </View>
        <Text className='report-sheet__label'>{reason === 'other' ? '说说是什么问题（必填）' : '说说发生了什么（可不填）'}</Text>
        <TextArea
          className='report-sheet__detail'
          value={detail}
          maxlength={500}
          placeholder='比如：让先交500元押金'
          label='举报说明'
          onChange={setDetail}
        />
        {message && (
          <Text className='report-sheet__error' aria-live='assertive'>
            {message}
          </Text>
        )}
        <BigButton variant='danger' onClick={busy ? () => undefined : submit}>
          {busy ? '正在提交…' : '提交举报'}
        </BigButton>
      </View>
    </BottomSheet>
  )
}
