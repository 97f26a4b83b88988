import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { TransportBatch, TransportSignup } from '@contract'
import { isApiError, newIdempotencyKey } from '@/api'
import { BigButton } from '@/components/big-button'
import { Dialog } from '@/components/dialog'
import { useAskForMessages } from '@/hooks/use-ask-for-messages'
import { cancelTransportSignup, signUpForTransport } from '../../api/transport'
import { chinaTime, workerRouteTitle } from '../../lib/format'
import { BoardingNotice } from '../boarding-notice'
import './index.scss'

interface Props {
  batch: TransportBatch
  /** My live seat on this batch, if I have one. */
  signup: TransportSignup | null
  signedIn: boolean
  onNeedSignIn: () => void
  /** Seat taken or given up: the list reloads seats left and my seats. */
  onChanged: (signup: TransportSignup) => void
}

/**
 * Taking a seat: one tap opens a confirmation that says when and where (so nobody signs up for the wrong day),
 * one more takes it; the boarding notice follows at once. A seat can be given up, again after confirming.
 */
export function SignupPanel({ batch, signup, signedIn, onNeedSignIn, onChanged }: Props) {
  const [confirming, setConfirming] = useState<'signup' | 'cancel' | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [just, setJust] = useState<'signed' | 'cancelled' | null>(null)
  // What the server just answered, shown at once rather than after the page's lists reload.
  const [latest, setLatest] = useState<TransportSignup | null>(null)
  // One key per attempt: a retry after a timeout is the same request to the server.
  const key = useRef(newIdempotencyKey())

  const failed = (e: unknown) => {
    setConfirming(null)
    if (isApiError(e) && e.status === 401) {
      onNeedSignIn()
      return
    }
    setError(isApiError(e) ? e.message : '出了点问题，请稍后重试')
  }

  const askForMessages = useAskForMessages()
  const take = async () => {
    askForMessages('transport_signup')
    setBusy(true)
    setError(null)
    try {
      const s = await signUpForTransport(batch.id, key.current)
      key.current = newIdempotencyKey()
      setConfirming(null)
      setJust('signed')
      setLatest(s)
      onChanged(s)
    } catch (e) {
      failed(e)
    } finally {
      setBusy(false)
    }
  }

  const giveUp = async () => {
    if (!live) return
    setBusy(true)
    setError(null)
    try {
      const s = await cancelTransportSignup(live.id)
      setConfirming(null)
      setJust('cancelled')
      setLatest(s)
      onChanged(s)
    } catch (e) {
      failed(e)
    } finally {
      setBusy(false)
    }
  }

  const start = () => {
    setError(null)
    if (!signedIn) {
      onNeedSignIn()
      return
    }
    setConfirming('signup')
  }

  const live = latest ? (latest.status === 'active' ? latest : null) : signup
  const open = batch.status === 'open' && batch.seatsLeft > 0
  return (
    <View className='signup-panel'>
      {error && (
        <Text className='signup-panel__error' aria-live='assertive'>
          {error}
        </Text>
      )}
      {live ? (
        <View aria-live='polite'>
          <Text className='signup-panel__ok'>{just === 'signed' ? '报名成功，给您留了座位' : '您已报名这趟车'}</Text>
          <BoardingNotice batch={live.batch} />
          {live.batch.status === 'open' || live.batch.status === 'full' ? (
            <BigButton variant='secondary' onClick={() => setConfirming('cancel')}>
              不去了，取消报名
            </BigButton>
          ) : null}
        </View>
      ) : (
        <View>
          {just === 'cancelled' && (
            <Text className='signup-panel__note' aria-live='polite'>
              已取消，座位让给别人了。
            </Text>
          )}
          {open ? (
            <BigButton onClick={start}>我要坐这趟车</BigButton>
          ) : (
            <Text className='signup-panel__note'>这趟车坐满了，可以看看别的车次，或者打电话问工作站。</Text>
          )}
          {open && !signedIn && <Text className='signup-panel__note'>报名要先用手机号登录</Text>}
        </View>
      )}

      <Dialog
        open={confirming === 'signup'}
        title='确定报名这趟车吗？'
        confirmText='确定报名'
        cancelText='再想想'
        busy={busy}
        onConfirm={() => void take()}
        onCancel={() => setConfirming(null)}
      >
        <Text className='signup-panel__confirm-line'>{workerRouteTitle(batch)}</Text>
        <Text className='signup-panel__confirm-line'>发车：{chinaTime(batch.departAt)}</Text>
        <Text className='signup-panel__confirm-line'>集合：{chinaTime(batch.meetAt)}，{batch.meetingPoint}</Text>
        <Text className='signup-panel__note'>一人一个座位。去不了了请提前取消，把座位让给别人。</Text>
      </Dialog>
      <Dialog
        open={confirming === 'cancel'}
        title='确定不去了吗？'
        confirmText='确定取消'
        cancelText='不取消'
        danger
        busy={busy}
        onConfirm={() => void giveUp()}
        onCancel={() => setConfirming(null)}
      >
        <Text className='signup-panel__note'>取消后座位会让给别人，想再去要重新报名，座位满了就报不上了。</Text>
      </Dialog>
    </View>
  )
}
