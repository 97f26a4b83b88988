/**
 * What a search for `q` means, kept in one place so the index and the query agree: a posting matches
 * when `q` occurs in its title, employer name, trade or description, with ASCII letters compared
 * case-insensitively (the same on SQLite and PostgreSQL, whose LIKEs differ on case).
 *
 * The index holds every 2-character gram of each field (never across fields). A 2-character query is
 * therefore answered by the index alone; a longer one needs all its grams and is confirmed against
 * the normalised text; a 1-character one (rare) scans the normalised text.
 */

export const SEARCHED_FIELDS = ['title', 'employer_name', 'trade', 'description'] as const

/** Between fields in the normalised text: a query containing it can never match, as before. */
export const FIELD_SEPARATOR = '\u0001'

/** Lower-cases A–Z only: what both databases' LIKE can agree on. */
export function normalise(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase())
}

/** Distinct 2-character grams (by code point, so a surrogate pair is one character). */
export function bigrams(text: string): string[] {
  const chars = Array.from(normalise(text))
  const grams = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1])
  return [...grams]
}

type Searchable = Record<(typeof SEARCHED_FIELDS)[number], string>

/** The grams a posting is found by. */
export function postingTerms(job: Searchable): string[] {
  const all = new Set<string>()
  for (const field of SEARCHED_FIELDS) for (const gram of bigrams(job[field])) all.add(gram)
  return [...all]
}

/** The posting's four fields as one normalised text, for confirming longer queries. */
export function postingText(job: Searchable): string {
  return SEARCHED_FIELDS.map((f) => normalise(job[f])).join(FIELD_SEPARATOR)
}

export interface SearchPlan {
  /** Grams every match must have (empty for a 1-character query). */
  grams: string[]
  /** LIKE pattern over the normalised text, or null when the grams alone decide (a 2-character query). */
  confirm: string | null
  /** The query can match nothing (it contains the field separator). */
  impossible: boolean
}

/** `%` and `_` in what a worker typed are letters, not wildcards. */
export function likePattern(q: string): string {
  return '%' + q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'
}

export function planSearch(q: string): SearchPlan {
  const text = normalise(q)
  const length = Array.from(text).length
  return {
    grams: bigrams(text),
    confirm: length === 2 ? null : likePattern(text),
    impossible: text.includes(FIELD_SEPARATOR),
  }
}
