/**
 * The county's Excel ledgers into the roster: a template to fill, an upload that only checks (a dry run: every bad
 * cell with its reason, every change with before and after), and a commit that writes the good rows knowingly.
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDateTime } from './common'

/** The multipart field the sheet travels in. */
export const rosterImportFieldName = 'file'
/** Larger than any township's ledger (100,000 rows are about 8 MB). */
export const rosterImportMaxBytes = 20 * 1024 * 1024
/** Rows one sheet may hold: the county has about 300,000 people of working age, a township far fewer. */
export const rosterImportMaxRows = 200_000

/**
 * The county's columns, in its order. The first thirteen are the roster registers' own (an export by an officer who
 * sees ID numbers in full imports back unchanged); the rest say what a new person's household and work ability are.
 * Required columns must be present in the header row; the others may be left out (then kept as they are).
 */
export const rosterImportColumns = [
  { key: 'name', header: '姓名', required: true },
  { key: 'idNumber', header: '身份证号', required: true },
  { key: 'phone', header: '手机号', required: false },
  { key: 'township', header: '乡镇', required: true },
  { key: 'village', header: '村', required: true },
  { key: 'group', header: '组', required: false },
  { key: 'poverty', header: '户类别', required: true },
  { key: 'status', header: '目前状态', required: true },
  { key: 'destinationProvince', header: '去向省份', required: false },
  { key: 'destinationCity', header: '去向城市', required: false },
  { key: 'employer', header: '工作单位', required: false },
  { key: 'trade', header: '工种', required: false },
  { key: 'statusLastYear', header: '去年状态', required: false },
  { key: 'relation', header: '与户主关系', required: false },
  { key: 'headIdNumber', header: '户主身份证号', required: false },
  { key: 'workAbility', header: '劳动能力', required: false },
  { key: 'returnReason', header: '返乡原因', required: false },
  { key: 'incomeBand', header: '月收入', required: false },
] as const
export type RosterImportColumnKey = (typeof rosterImportColumns)[number]['key']

export const rosterImportProblem = z.object({
  /** The sheet's row number, as Excel shows it. */
  row: z.number(),
  /** The column's header (身份证号), or null for the whole row. */
  column: z.nullable(z.string()),
  /** The cell as read (ID numbers and phones masked). */
  value: z.nullable(z.string()),
  message: z.string(),
})
export type RosterImportProblem = z.infer<typeof rosterImportProblem>

/** A person already on the roster whose row says something else: each field before (the roster) and after (the sheet). */
export const rosterImportChange = z.object({
  row: z.number(),
  personId: z.number(),
  name: z.string(),
  fields: z.array(z.object({ column: z.string(), before: z.nullable(z.string()), after: z.nullable(z.string()) })),
})
export type RosterImportChange = z.infer<typeof rosterImportChange>

export const rosterImportStates = ['checked', 'committing', 'committed'] as const

export const rosterImport = z.object({
  id: z.number(),
  fileName: z.string(),
  /** SHA-256 of the file as uploaded (hex). */
  sha256: z.string(),
  /** The township every row had to be in (a township officer's own), or null (an admin: any). */
  township: z.nullable(z.string()),
  staff: z.object({ id: z.number(), displayName: z.string() }),
  createdAt: isoDateTime,
  state: z.enum(rosterImportStates),
  committedAt: z.nullable(isoDateTime),
  summary: z.object({
    /** Data rows read (the header and empty rows not counted). */
    rows: z.number(),
    new: z.number(),
    changed: z.number(),
    unchanged: z.number(),
    refused: z.number(),
  }),
  /** Every bad cell and row, in sheet order (at most `listedMax`; `problemCount` says how many in all). */
  problems: z.array(rosterImportProblem),
  problemCount: z.number(),
  /** People already on the roster that the sheet changes (at most `listedMax`; `summary.changed` says how many). */
  changes: z.array(rosterImportChange),
  listedMax: z.number(),
  /**
   * The very same file (by SHA-256) committed before this import, the latest such: the page says it was imported
   * already (its rows then come out unchanged). Null for a file never committed.
   */
  sameFile: z.nullable(z.object({ id: z.number(), committedAt: isoDateTime, staff: z.object({ id: z.number(), displayName: z.string() }) })),
  /** After a commit: what was written (a second commit writes nothing more). */
  written: z.nullable(z.object({ created: z.number(), updated: z.number(), unchanged: z.number() })),
})
export type RosterImport = z.infer<typeof rosterImport>

export const staffRosterImportTemplate = endpoint({
  method: 'GET',
  path: '/staff/roster-imports/template',
  access: 'staff',
  summary: "The roster's Excel template (.xlsx): the county's headers, and a sheet of the allowed townships, villages, statuses, trades and household kinds",
  query: z.object({ format: z._default(z.enum(['xlsx']), 'xlsx') }),
  files: ['xlsx'],
  response: z.object({}),
})

/**
 * multipart/form-data, the .xlsx in the field `file` (at most 20 MB). Nothing is written to the roster: the answer is
 * the dry run, kept under its id for the commit. Admins import any township; township officers their own.
 */
export const staffCheckRosterImport = endpoint({
  method: 'POST',
  path: '/staff/roster-imports',
  access: 'staff',
  status: 201,
  summary: 'Upload a roster sheet (.xlsx) and check it: every bad cell with its reason, every change, and the counts; nothing written yet',
  response: rosterImport,
})

export const staffGetRosterImport = endpoint({
  method: 'GET',
  path: '/staff/roster-imports/:id',
  access: 'staff',
  summary: 'A checked or committed import, as its importer (or an admin) sees it',
  params: idParam,
  response: rosterImport,
})

export const staffCommitRosterImport = endpoint({
  method: 'POST',
  path: '/staff/roster-imports/:id/commit',
  access: 'staff',
  summary: "Write a checked import's good rows to the roster (history source 导入); committing again writes nothing",
  params: idParam,
  response: rosterImport,
})
