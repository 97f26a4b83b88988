export { FilterSheetSlot } from './filter-sheet-slot'
