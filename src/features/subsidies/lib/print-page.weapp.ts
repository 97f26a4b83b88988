import { showNotice } from '@/lib/notice'

/** Mini-program: no printer to reach, so the officer is sent to the desk portal or the Excel file. */
export function printPage(): void {
  showNotice('手机上不能打印。请在电脑上打开工作台打印，或下载 Excel 后打印')
}
