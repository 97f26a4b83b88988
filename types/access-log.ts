/**
 * What staff did with a worker's data, as the access log names it. Apart from the staff accounts (staff-admin.ts) because
 * a worker's own export (me.ts) lists these too: the mini-program's main package then carries the names, not the admin
 * endpoints.
 */
export const accessLogActions = ['applicant_phone', 'ledger_export', 'case_phone', 'manifest_read', 'enrollment_list', 'person_record', 'subsidy_payment_export'] as const
export type AccessLogAction = (typeof accessLogActions)[number]
export const accessLogActionLabel: Record<AccessLogAction, string> = {
  applicant_phone: '查看报名人电话',
  ledger_export: '导出台账',
  case_phone: '查看求助人电话',
  manifest_read: '查看专车乘车名单',
  enrollment_list: '查看培训报名名单',
  person_record: '查看劳动力身份证号和电话',
  subsidy_payment_export: '导出补贴发放名单（含银行账号）',
}
