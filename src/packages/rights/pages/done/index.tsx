import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { onOutboxDelivered } from '@/api'
import { trackingNoPattern, type RightsRequest } from '@contract/rights'
import { BigButton } from '@/components/big-button'
import { OutboxBanner } from '@/components/outbox-banner'
import { PageRoot } from '@/components/page-root'
import './index.scss'

const doneUrl = (trackingNo: string, photosLeft?: string) =>
  `/packages/rights/pages/done/index?trackingNo=${trackingNo}${photosLeft ? `&photosLeft=${photosLeft}` : ''}`

/** The tracking number, big: the worker may need to read it out on the phone. Or, offline, that it waits to go. */
export default function RightsDonePage() {
  const { trackingNo = '', queued, photosLeft } = useRouter().params
  const valid = trackingNoPattern.test(trackingNo)
  const waiting = queued === '1' && !valid

  // Sent by the outbox while this page is open: show the number it was given.
  useEffect(() => {
    if (!waiting) return
    return onOutboxDelivered(({ entry, data }) => {
      if (entry.name === 'createRightsRequest') void Taro.redirectTo({ url: doneUrl((data as RightsRequest).trackingNo, photosLeft) })
    })
  }, [waiting, photosLeft])

  return (
    <PageRoot className='rights-done'>
      <OutboxBanner />
      <Text className='rights-done__tick' aria-hidden='true'>
        {waiting ? '…' : '✓'}
      </Text>
      <Text className='rights-done__title'>{waiting ? '已保存在手机上，有网络后自动发送' : '求助已经提交'}</Text>
      {waiting && (
        <View className='rights-done__number-box'>
          <Text className='rights-done__label'>待发送</Text>
          <Text className='rights-done__hint'>
            现在没有网络。求助存在手机上，不会丢，有网络后自动发出，不用再填一次。发出后会给您求助编号，在「我的求助」里也能看到。
          </Text>
        </View>
      )}
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
      {waiting ? (
        <BigButton onClick={() => void Taro.redirectTo({ url: '/packages/rights/pages/mine/index' })}>看我的求助</BigButton>
      ) : (
        <BigButton onClick={() => void Taro.redirectTo({ url: `/packages/rights/pages/case/index?trackingNo=${trackingNo}` })} disabled={!valid}>
          看办理进度
        </BigButton>
      )}
      <BigButton variant='secondary' className='rights-done__back' onClick={() => void Taro.switchTab({ url: '/pages/rights/index' })}>
        回到维权
      </BigButton>
    </PageRoot>
  )
}
