import { View } from '@tarojs/components'
import type { SearchWidening } from '@contract'
import { BigButton } from '@/components/big-button'
import './index.scss'

interface Props {
  /** The server's wider searches that do find something, nearest first. */
  offers: readonly SearchWidening[]
  onPick: (offer: SearchWidening) => void
}

/** Under an empty search: one tap to the nearest search that finds jobs (看看新疆的全部岗位, 去掉“电子厂”). */
export function WidenOffers({ offers, onPick }: Props) {
  if (!offers.length) return null
  return (
    <View className='widen-offers'>
      {offers.map((offer) => (
        <BigButton key={`${offer.clearFilters}-${offer.q}`} variant='secondary' className='widen-offers__offer' onClick={() => onPick(offer)}>
          {offer.label}
        </BigButton>
      ))}
    </View>
  )
}
