import { Text } from '@tarojs/components'
import { Dialog } from '@/components/dialog'
import './index.scss'

interface Props {
  open: boolean
  jobTitle: string
  /** The signed-in worker's number as the server shows it (masked: 139****0009), when known. */
  phone?: string | null
  busy: boolean
  onConfirm: () => void
  onCancel: () => void
}

/** 确认报名: what happens next, and on which number, before anything is sent. */
export function ApplyDialog({ open, jobTitle, phone, busy, onConfirm, onCancel }: Props) {
  return (
    <Dialog open={open} title='确认报名' confirmText='确认报名' cancelText='再想想' busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
      <Text className='apply-dialog__text'>确认报名“{jobTitle}”？</Text>
      <Text className='apply-dialog__text'>工作站会在 2 个工作日内给您打电话。</Text>
      <Text className='apply-dialog__text apply-dialog__phone'>
        {phone ? (
          <>
            工作站会打您的手机 <Text className='nowrap'>{phone}</Text>，请留意来电。
          </>
        ) : (
          '工作站会打您登录用的手机号，请留意来电。'
        )}
      </Text>
      <Text className='apply-dialog__hint'>报名不收任何费用。</Text>
    </Dialog>
  )
}
