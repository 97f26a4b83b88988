import { useRef, useState } from 'react'
import { isApiError, newIdempotencyKey } from '@/api'
import { type FieldErrors } from '@/lib/check-form'
import { errorText } from './paths'

export type { FieldErrors }

export const fixTheFields = '有几项需要改一下，请看红字'

/** A number box's text as the body takes it: empty is "not filled" (the schema says 请填写…), anything else is tried as a number. */
export const numberOf = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()))

/**
 * State and saving for a workbench create/edit form: the draft, the message by each field, and one send at a time.
 * A retry of the same content reuses its Idempotency-Key (a lost answer is not a second course or posting);
 * changed content, or a considered refusal from the server, gets a new one.
 */
export function useStaffForm<D extends object>(initial: () => D) {
  const [draft, setDraft] = useState<D>(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null)
  const [busy, setBusy] = useState(false)
  const attempt = useRef<{ key: string; body: string } | null>(null)

  const set = <K extends keyof D>(key: K, value: D[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setErrors((e) => {
      if (!(key in e)) return e
      const { [key as string]: _, ...rest } = e
      return rest
    })
  }

  /**
   * Shows `local` (the contract's own messages, checked before sending) or sends `body` through `send`.
   * The answer, or null when nothing was sent or the server refused (its field messages are then shown).
   */
  const save = async <T>(body: unknown, local: FieldErrors, send: (idempotencyKey: string) => Promise<T>): Promise<T | null> => {
    if (busy) return null
    setMessage(null)
    if (Object.keys(local).length > 0) {
      setErrors(local)
      setMessage({ text: fixTheFields, ok: false })
      return null
    }
    const text = JSON.stringify(body)
    if (!attempt.current || attempt.current.body !== text) attempt.current = { key: newIdempotencyKey(), body: text }
    setBusy(true)
    setErrors({})
    try {
      const result = await send(attempt.current.key)
      attempt.current = null
      return result
    } catch (e) {
      setErrors(isApiError(e) && e.fields ? { ...e.fields } : {})
      setMessage({ text: errorText(e), ok: false })
      if (isApiError(e) && !e.transient) attempt.current = null
      return null
    } finally {
      setBusy(false)
    }
  }

  return { draft, setDraft, set, errors, message, setMessage, busy, save }
}
