import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { apiBase } from '@/api/config'
import { chinaDate } from '@contract/format'
import { povertyStatusLabel } from '@contract/roster'
import { claimModeLabel, destinationBandLabel, type StaffSubsidyClaim } from '@contract/subsidies'
import { dateText, statusText } from '../../lib/describe'

/** Where a proof photo opens: the API's own host (same-origin on H5, where apiBase is /api). */
const photoUrl = (url: string) => apiBase.replace(/\/api$/, '') + url

/** One claim as an officer weighs it: who, where, how much, why, and what speaks for it (the county's records or photos). */
export function ClaimEvidence({ claim }: { claim: StaffSubsidyClaim }) {
  const { person } = claim
  return (
    <View className='claim-evidence'>
      <Text className='wb-card__title'>
        {person.name} · {person.township}
        {person.village} · {claim.scheme.name} {claim.amountYuan}元
      </Text>
      <Text className='wb-card__line'>
        {povertyStatusLabel[person.poverty]}
        {person.idNumber ? ` · ${person.idNumber}` : ''}
        {claim.band ? ` · ${destinationBandLabel[claim.band]}` : ''} · {claimModeLabel[claim.mode]} · {dateText(chinaDate(claim.submittedAt))}申请 · {statusText(claim.status)}
      </Text>
      <Text className='wb-card__line'>{claim.reason}</Text>
      {claim.evidence.map((e) => (
        <Text key={`${e.kind}-${e.id}`} className='wb-card__line claim-evidence__record'>
          县里的记录：{e.label}
        </Text>
      ))}
      {claim.proofs.length > 0 && (
        <View className='claim-evidence__photos'>
          {claim.proofs.map((p, i) => (
            <Image
              key={p.id}
              className='claim-evidence__photo'
              src={photoUrl(p.thumbUrl)}
              mode='aspectFill'
              aria-label={`${person.name}的第${i + 1}张证明照片`}
              onClick={() => void Taro.previewImage({ urls: claim.proofs.map((x) => photoUrl(x.url)), current: photoUrl(p.url) })}
            />
          ))}
        </View>
      )}
      {claim.mode === 'proof' && claim.proofs.length === 0 && <Text className='wb-message'>没有证明照片</Text>}
      {!claim.hasBankAccount && <Text className='wb-message'>还没有填收钱的账户，发放前请提醒本人填写</Text>}
      {claim.refusalReason && <Text className='wb-message'>不通过的原因：{claim.refusalReason}</Text>}
      {claim.decidedBy && claim.decidedAt && (
        <Text className='wb-card__line'>
          {claim.decidedBy.displayName} {dateText(chinaDate(claim.decidedAt))}审核
        </Text>
      )}
      {claim.objections.map((o) => (
        <Text key={o.id} className='wb-message'>
          异议（{o.staff.displayName}记录）：{o.text}
        </Text>
      ))}
    </View>
  )
}
