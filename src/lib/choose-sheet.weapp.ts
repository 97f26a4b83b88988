import Taro from '@tarojs/taro'
import type { ChosenFile } from './choose-sheet.h5'

export type { ChosenFile }

export const chooseSheetHint = '手机上是从微信聊天里选文件：可以先在电脑上把文件发到“文件传输助手”。'

/**
 * Mini-program: a phone has no file system to browse, so the workbook comes from a WeChat chat (文件传输助手 is where
 * an officer sends it from the computer). Null when the chooser is closed without a pick.
 */
export async function chooseSheet(): Promise<ChosenFile | null> {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })
    const f = res.tempFiles[0]
    return f ? { path: f.path, name: f.name, size: f.size } : null
  } catch {
    return null
  }
}
