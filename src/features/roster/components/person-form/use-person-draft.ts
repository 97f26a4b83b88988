import { useState } from 'react'
import type { PersonDraft } from '../../lib/draft'

/** A person's draft and the message by each field; changing a field clears its message (and its howWent.* ones). */
export function usePersonDraft(initial: () => PersonDraft) {
  const [draft, setDraft] = useState<PersonDraft>(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const set = (key: keyof PersonDraft, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== key && !(k.startsWith('howWent') && ['howWentKind', 'channel', 'stationId', 'batchId', 'jobId', 'courseId', 'brokerName'].includes(key)))))
  }
  return { draft, setDraft, set, errors, setErrors }
}
