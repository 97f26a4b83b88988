import type { Kysely } from 'kysely'
import { type AccessLogAction, accessLogActionLabel, type AccessLogEntry } from '../../types'
import type { DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { decodeCursor, paginate } from '../lib/cursor'
import { listAccess, listAccessAbout } from './access-log.repository'
import { requireAdmin } from './staff-scope'

/** Admins only: who read whose personal data, newest first. */
export async function listAccessLog(db: Kysely<DB>, caller: StaffCaller, query: { staffId?: number; userId?: number; cursor?: string; limit: number }) {
  requireAdmin(caller, '只有县级管理员可以查看访问记录')
  const after = decodeCursor(query.cursor, { id: 'number' })
  const rows = await listAccess(db, { staffId: query.staffId, userId: query.userId, beforeId: after?.id }, query.limit + 1)
  const { page, nextCursor } = paginate(rows, query.limit, (last) => ({ id: last.id }))
  const items: AccessLogEntry[] = page.map((r) => ({
    id: r.id,
    at: r.at,
    staff: { id: r.staff_id, username: r.username, displayName: r.display_name },
    action: r.action as AccessLogAction,
    userId: r.user_id,
    detail: r.detail,
  }))
  return { items, nextCursor }
}

/** For the worker's export: who of the staff read their data, when and what. */
export async function exportWorkerAccessLog(db: Kysely<DB>, userId: number) {
  return (await listAccessAbout(db, userId)).map((r) => ({
    at: r.at,
    action: r.action as AccessLogAction,
    actionLabel: accessLogActionLabel[r.action as AccessLogAction] ?? r.action,
    staff: r.display_name,
    detail: r.detail,
  }))
}
