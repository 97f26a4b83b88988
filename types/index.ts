/**
 * The contract: every endpoint the app calls and the server serves, declared once.
 * The server imports this barrel; the app takes values from each area's file (`@contract/<area>`), so a page loads
 * only its own schemas. Nothing here imports from src/ or server/.
 */
import { health, listTrades } from './reference'
import { applyToJob, getEmployer, getJob, listJobs, listMyApplications, reportJob, withdrawApplication } from './jobs'
import { cancelEnrollment, createCourseRequest, enrollInCourse, getCourse, listCourses, listMyEnrollments } from './training'
import { courseRequestSummary, staffCompleteEnrollment, staffCourseEnrollments, staffCreateCourse, staffIssueCertificate, staffListCourses, staffUpdateCourse } from './staff-courses'
import {
  getStation,
  listBranchMembers,
  listMyPartyMemberships,
  listStationCities,
  listStations,
  registerPartyMember,
} from './stations'
import { devSmsOutbox, login, logout, requestSmsCode, wechatLogin } from './auth'
import { deleteMe, exportMe, getMe, setConsent, updateMe } from './me'
import { staffChangePassword, staffLogin, staffLogout, staffMe } from './staff'
import {
  staffCreateJob,
  staffGetJob,
  staffJobApplications,
  staffJobsUnderReview,
  staffListJobs,
  staffReviewJob,
  staffSetApplicationStatus,
  staffGetEmployer,
  staffSuspendEmployer,
  staffUpdateJob,
  staffVerifyEmployer,
  staffVerifyEmployerRecord,
} from './staff-jobs'
import { staffAccessLog, staffCreateAccount, staffDisableAccount, staffGetFigures, staffListAccounts, staffResetPassword, staffUnlockAccount } from './staff-admin'
import { staffLedger } from './staff-ledgers'
import { createRightsRequest } from './rights'
import { addRightsMessage, askRightsCallback, closeRightsRequest, getRightsRequest, listMyRightsRequests } from './rights-case'
import { staffAddRightsNote, staffListRightsRequests, staffRecordRightsCall, staffTransitionRightsRequest } from './staff-rights'
import { uploadFile } from './uploads'
import {
  cancelTransportSignup,
  getTransportBatch,
  listMyTransportSignups,
  listTransportBatches,
  signUpForTransport,
  staffCancelTransportBatch,
  staffCreateTransportBatch,
  staffDepartTransportBatch,
  staffListTransportBatches,
  staffTransportManifest,
  staffUpdateTransportBatch,
  staffAnnounceTransportBatch,
} from './transport'
import { saveSubscriptions } from './subscriptions'
import { subsidyEndpoints } from './subsidies'
import {
  confirmDayJobAttendanceByContact,
  getDayJobAttendanceSheet,
  listMyDayJobSignups,
  signUpForDayJob,
  staffConfirmAttendance,
  staffCreateDayJob,
  staffDayJobContactLink,
  staffDayJobSignups,
  staffListDayJobs,
  staffSetJobKind,
} from './local-jobs'
import {
  listHiringEvents,
  remindHiringEvent,
  signUpAtHiringEvent,
  staffCreateHiringEvent,
  staffListHiringEvents,
  staffUpdateHiringEvent,
} from './hiring-events'
import { getPolicy, listPolicies, listPolicyFaqs, staffCreatePolicy, staffUpdatePolicy } from './policies'
import { listBrands } from './brands'
import { staffCreateVillage, staffListVillages, staffRenameVillage, staffVillagesOverview } from './staff-villages'
import { staffPersonActivity, staffRosterLinks } from './roster-activity'
import { staffCreatePerson, staffGetPerson, staffListPeople, staffPersonHistory, staffUpdatePerson } from './roster'
import { staffCheckSurveyPerson, staffListSurveyRounds, staffOpenSurveyRound, staffSurveyProgress, staffSurveyVillage } from './survey'
import { staffLabourFigures } from './labour-figures'
import { staffCheckRosterImport, staffCommitRosterImport, staffGetRosterImport, staffRosterImportTemplate } from './roster-imports'
import {
  staffConfirmPerson,
  staffFollowUps,
  staffMergePerson,
  staffPersonContacts,
  staffRecordContact,
  staffRecordRiskAction,
  staffRisks,
  staffUnconfirmedPeople,
} from './roster-follow-up'
import {
  addWorklogPayment,
  createWorklogEmployer,
  deleteWorklogDay,
  deleteWorklogPayment,
  getWorklogEmployer,
  getWorklogMonth,
  getWorklogSummary,
  listWorklogEmployers,
  logWorklogDay,
  updateWorklogDay,
  updateWorklogEmployer,
} from './worklog'
import {
  answerForemanCheck,
  createWorklogCheck,
  getForemanCheck,
  getWorklogComplaintDraft,
  getWorklogEvidence,
  printWorklogEvidence,
  sendForemanCheckCode,
  staffCaseWorklogEvidence,
} from './worklog-evidence'
import { getWorklogSettings, getWorklogSite, joinWorklogSite, shareWorklogSite, updateWorklogSettings } from './worklog-sites'
import {
  getNotificationSettings,
  listMyMessages,
  markMessagesRead,
  updateNotificationSettings,
} from './notifications'
import { staffListAlerts, staffListNotifications, staffMarkAlertsRead, staffResendNotification } from './staff-notifications'

