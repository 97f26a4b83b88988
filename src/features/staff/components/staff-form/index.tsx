import { Input, Text, View } from '@tarojs/components'
import { TextArea } from '@/components/text-area'
import { BigButton } from '@/components/big-button'
import { Chips, type ChipOption } from '@/components/chips'
import { FormField } from '@/components/form-field'

/**
 * The pieces every workbench create/edit form is made of (postings, courses): a labelled text box with its message,
 * a single choice, and the message + save button at the bottom. Each control carries `className` so journeys can
 * find it (e.g. `.staff-course__title input`).
 */

interface TextFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  error?: string
  hint?: string
  className?: string
  /** number: the phone's number pad. */
  type?: 'text' | 'number'
  /** A several-line box (descriptions, agreements). */
  multiline?: boolean
  maxlength?: number
  placeholder?: string
}

export function TextField({ label, value, onChange, error, hint, className = '', type = 'text', multiline, maxlength, placeholder }: TextFieldProps) {
  return (
    <FormField label={label} error={error} hint={hint}>
      {multiline ? (
        <TextArea
          className={`form-field__input form-field__textarea ${className}`}
          value={value}
          maxlength={maxlength ?? 2000}
          placeholder={placeholder}
          label={label}
          onChange={onChange}
        />
      ) : (
        <Input
          className={`form-field__input ${className}`}
          type={type}
          value={value}
          maxlength={maxlength ?? 140}
          placeholder={placeholder}
          aria-label={label}
          onInput={(e) => onChange(e.detail.value)}
        />
      )}
    </FormField>
  )
}

interface ChoiceFieldProps<V extends string> {
  label: string
  value: V
  options: ChipOption<V>[]
  onChange: (value: V) => void
  error?: string
  hint?: string
  /** Many options (trades, stations): one scrolling line. */
  scroll?: boolean
}

export function ChoiceField<V extends string>({ label, value, options, onChange, error, hint, scroll }: ChoiceFieldProps<V>) {
  return (
    <FormField label={label} error={error} hint={hint}>
      <Chips scroll={scroll} value={value} onChange={onChange} options={options} />
    </FormField>
  )
}

interface SaveRowProps {
  /** What happened last: `ok` in green (已保存), otherwise in red (what to fix). */
  message: { text: string; ok: boolean } | null
  busy: boolean
  label: string
  onSave: () => void
  className?: string
}

export function SaveRow({ message, busy, label, onSave, className }: SaveRowProps) {
  return (
    <View>
      {message && (
        <Text className={message.ok ? 'wb-ok' : 'wb-message'} aria-live='polite'>
          {message.text}
        </Text>
      )}
      <BigButton className={className} disabled={busy} onClick={onSave}>
        {busy ? '正在保存…' : label}
      </BigButton>
    </View>
  )
}
