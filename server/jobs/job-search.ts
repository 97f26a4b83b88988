/**
 * What a search for `q` means, kept in one place so the index and the query agree: `q` is split on spaces
 * (ASCII or full-width) into words, and a posting matches when every word occurs in its title, employer
 * name, trade, description, province or city, with ASCII letters compared case-insensitively (the same on
 * SQLite and PostgreSQL, whose LIKEs differ on case). A place word may carry its suffix or not: 新疆 finds
 * 新疆维吾尔自治区 as a part of the name, and 广东省 / 新疆自治区 are searched as 广东 / 新疆.
 *
 * The index holds every 2-character gram of each field (never across fields). A 2-character word is
 * therefore answered by the index alone; a longer one needs all its grams and is confirmed against
 * the normalised text; a 1-character one (rare) scans the normalised text.
 */
import { MAX_RECORD_ID } from '../../types/common'

export const SEARCHED_FIELDS = ['title', 'employer_name', 'trade', 'description', 'province', 'city'] as const

/** Between fields in the normalised text: a query containing it can never match, as before. */
export const FIELD_SEPARATOR = '\u0001'

/** Lower-cases A–Z only: what both databases' LIKE can agree on. */
export function normalise(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase())
}

/** Distinct 2-character grams (by code point, so a surrogate pair is one character). */
function bigrams(text: string): string[] {
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

/** The posting's searched fields as one normalised text, for confirming longer words. */
export function postingText(job: Searchable): string {
  return SEARCHED_FIELDS.map((f) => normalise(job[f])).join(FIELD_SEPARATOR)
}

/** An administrative suffix, stripped only when at least 2 characters stay (超市 stays 超市). */
const PLACE_SUFFIX = /(?:维吾尔|回族|壮族)?自治区$|特别行政区$|省$|市$/

/** 广东省 → 广东, 新疆维吾尔自治区 → 新疆: a place's name as postings contain it, whatever suffix was typed. */
export function placeStem(word: string): string {
  const stem = word.replace(PLACE_SUFFIX, '')
  return Array.from(stem).length >= 2 ? stem : word
}

/** The words a worker typed, as typed (spaces of either width between them), each once. */
export function searchWords(q: string): string[] {
  return [...new Set(q.split(/[\s\u3000]+/).filter(Boolean))]
}

/**
 * The words a search looks for, each once: as typed, place suffix dropped, ASCII lower-cased. The worker's search
 * and the staff list's both start here, so the same `q` can never find different postings for want of a split.
 */
export function searchTerms(q: string): string[] {
  return [...new Set(searchWords(q).map((w) => normalise(placeStem(w))))]
}

export interface SearchPlan {
  /** Grams every match must have (empty when every word is 1 character). */
  grams: string[]
  /** LIKE patterns over the normalised text, one per word longer than 2 characters (the grams decide the rest). */
  confirms: string[]
  /** The query can match nothing (it contains the field separator). */
  impossible: boolean
}

/** `%` and `_` in what a worker typed are letters, not wildcards. */
export function likePattern(q: string): string {
  return '%' + q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'
}

/** Null when `q` holds no word (only spaces). */
export function planSearch(q: string): SearchPlan | null {
  const words = searchTerms(q)
  if (!words.length) return null
  const grams = new Set<string>()
  const confirms: string[] = []
  for (const word of words) {
    for (const gram of bigrams(word)) grams.add(gram)
    // A 1-character word has no gram and is checked on the text alone.
    if (Array.from(word).length !== 2) confirms.push(likePattern(word))
  }
  return { grams: [...grams], confirms, impossible: words.some((w) => w.includes(FIELD_SEPARATOR)) }
}

export interface WordSearch {
  /** One LIKE pattern per word over the normalised text; null when some word can match no text. */
  patterns: string[] | null
  /** The posting number when q is digits alone (or 12号, as the workbench shows it), else null. */
  id: number | null
}

/**
 * The staff list's search: the same words as the worker's, but without the gram index: the list is read newest
 * first and is a county's postings (a station's far fewer), so each row is checked on its normalised text
 * (job_search) until the page is full. Null when `q` holds no word.
 */
export function planWordSearch(q: string): WordSearch | null {
  const words = searchTerms(q)
  if (!words.length) return null
  const digits = /^(\d+)号?$/.exec(q.trim())?.[1]
  // A number beyond any id would fail PostgreSQL's integer comparison; it is only text then.
  const id = digits !== undefined && Number(digits) >= 1 && Number(digits) <= MAX_RECORD_ID ? Number(digits) : null
  return { patterns: words.some((w) => w.includes(FIELD_SEPARATOR)) ? null : words.map(likePattern), id }
}
