import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useEffect } from 'react'
import { showNotice } from '../notice'
import type { ShareTarget } from './share.types'

export type { ShareTarget } from './share.types'

/** Mini-program: the page's own share card (a button with open-type=share, or the ··· menu). */
export function useShare(target: ShareTarget | null): { label: string; share: () => void } {
  useEffect(() => {
    void Taro.showShareMenu({ withShareTicket: false })
  }, [])
  useShareAppMessage(() => (target ? { title: target.title, path: target.path } : {}))
  return {
    label: '分享给老乡',
    share: () => showNotice('点右上角 ··· 发给朋友'),
  }
}
