import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { asButton } from '@/lib/a11y'
import { useCloseOnBack } from './close-on-back'
import './index.scss'

interface Props {
  open: boolean
  /** Said by screen readers and shown at the top. */
  title: string
  /** The close button's name for screen readers, e.g. 关闭筛选. */
  closeLabel?: string
  onClose: () => void
  children: ReactNode
  className?: string
}

/**
 * A panel from the bottom over a dimmed page, with a title and a big ✕. A tap on the dimmed part, the ✕, or the
 * phone's back (H5) closes it. Drawn by us, not NutUI's Popup: that one brought 36 KB of animation code into the
 * mini-program's main package for this one sheet. Nothing of the content exists while it is closed.
 */
export function BottomSheet({ open, title, closeLabel = '关闭', onClose, children, className }: Props) {
  useCloseOnBack(open, onClose)
  if (!open) return null
  return (
    <View className='bottom-sheet' catchMove>
      <View className='bottom-sheet__mask' aria-hidden='true' onClick={onClose} />
      <View className={`bottom-sheet__panel ${className ?? ''}`} role='dialog' aria-modal='true' aria-label={title}>
        <View className='bottom-sheet__head'>
          <Text className='bottom-sheet__title'>{title}</Text>
          <View {...asButton} aria-label={closeLabel} className='bottom-sheet__close' onClick={onClose}>
            <Text aria-hidden='true'>✕</Text>
          </View>
        </View>
        {children}
      </View>
    </View>
  )
}
