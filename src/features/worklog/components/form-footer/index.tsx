import { Text } from '@tarojs/components'
import { BigButton } from '@/components/big-button'
import './index.scss'

interface Props {
  /** What is wrong with the form as a whole (or a field it has no place for); nothing when null. */
  error?: string | null
  busy: boolean
  label: string
  onSave: () => void
}

/** The foot of each of the log's forms: the form's own message, read out, above the one save button. */
export function FormFooter({ error, busy, label, onSave }: Props) {
  return (
    <>
      {error && (
        <Text className='worklog-form__error' aria-live='assertive'>
          {error}
        </Text>
      )}
      <BigButton disabled={busy} onClick={onSave}>
        {busy ? '正在保存…' : label}
      </BigButton>
    </>
  )
}
