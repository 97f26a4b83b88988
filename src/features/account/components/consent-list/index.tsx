import { useState } from 'react'
import { Text, View } from '@tarojs/components'

import { consentKinds, consentLabel, type ConsentKind, type Me } from '@contract/me'
import { BigButton } from '@/components/big-button'
import { Dialog } from '@/components/dialog'
import { consentPurpose, latestConsent, withdrawEffect } from '../../consents'
import { forgetPrivacyAcceptance } from '../../privacy-local'
import { setMyConsent } from '../../api/me'
import './index.scss'

function day(iso: string): string {
  return iso.slice(0, 10)
}

/** Each consent with what it is for, whether it is given, and a 撤回 button that says what withdrawing does. */
export function ConsentList({ me, onChanged }: { me: Me; onChanged: (me: Me) => void }) {
  const [withdrawing, setWithdrawing] = useState<ConsentKind | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const withdraw = async (kind: ConsentKind) => {
    setBusy(true)
    setError(null)
    try {
      const next = await setMyConsent(kind, false)
      if (kind === 'privacy_notice') forgetPrivacyAcceptance()
      onChanged(next)
      setWithdrawing(null)
    } catch (e) {
      setError(e instanceof Error ? e.message : '没有撤回成功，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='consent-list'>
      {consentKinds.map((kind) => {
        const c = latestConsent(me, kind)
        const state = !c ? '没有同意过' : c.granted ? `已同意（${day(c.at)}）` : `已撤回（${day(c.at)}）`
        return (
          <View key={kind} className='consent-list__item'>
            <Text className='consent-list__label'>{consentLabel[kind]}</Text>
            <Text className='consent-list__purpose'>用途：{consentPurpose[kind]}</Text>
            <Text className={`consent-list__state ${c?.granted ? 'consent-list__state--on' : ''}`}>{state}</Text>
            {c?.granted && (
              <BigButton variant='secondary' className='consent-list__withdraw' onClick={() => setWithdrawing(kind)}>
                撤回同意
              </BigButton>
            )}
          </View>
        )
      })}
      <Dialog
        open={withdrawing !== null}
        title={withdrawing ? `撤回“${consentLabel[withdrawing]}”的同意？` : ''}
        confirmText='确定撤回'
        cancelText='不撤回'
        danger
        busy={busy}
        onConfirm={() => withdrawing && void withdraw(withdrawing)}
        onCancel={() => setWithdrawing(null)}
      >
        <Text className='consent-list__effect'>{withdrawing ? withdrawEffect[withdrawing] : ''}</Text>
        {error && <Text className='consent-list__error'>{error}</Text>}
      </Dialog>
    </View>
  )
}
