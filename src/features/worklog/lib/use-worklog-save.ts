import { useState } from 'react'
import type { z } from 'zod/mini'
import { isApiError } from '@/api'
import { formErrors, type FieldErrors } from '@/lib/check-form'

/** What a refused save says: the server's message by each field, else one line for the whole form. */
function refusal(e: unknown): FieldErrors {
  if (isApiError(e) && e.fields) return e.fields
  return { form: isApiError(e) ? e.message : '出了点问题，请稍后重试' }
}

/**
 * The log's forms save one way: the body checked with the contract's own schema (the server's messages, in plain
 * Chinese, before any round trip), then sent; `errors` holds what to show by each field, `form` for the whole form.
 */
export function useWorklogSave() {
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)

  const save = async <B>(schema: z.ZodMiniType, body: B, send: (body: B) => Promise<unknown>) => {
    const found = formErrors(schema, body)
    setErrors(found)
    if (Object.keys(found).length > 0) return
    setBusy(true)
    try {
      await send(body)
    } catch (e) {
      setErrors(refusal(e))
    } finally {
      setBusy(false)
    }
  }

  return { errors, setErrors, busy, save }
}
