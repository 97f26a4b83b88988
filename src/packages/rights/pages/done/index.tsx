import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { trackingNoPattern } from '@contract/rights'
import { BigButton } from '@/components/big-button'
import { OutboxBanner } from '@/components/outbox-banner'
import { PageRoot } from '@/components/page-root'
import './index.scss'

/**
 * The tracking number, big: the worker may need to read it out on the phone. (A request kept on the phone for want
 * of a network is shown waiting by the form itself, which needs no other page's code.)
 */
export default function RightsDonePage() {
  const { trackingNo = '', photosLeft } = useRouter().params
  const valid = trackingNoPattern.test(trackingNo)

  return (
    <PageRoot className='rights-done'>
      <OutboxBanner />
      <Text className='rights-done__tick' aria-hidden='true'>
        ✓
      </Text>
      <Text className='rights-done__title'>求助已经提交</Text>
      {valid && (
        <View className='rights-done__number-box'>
          <Text className='rights-done__label'>您的求助编号</Text>
          <Text className='rights-done__number'>{trackingNo}</Text>
          <Text className='rights-done__hint'>工作人员会在1天内联系您。打电话问进度时，报这个编号就行。</Text>
        </View>
      )}
      {Number(photosLeft) > 0 && (
        <Text className='rights-done__hint rights-done__photos' aria-live='polite'>
          有 {photosLeft} 张照片没有网络传不上去，这次没有带上。有网络后，到「我的求助」里打开这条求助，再补传照片。
        </Text>
      )}
      <BigButton onClick={() => void Taro.redirectTo({ url: `/packages/rights/pages/case/index?trackingNo=${trackingNo}` })} disabled={!valid}>
        看办理进度
      </BigButton>
      <BigButton variant='secondary' className='rights-done__back' onClick={() => void Taro.switchTab({ url: '/pages/rights/index' })}>
        回到维权
      </BigButton>
    </PageRoot>
  )
}
