import { useState } from 'react'

/** True from the first time `visible` is true: the sheet is drawn (and on H5 fetched) only once it has been asked for. */
export function useOpenedOnce(visible: boolean): boolean {
  const [opened, setOpened] = useState(visible)
  if (visible && !opened) setOpened(true)
  return opened || visible
}
