import { View } from '@tarojs/components'
import { asButton } from '@/lib/a11y'
import './index.scss'

interface Props {
  children: React.ReactNode
  onClick: () => void
  /** primary: filled; secondary: outlined */
  variant?: 'primary' | 'secondary'
  className?: string
}

/** A full-width button at least 48px tall with large text. */
export function BigButton({ children, onClick, variant = 'primary', className }: Props) {
  return (
    <View
      {...asButton}
      className={`big-button big-button--${variant} ${className ?? ''}`}
      hoverClass='big-button--pressed'
      onClick={onClick}
    >
      {children}
    </View>
  )
}
