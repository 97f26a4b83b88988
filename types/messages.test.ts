import { z } from 'zod/mini'
import { fallbackMessage, usePlainChineseErrors } from './messages'

test('an issue no message names reads in plain Chinese wherever the messages are installed (the server does at start)', () => {
  usePlainChineseErrors()
  // A union and a refine without a message: zod's own default would be the English "Invalid input".
  const union = z.safeParse(z.union([z.literal('a'), z.number()]), true)
  const refined = z.safeParse(z.string().check(z.refine((s) => s === 'ok')), 'no')
  expect(union.success || refined.success).toBe(false)
  for (const r of [union, refined]) for (const issue of r.error!.issues) expect(issue.message).toBe(fallbackMessage)
})
