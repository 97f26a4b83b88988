import { Text, View } from '@tarojs/components'
import { BigButton } from '@/components/big-button'
import { asButton } from '@/lib/a11y'
import { openPage, openTab } from '@/lib/navigate'
import './index.scss'

interface Props {
  /** Photos chosen offline that are not part of the request. */
  photosLeft: number
  onNewRequest: () => void
}

/**
 * A request submitted without a network, shown where it was made: the outbox sends it by itself, so the worker must
 * not think it failed. Drawn by the form itself, which needs no other page's code (that may not load offline).
 */
export function WaitingNotice({ photosLeft, onNewRequest }: Props) {
  return (
    <View className='waiting-notice' role='status'>
      <Text className='waiting-notice__mark' aria-hidden='true'>
        …
      </Text>
      <Text className='waiting-notice__title'>已保存，有网络会自动发出</Text>
      <View className='waiting-notice__box'>
        <Text className='waiting-notice__label'>待发送</Text>
        <Text className='waiting-notice__hint'>
          现在没有网络。求助存在手机上，不会丢，不用再填一次。发出后会给您求助编号，在「我的求助」里也能看到。
        </Text>
      </View>
      {photosLeft > 0 && (
        <Text className='waiting-notice__hint waiting-notice__photos'>
          有 {photosLeft} 张照片没有网络传不上去，这次没有带上。有网络后，到「我的求助」里打开这条求助，再补传照片。
        </Text>
      )}
      <BigButton onClick={() => openPage('/packages/rights/pages/mine/index')}>看我的求助</BigButton>
      <BigButton variant='secondary' className='waiting-notice__back' onClick={() => openTab('/pages/rights/index')}>
        回到维权
      </BigButton>
      <View {...asButton} className='waiting-notice__new' onClick={onNewRequest}>
        <Text>还有别的事，再写一条求助</Text>
      </View>
    </View>
  )
}
