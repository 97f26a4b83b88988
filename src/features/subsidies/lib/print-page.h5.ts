/** H5: the browser prints this page; the stylesheet leaves only the list (staff-subsidies.scss, @media print). */
export function printPage(): void {
  window.print()
}
