export interface TextAreaProps {
  className?: string
  value: string
  maxlength: number
  placeholder?: string
  /** What a screen reader says the box is for; the visible label beside it says the same. */
  label: string
  onChange: (value: string) => void
}
