import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { isApiError, newIdempotencyKey, type OutboxEntry } from '@/api'
import { BigButton } from '@/components/big-button'
import { type MySubsidy, proofKindLabel } from '@contract/subsidies'
import { claimSubsidy } from '../../api/subsidies'
import { claimStateLine, dateText, statusText, statusTone, yuanText } from '../../lib/describe'
import { ProofPhotos, type ProofPhoto } from '../proof-photos'
import '../subsidies.scss'

interface Props {
  item: MySubsidy
  /** This scheme's claim still on the phone, waiting for a network. */
  pending?: OutboxEntry
  /** Claimed: sent (false) or kept on the phone to send later (true). */
  onClaimed: (queued: boolean) => void
}

const maxPhotos = 6

/** One scheme for the worker: how much in big numbers, why in one sentence, and the one tap (or the photos) to claim it. */
export function SubsidyCard({ item, pending, onClaimed }: Props) {
  const { scheme, claim } = item
  const [photos, setPhotos] = useState<ProofPhoto[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // One key for this card's claim: a second tap while the first is on its way is the same claim.
  const key = useRef(newIdempotencyKey())

  const claimNow = async () => {
    if (busy) return
    if (item.mode === 'proof' && photos.length === 0) return setError('请先拍一张证明的照片')
    setBusy(true)
    setError(null)
    try {
      const sent = await claimSubsidy({ schemeId: scheme.id, proofUploadIds: photos.map((p) => p.id) }, `申请${scheme.name}`, key.current)
      onClaimed(sent.queued)
    } catch (e) {
      setError(isApiError(e) ? (Object.values(e.fields ?? {})[0] ?? e.message) : '没有申请成功，请再试一次')
      key.current = newIdempotencyKey()
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className={`subsidy-card ${item.qualifies ? '' : 'subsidy-card--not'}`}>
      <View className='subsidy-card__head'>
        <Text className='subsidy-card__title'>{scheme.name}</Text>
        {item.qualifies && item.mode === 'instant' && !claim && <Text className='subsidy-card__badge'>免审即享</Text>}
      </View>
      {item.qualifies && item.amountYuan !== null && <Text className='subsidy-card__amount'>{yuanText(item.amountYuan)}</Text>}
      <Text className='subsidy-card__reason'>{item.reason}</Text>

      {claim ? (
        <View className={`subsidy-card__state subsidy-card__state--${statusTone[claim.status]}`} role='status'>
          <Text className='subsidy-card__state-label'>{statusText(claim.status)}</Text>
          <Text className='subsidy-card__state-line'>{claimStateLine(claim)}</Text>
        </View>
      ) : pending ? (
        <View className='subsidy-card__state subsidy-card__state--wait' role='status'>
          <Text className='subsidy-card__state-label'>{pending.state === 'refused' ? '没有申请成功' : '待发送'}</Text>
          <Text className='subsidy-card__state-line'>
            {pending.state === 'refused' ? (pending.error?.message ?? '请再申请一次') : '申请已存在手机上，有网络时自动提交，不用再点'}
          </Text>
        </View>
      ) : !item.qualifies ? null : !item.windowOpen ? (
        <Text className='subsidy-card__line'>
          申请时间：{dateText(scheme.opensOn)}到{dateText(scheme.closesOn)}
        </Text>
      ) : item.mode === 'instant' ? (
        <>
          <Text className='subsidy-card__line'>县里已经有您的记录，不用交材料，点一下就申请了。</Text>
          <BigButton className='subsidy-card__claim' disabled={busy} onClick={() => void claimNow()}>
            {busy ? '正在申请…' : `一键领取 ${item.amountYuan ?? ''}元`}
          </BigButton>
        </>
      ) : (
        <>
          <Text className='subsidy-card__line'>需要拍照证明，下面任选一样就行，一次拍一张：</Text>
          {item.proofKinds.map((k) => (
            <Text key={k} className='subsidy-card__proof-kind'>
              · {proofKindLabel[k]}
            </Text>
          ))}
          <ProofPhotos photos={photos} onChange={setPhotos} max={maxPhotos} />
          <BigButton className='subsidy-card__claim' disabled={busy || photos.length === 0} onClick={() => void claimNow()}>
            {busy ? '正在提交…' : photos.length ? `提交申请（${photos.length}张照片）` : '拍好照片再提交'}
          </BigButton>
        </>
      )}
      {error && (
        <Text className='subsidy-card__error' aria-live='assertive'>
          {error}
        </Text>
      )}
    </View>
  )
}
