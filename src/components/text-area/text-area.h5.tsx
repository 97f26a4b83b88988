import type { TextAreaProps } from './props'
import './index.scss'

/**
 * H5: the browser's own <textarea>. Taro has no plain React textarea, and its web-component one brings the Stencil
 * runtime into every form page the worker opens.
 */
export function TextArea({ className, value, maxlength, placeholder, label, onChange }: TextAreaProps) {
  return (
    <textarea
      className={`text-area ${className ?? ''}`}
      value={value}
      maxLength={maxlength}
      placeholder={placeholder}
      aria-label={label}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}
