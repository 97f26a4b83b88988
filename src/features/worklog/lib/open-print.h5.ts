import { showNotice } from '@/lib/notice'

/** H5: the printable page in a new tab, where the browser prints it or saves it as PDF. */
export function openPrintable(address: string): void {
  const opened = window.open(address, '_blank', 'noopener')
  // A blocked pop-up: this tab goes there instead (返回 comes back).
  if (!opened) window.location.assign(address)
  else showNotice('证据单在新的页面打开了，可以打印或存成PDF')
}
