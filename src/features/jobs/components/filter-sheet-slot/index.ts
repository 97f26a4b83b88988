import { sheetOnDemand } from '@/components/sheet-on-demand'

/** The 筛选 sheet: its code stays off the home tab's first load until first opened. */
export const FilterSheetSlot = sheetOnDemand(() => import('../filter-sheet').then((m) => m.FilterSheet))
