/**
 * Job cards kept as checked JSON, each under the stamp of the rows it was built from (a posting's, its station's and
 * its employer's row versions, raised by the database on every update, the employer's 欠薪 count and the day). A list
 * still runs its own query every time, for which postings and in what order; it reads only their stamps, and a card
 * whose stamp has not moved is reused instead of read, mapped, checked and serialised again. Turning twenty rows of
 * forty columns into objects was most of an uncached list's cost.
 *
 * The stamps come from the database, so a card is never served stale after another process's write: the next list
 * reads the new version and rebuilds that card.
 */
import { LRUCache } from 'lru-cache'
import { z } from 'zod/mini'
import { jobSummary } from '../../types'
import { findJobSummariesByIds, type Executor, type JobStampRow, type JobSummaryRow } from './jobs.repository'
import { toJobSummary } from './jobs.service'

type Stamped = Pick<JobStampRow, 'row_version' | 'src_row_version' | 'emp_row_version' | 'emp_unpaid_cases'>

export function cardStamp(row: Stamped, today: string): string {
  return `${today}|${row.row_version}|${row.src_row_version}|${row.emp_row_version ?? '-'}|${row.emp_unpaid_cases}`
}

export class JobCards {
  private readonly kept: LRUCache<number, { stamp: string; json: string }>
  /** Cards built and reused since start (for /metrics and tests). */
  built = 0
  reused = 0

  /** `maxChars`: an upper bound on memory, in characters of JSON (about 800 a card). */
  constructor(maxChars = 16_000_000) {
    this.kept = new LRUCache({ maxSize: maxChars, sizeCalculation: (card) => Math.max(1, card.json.length) })
  }

  /**
   * The cards of `rows`, in their order, as JSON checked against the contract. Cards not kept, or kept under an older
   * stamp, are read in one query. A posting deleted between the list's query and that read is left out.
   */
  async page(db: Executor, rows: readonly JobStampRow[], today: string): Promise<string[]> {
    const cards = new Map<number, string>()
    const missing: number[] = []
    for (const row of rows) {
      const kept = this.kept.get(row.id)
      if (kept && kept.stamp === cardStamp(row, today)) cards.set(row.id, kept.json)
      else missing.push(row.id)
    }
    this.reused += cards.size
    for (const row of await findJobSummariesByIds(db, missing)) cards.set(row.id, this.build(row, today))
    return rows.flatMap((row) => cards.get(row.id) ?? [])
  }

  private build(row: JobSummaryRow, today: string): string {
    this.built++
    // Checked once here, when built: the list's answer is assembled from these without a second pass.
    const json = JSON.stringify(z.parse(jobSummary, toJobSummary(row, today)))
    // Kept under the stamp of the rows it was built from, which may be newer than the list's (a write in between).
    this.kept.set(row.id, { stamp: cardStamp(row, today), json })
    return json
  }
}
