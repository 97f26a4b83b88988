/**
 * 劳务输转 figures over the labour roster: people working away, how many went organised, where to and from which
 * township, month by month and year to date against the same period last year, and an estimate of labour income.
 * Every row carries the ledger filter that lists exactly its people (GET /staff/ledgers/away with that query).
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { isoDate } from './common'
import { townshipInput, townships } from './places'

/** Opens the matching register: `/staff/ledgers/${kind}?township=&destination=&asOf=`. */
export const figureFilter = z.object({
  kind: z.literal('away'),
  township: z.optional(z.enum(townships)),
  /** A destination province (the ledger's `destination`). */
  destination: z.optional(z.string()),
  asOf: isoDate,
})
export type FigureFilter = z.infer<typeof figureFilter>

const period = {
  /** People working away at the period's end. */
  away: z.number(),
  /** Of them, sent out organised (有组织输转). */
  organised: z.number(),
  /** organised / away, 0–1 with 4 decimals; 0 when nobody is away. */
  organisedRate: z.number(),
}

export const labourFiguresRow = z.object({ ...period, lastYear: z.object(period), filter: figureFilter })

export const labourMonth = z.object({
  /** 2026-03 */
  month: z.string(),
  /** The day the month is read as of: its last day, or the figures' day for the month under way. */
  asOf: isoDate,
  ...period,
  /** Estimated labour income of the month, yuan: each person away at the month's end × their income band's midpoint. */
  incomeYuan: z.number(),
  lastYear: z.object({ ...period, incomeYuan: z.number() }),
  filter: figureFilter,
})

export const labourFigures = z.object({
  year: z.number(),
  township: z.nullable(z.enum(townships)),
  /** The day the year-to-date figures stand at (asOf, today, or the year's last day). */
  asOf: isoDate,
  yearToDate: z.object({
    ...period,
    incomeYuan: z.number(),
    /** People away without an income band: not in the income estimate. */
    awayWithoutIncomeBand: z.number(),
    lastYear: z.object({ ...period, incomeYuan: z.number() }),
    filter: figureFilter,
  }),
  months: z.array(labourMonth),
  byProvince: z.array(z.object({ province: z.string(), ...labourFiguresRow.shape })),
  byTownship: z.array(z.object({ township: z.enum(townships), ...labourFiguresRow.shape })),
})
export type LabourFigures = z.infer<typeof labourFigures>

export const labourFiguresQuery = z.object({
  /** xlsx: the same figures as a workbook (months, by province, by township). */
  format: z._default(z.enum(['json', 'xlsx']), 'json'),
  year: z.optional(z.coerce.number().check(z.int('年份不对'), z.gte(2020, '年份不对'), z.lte(2100, '年份不对'))),
  township: z.optional(townshipInput),
  asOf: z.optional(isoDate),
})

export const staffLabourFigures = endpoint({
  method: 'GET',
  path: '/staff/figures/labour',
  access: 'staff',
  summary: "劳务输转 figures from the roster: admins the county's (or one township's), township officers their township's; others 403",
  query: labourFiguresQuery,
  files: ['xlsx'],
  response: labourFigures,
})
