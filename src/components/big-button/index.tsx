import { View } from '@tarojs/components'
import { asButton } from '@/lib/a11y'
import './index.scss'

interface Props {
  children: React.ReactNode
  onClick: () => void
  /** primary: filled; secondary: outlined; danger: filled red, for deleting */
  variant?: 'primary' | 'secondary' | 'danger'
  /** Greyed out and not tappable (e.g. while a countdown runs). */
  disabled?: boolean
  className?: string
}

/** A full-width button at least 48px tall with large text. */
export function BigButton({ children, onClick, variant = 'primary', disabled, className }: Props) {
  return (
    <View
      {...asButton}
      aria-disabled={disabled ? 'true' : 'false'}
      className={`big-button big-button--${variant} ${disabled ? 'big-button--disabled' : ''} ${className ?? ''}`}
      hoverClass={disabled ? 'none' : 'big-button--pressed'}
      onClick={disabled ? undefined : onClick}
    >
      {children}
    </View>
  )
}
