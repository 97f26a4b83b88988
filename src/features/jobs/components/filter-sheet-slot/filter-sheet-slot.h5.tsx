import { lazy, Suspense } from 'react'
import type { FilterSheetProps } from '../filter-sheet'
import { useOpenedOnce } from './opened-once'

// Its own chunk: the sheet and NutUI's popup behind it stay off the home tab's first load.
const FilterSheet = lazy(() => import('../filter-sheet').then((m) => ({ default: m.FilterSheet })))

/** H5: the 筛选 sheet's code is fetched the first time the worker opens it. */
export function FilterSheetSlot(props: FilterSheetProps) {
  const opened = useOpenedOnce(props.visible)
  if (!opened) return null
  return (
    <Suspense fallback={null}>
      <FilterSheet {...props} />
    </Suspense>
  )
}
