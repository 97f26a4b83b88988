import { FilterSheet, type FilterSheetProps } from '../filter-sheet'
import { useOpenedOnce } from './opened-once'

/**
 * The 筛选 sheet, drawn only once the worker first opens it: most visits never do, and the first screen is drawn
 * without it. H5 also loads its code only then (filter-sheet-slot.h5.tsx); the mini-program's code is already on the phone.
 */
export function FilterSheetSlot(props: FilterSheetProps) {
  const opened = useOpenedOnce(props.visible)
  return opened ? <FilterSheet {...props} /> : null
}
