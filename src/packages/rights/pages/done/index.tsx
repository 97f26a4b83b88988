import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { trackingNoPattern } from '@contract'
import { BigButton } from '@/components/big-button'
import './index.scss'

/** The tracking number, big: the worker may need to read it out on the phone. */
export default function RightsDonePage() {
  const trackingNo = useRouter().params.trackingNo ?? ''
  const valid = trackingNoPattern.test(trackingNo)
  return (
    <View className='page rights-done'>
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
      <BigButton onClick={() => void Taro.redirectTo({ url: `/packages/rights/pages/case/index?trackingNo=${trackingNo}` })} disabled={!valid}>
        看办理进度
      </BigButton>
      <BigButton variant='secondary' className='rights-done__back' onClick={() => void Taro.switchTab({ url: '/pages/rights/index' })}>
        回到维权
      </BigButton>
    </View>
  )
}
