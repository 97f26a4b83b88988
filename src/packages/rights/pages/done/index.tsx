import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { trackingNoPattern } from '@contract/rights'
import { BigButton } from '@/components/big-button'
import { OutboxBanner } from '@/components/outbox-banner'
import { PageRoot } from '@/components/page-root'
import { PhoneCall } from '@/components/phone-call'
import { Section } from '@/components/section'
import { useRightsRequest } from '@/features/rights/api/rights-requests'
import { nationalHotline } from '@/features/rights/lib/hotlines'
import './index.scss'

/**
 * The tracking number, big: the worker may need to read it out on the phone; and the number to ring, of whoever
 * handles the case, for a worker who cannot wait for the call. (A request kept on the phone for want of a network is
 * shown waiting by the form itself, which needs no other page's code.)
 */
export default function RightsDonePage() {
  const { trackingNo = '', photosLeft, callback } = useRouter().params
  const valid = trackingNoPattern.test(trackingNo)
  const callBack = callback === '1'
  const { data: sent } = useRightsRequest(valid ? trackingNo : undefined)
  const station = sent?.station

  return (
    <PageRoot className='rights-done'>
      <OutboxBanner />
      {/* Drawn, not a ✓ character: phones without the font show a box. */}
      <View className='rights-done__tick' aria-hidden='true' />
      <Text className='rights-done__title'>{callBack ? '记下了，会有人给您打电话' : '求助已经提交'}</Text>
      {callBack && sent?.contactPhone && (
        <Text className='rights-done__hint rights-done__callback'>
          工作人员会在1天内打 <Text className='rights-done__phone'>{sent.contactPhone}</Text>，请留意接听。
        </Text>
      )}
      {valid && (
        <View className='rights-done__number-box'>
          <Text className='rights-done__label'>您的求助编号</Text>
          <Text className='rights-done__number'>{trackingNo}</Text>
          <Text className='rights-done__hint'>{callBack ? '' : '工作人员会在1天内联系您。'}打电话问进度时，报这个编号就行。</Text>
        </View>
      )}
      {Number(photosLeft) > 0 && (
        <Text className='rights-done__hint rights-done__photos' aria-live='polite'>
          有 {photosLeft} 张照片没有网络传不上去，这次没有带上。有网络后，到「我的求助」里打开这条求助，再补传照片。
        </Text>
      )}
      <Section title='等不及，也可以直接打'>
        {station ? (
          <PhoneCall phone={station.phone} label={`${station.name}（办理您这件事）`} />
        ) : (
          <PhoneCall phone={nationalHotline.phone} label={nationalHotline.label} />
        )}
      </Section>
      <BigButton onClick={() => void Taro.redirectTo({ url: `/packages/rights/pages/case/index?trackingNo=${trackingNo}` })} disabled={!valid}>
        看办理进度
      </BigButton>
      <BigButton variant='secondary' className='rights-done__back' onClick={() => void Taro.switchTab({ url: '/pages/rights/index' })}>
        回到维权
      </BigButton>
    </PageRoot>
  )
}
