/** A worker's yes/no answer: 0/1 as stored, null until answered. Unknown stays unknown, never 否. */
export type StoredAnswer = 0 | 1 | null

export const answerOf = (stored: number | null): boolean | null => (stored === null ? null : stored === 1)

export const storedAnswer = (answer: boolean | null): StoredAnswer => (answer === null ? null : answer ? 1 : 0)
