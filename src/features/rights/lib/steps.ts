/** The form's five steps and the fields each one checks, with the contract's own rules and messages. */
import { createRightsRequestBody, rightsFields } from '@contract/rights'
import { checkField, formErrors } from '@/lib/check-form'
import { bodyOf, type RightsDraft } from './draft'

export const steps = [
  { title: '遇到了什么事', fields: ['category', 'description'] },
  { title: '在哪里干活', fields: ['employerName', 'workCity', 'workAddress'] },
  { title: '钱、人数和时间', fields: ['workedFrom', 'workedTo', 'amountOwedYuan', 'workersAffected'] },
  { title: '拍照片（可以不传）', fields: ['attachmentIds'] },
  { title: '怎么联系您', fields: ['contactName', 'contactPhone', 'contactTime'] },
] as const

export type FieldErrors = Record<string, string>

/** What is wrong on one step, by field. */
export function stepErrors(draft: RightsDraft, step: number): FieldErrors {
  const errors: FieldErrors = {}
  const fields = steps[step].fields as readonly string[]
  if (step === 2 && !draft.workedTo) errors.workedTo = '请选择干到什么时候，还在干就选「现在还在干」'
  if (step === 2 && !draft.workedFrom) errors.workedFrom = '请选择从什么时候开始干'
  for (const [key, message] of Object.entries(formErrors(createRightsRequestBody, bodyOf(draft)))) {
    if (fields.includes(key) && !errors[key]) errors[key] = message
  }
  // The contract allows leaving the name out; typed, it must be a name.
  if (step === 4 && draft.contactName.trim() && !errors.contactName) {
    const name = checkField(rightsFields.contactName, draft.contactName)
    if (name) errors.contactName = name
  }
  return errors
}

/** The first step holding one of these fields (after the server refused them). */
export function stepOfFields(fields: string[]): number {
  const names = fields.map((f) => f.split('.')[0])
  const index = steps.findIndex((s) => (s.fields as readonly string[]).some((f) => names.includes(f)))
  return index === -1 ? steps.length - 1 : index
}
