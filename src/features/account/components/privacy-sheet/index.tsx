import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '@/components/big-button'
import { ElderToggle } from '@/components/elder-toggle'
import { privacySummary } from '../../privacy-notice'
import { acceptPrivacyLocally, onPrivacyChange, privacyAccepted } from '../../privacy-local'
import './index.scss'

/**
 * H5 first visit: the notice in three sentences above the tab bar, with 同意 and the full text.
 * It does not block browsing (nothing personal is collected until sign-in); it stays until answered.
 */
export function PrivacySheet() {
  const [accepted, setAccepted] = useState(privacyAccepted)
  useEffect(() => onPrivacyChange(() => setAccepted(privacyAccepted())), [])
  if (accepted) return null
  return (
    <View className='privacy-sheet' role='dialog' aria-label='隐私政策'>
      <Text className='privacy-sheet__title'>您的信息怎么用</Text>
      <Text className='privacy-sheet__text'>{privacySummary}</Text>
      <ElderToggle className='privacy-sheet__elder' />
      <View className='privacy-sheet__actions'>
        <BigButton
          variant='secondary'
          className='privacy-sheet__more'
          onClick={() => void Taro.navigateTo({ url: '/packages/me/pages/privacy/index?ask=1' })}
        >
          看全文
        </BigButton>
        <BigButton
          className='privacy-sheet__agree'
          onClick={() => {
            acceptPrivacyLocally()
            // Signed in already (an earlier version was accepted): record the new one. Loaded on demand: the
            // session brings the API client and the whole contract, which the app shell should not carry.
            // Without a network that load fails too; acceptance is kept on the phone and recorded at a later launch.
            import('../../session')
              .then((m) => m.refreshSession())
              .catch(() => undefined)
          }}
        >
          同意
        </BigButton>
      </View>
    </View>
  )
}
