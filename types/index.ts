/**
 * The contract: every endpoint the app calls and the server serves, declared once.
 * Both sides import from here; nothing here imports from src/ or server/.
 */
import { health, listTrades } from './reference'
import { getJob, listJobs } from './jobs'
import { getCourse, listCourses } from './courses'
import { getStation, listStations } from './stations'
import { devSmsOutbox, login, logout, requestSmsCode, wechatLogin } from './auth'
import { deleteMe, exportMe, getMe, setConsent, updateMe } from './me'
import { staffLogin, staffLogout, staffMe } from './staff'

export * from './errors'
export * from './messages'
export * from './endpoint'
export * from './common'
export * from './reference'
export * from './jobs'
export * from './courses'
export * from './stations'
export * from './validators'
export * from './auth'
export * from './me'
export * from './staff'

export const api = {
  health,
  listTrades,
  listJobs,
  getJob,
  listCourses,
  getCourse,
  listStations,
  getStation,
  requestSmsCode,
  login,
  wechatLogin,
  logout,
  devSmsOutbox,
  getMe,
  updateMe,
  setConsent,
  exportMe,
  deleteMe,
  staffLogin,
  staffMe,
  staffLogout,
} as const
export type Api = typeof api
