import Taro from '@tarojs/taro'
import { showNotice } from '../notice'
import type { ShareTarget } from './share.types'

export type { ShareTarget } from './share.types'

/** H5: copy the page's address for pasting into WeChat. */
export function useShare(target: ShareTarget | null): { label: string; share: () => void } {
  return {
    label: '复制链接分享',
    share: () => {
      if (!target) return
      // Browser-history routes: the page path is the address.
      const url = `${window.location.origin}${target.path}`
      void Taro.setClipboardData({ data: `${target.title} ${url}` }).then(() => showNotice('链接已复制，可以粘贴发给老乡'))
    },
  }
}