export * from './errors'
export * from './messages'
export * from './endpoint'
export * from './common'
export * from './format'
export * from './reference'
export * from './destinations'
export * from './jobs'
export * from './training'
export * from './staff-courses'
export * from './stations'
export * from './validators'
export * from './auth'
export * from './me'
export * from './staff'
export * from './staff-jobs'
export * from './staff-admin'
export * from './staff-ledgers'
export * from './rights'
export * from './rights-case'
export * from './staff-rights'
export * from './uploads'
export * from './transport'
export * from './policies'
export * from './brands'
export * from './places'
export * from './staff-villages'
export * from './roster'
export * from './roster-activity'
export * from './survey'
export * from './labour-figures'
export * from './roster-follow-up'
export * from './roster-imports'
export * from './worklog'
export * from './worklog-evidence'
export * from './worklog-sites'
export * from './notifications'
export * from './staff-notifications'
export * from './subscriptions'
export * from './subsidies'
export * from './local-jobs'
export * from './hiring-events'

export const api = {
  health,
  listTrades,
  listJobs,
  getJob,
  getEmployer,
  applyToJob,
  listMyApplications,
  withdrawApplication,
  reportJob,
  listCourses,
  getCourse,
  enrollInCourse,
  cancelEnrollment,
  listMyEnrollments,
  createCourseRequest,
  courseRequestSummary,
  staffCreateCourse,
  staffUpdateCourse,
  staffCourseEnrollments,
  staffCompleteEnrollment,
  staffIssueCertificate,
  staffListCourses,
  listStations,
  getStation,
  listStationCities,
  registerPartyMember,
  listMyPartyMemberships,
  listBranchMembers,
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
  staffChangePassword,
  staffListJobs,
  staffGetJob,
  staffCreateJob,
  staffUpdateJob,
  staffVerifyEmployer,
  staffGetEmployer,
  staffVerifyEmployerRecord,
  staffSuspendEmployer,
  staffJobsUnderReview,
  staffReviewJob,
  staffJobApplications,
  staffSetApplicationStatus,
  staffLedger,
  staffListAccounts,
  staffCreateAccount,
  staffDisableAccount,
  staffUnlockAccount,
  staffResetPassword,
  staffAccessLog,
  staffGetFigures,
  createRightsRequest,
  askRightsCallback,
  getRightsRequest,
  listMyRightsRequests,
  addRightsMessage,
  closeRightsRequest,
  staffListRightsRequests,
  staffTransitionRightsRequest,
  staffAddRightsNote,
  staffRecordRightsCall,
  uploadFile,
  listTransportBatches,
  getTransportBatch,
  signUpForTransport,
  cancelTransportSignup,
  listMyTransportSignups,
  staffCreateTransportBatch,
  staffTransportManifest,
  staffDepartTransportBatch,
  staffListTransportBatches,
  staffCancelTransportBatch,
  staffUpdateTransportBatch,
  listPolicies,
  getPolicy,
  listPolicyFaqs,
  staffCreatePolicy,
  staffUpdatePolicy,
  listBrands,
  staffListVillages,
  staffCreateVillage,
  staffRenameVillage,
  staffVillagesOverview,
  staffPersonActivity,
  staffRosterLinks,
  staffListPeople,
  staffOpenSurveyRound,
  staffListSurveyRounds,
  staffSurveyVillage,
  staffCheckSurveyPerson,
  staffSurveyProgress,
  staffLabourFigures,
  staffCreatePerson,
  staffGetPerson,
  staffUpdatePerson,
  staffPersonHistory,
  staffUnconfirmedPeople,
  staffConfirmPerson,
  staffMergePerson,
  staffRecordContact,
  staffPersonContacts,
  staffFollowUps,
  staffRisks,
  staffRecordRiskAction,
  staffRosterImportTemplate,
  staffCheckRosterImport,
  staffGetRosterImport,
  staffCommitRosterImport,
  getWorklogMonth,
  logWorklogDay,
  updateWorklogDay,
  deleteWorklogDay,
  addWorklogPayment,
  deleteWorklogPayment,
  listWorklogEmployers,
  createWorklogEmployer,
  updateWorklogEmployer,
  getWorklogEmployer,
  getWorklogSummary,
  getWorklogEvidence,
  printWorklogEvidence,
  getWorklogComplaintDraft,
  createWorklogCheck,
  getForemanCheck,
  sendForemanCheckCode,
  answerForemanCheck,
  staffCaseWorklogEvidence,
  shareWorklogSite,
  getWorklogSite,
  joinWorklogSite,
  getWorklogSettings,
  updateWorklogSettings,
  listMyMessages,
  markMessagesRead,
  getNotificationSettings,
  updateNotificationSettings,
  staffListNotifications,
  staffResendNotification,
  staffListAlerts,
  staffMarkAlertsRead,
  saveSubscriptions,
  staffAnnounceTransportBatch,
  ...subsidyEndpoints,
  signUpForDayJob,
  listMyDayJobSignups,
  staffSetJobKind,
  staffCreateDayJob,
  staffListDayJobs,
  staffDayJobSignups,
  staffConfirmAttendance,
  staffDayJobContactLink,
  getDayJobAttendanceSheet,
  confirmDayJobAttendanceByContact,
  listHiringEvents,
  remindHiringEvent,
  signUpAtHiringEvent,
  staffCreateHiringEvent,
  staffListHiringEvents,
  staffUpdateHiringEvent,
} as const
export type Api = typeof api
