import { Textarea } from '@tarojs/components'
import type { TextAreaProps } from './props'

/** A box for a few sentences. The mini-program's own textarea; H5 uses the browser's (text-area.h5.tsx). */
export function TextArea({ className, value, maxlength, placeholder, label, onChange }: TextAreaProps) {
  return (
    <Textarea
      className={className}
      value={value}
      maxlength={maxlength}
      placeholder={placeholder}
      aria-label={label}
      onInput={(e) => onChange(e.detail.value)}
    />
  )
}
