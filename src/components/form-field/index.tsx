import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  label: string
  /** What to fix, shown in red under the control (from ApiError.fields or a local check). */
  error?: string
  /** A short help line under the label. */
  hint?: string
  children: React.ReactNode
}

/** One form row: a big label, the control, and the message that says what to fix. */
export function FormField({ label, error, hint, children }: Props) {
  return (
    <View className={`form-field ${error ? 'form-field--error' : ''}`}>
      <Text className='form-field__label'>{label}</Text>
      {hint && <Text className='form-field__hint'>{hint}</Text>}
      {children}
      {error && (
        <Text className='form-field__error' aria-live='assertive'>
          {error}
        </Text>
      )}
    </View>
  )
}
