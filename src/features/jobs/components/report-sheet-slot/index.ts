import { sheetOnDemand } from '@/components/sheet-on-demand'

/** The 举报 sheet: its code stays off the job page's first load until first opened. */
export const ReportSheetSlot = sheetOnDemand(() => import('../report-sheet').then((m) => m.ReportSheet))
