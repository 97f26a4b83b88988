import { lazy, Suspense, useState } from 'react'
import type { FilterSheetProps } from '../filter-sheet'

// Its own chunk: the sheet and NutUI's popup behind it stay off the home tab's first load.
const FilterSheet = lazy(() => import('../filter-sheet').then((m) => ({ default: m.FilterSheet })))

/** H5: the 筛选 sheet's code is fetched the first time the worker opens it. */
export function FilterSheetSlot(props: FilterSheetProps) {
  const [opened, setOpened] = useState(props.visible)
  if (props.visible && !opened) setOpened(true)
  if (!opened) return null
  return (
    <Suspense fallback={null}>
      <FilterSheet {...props} />
    </Suspense>
  )
}
