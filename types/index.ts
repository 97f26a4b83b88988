/**
 * The contract: every endpoint the app calls and the server serves, declared once.
 * Both sides import from here; nothing here imports from src/ or server/.
 */
import { health, listTrades } from './reference'
import { getJob, listJobs } from './jobs'
import { getCourse, listCourses } from './courses'
import { getStation, listStations } from './stations'

export * from './errors'
export * from './messages'
export * from './endpoint'
export * from './common'
export * from './reference'
export * from './jobs'
export * from './courses'
export * from './stations'

export const api = {
  health,
  listTrades,
  listJobs,
  getJob,
  listCourses,
  getCourse,
  listStations,
  getStation,
} as const
export type Api = typeof api
