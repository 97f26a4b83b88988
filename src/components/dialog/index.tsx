import { Text, View } from '@tarojs/components'
import { BigButton } from '../big-button'
import './index.scss'

interface Props {
  open: boolean
  title: string
  children: React.ReactNode
  confirmText: string
  cancelText?: string
  /** A destructive action (delete, withdraw) is drawn in red. */
  danger?: boolean
  busy?: boolean
  onConfirm: () => void
  onCancel: () => void
}

/**
 * A centred card over a dimmed page, with one big button for yes and one for no.
 * Drawn by the page itself (not Taro.showModal) so its text is as large as the rest of the app.
 */
export function Dialog({ open, title, children, confirmText, cancelText = '取消', danger, busy, onConfirm, onCancel }: Props) {
  if (!open) return null
  return (
    <View className='dialog' catchMove>
      <View className='dialog__card' role='dialog' aria-modal='true' aria-label={title}>
        <Text className='dialog__title'>{title}</Text>
        <View className='dialog__body'>{children}</View>
        <BigButton variant={danger ? 'danger' : 'primary'} onClick={busy ? () => undefined : onConfirm}>
          {busy ? '请稍候…' : confirmText}
        </BigButton>
        <BigButton variant='secondary' className='dialog__cancel' onClick={onCancel}>
          {cancelText}
        </BigButton>
      </View>
    </View>
  )
}
