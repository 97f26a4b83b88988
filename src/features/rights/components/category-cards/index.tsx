import { Image, Text, View } from '@tarojs/components'
import { rightsCategories, rightsCategoryHint, rightsCategoryLabel, type RightsCategory } from '@contract/rights'
import { asButton } from '@/lib/a11y'
import contract from '../../assets/contract.png'
import injury from '../../assets/injury.png'
import other from '../../assets/other.png'
import socialInsurance from '../../assets/social-insurance.png'
import unpaidWages from '../../assets/unpaid-wages.png'
import './index.scss'

/**
 * A picture for each kind of trouble, so the choice can be made without reading: images shipped with the app
 * (scripts/make-icons.mjs), not emoji, which phones without the font show as empty boxes. Each is under the build's
 * inlining limit, so it travels inside the rights code and shows offline.
 */
export const categoryPictures: Record<RightsCategory, string> = {
  unpaid_wages: unpaidWages,
  injury,
  contract,
  social_insurance: socialInsurance,
  other,
}

interface Props {
  value: RightsCategory | ''
  onChange: (value: RightsCategory) => void
}

export function CategoryCards({ value, onChange }: Props) {
  return (
    <View className='category-cards'>
      {rightsCategories.map((c) => (
        <View
          key={c}
          {...asButton}
          aria-pressed={value === c ? 'true' : 'false'}
          className={`category-card ${value === c ? 'category-card--on' : ''}`}
          hoverClass='category-card--pressed'
          onClick={() => onChange(c)}
        >
          {/* The card's words name it for a screen reader; the picture beside them is for the eye only. */}
          <Image className='category-card__icon' src={categoryPictures[c]} mode='aspectFit' aria-hidden='true' />
          <View className='category-card__body'>
            <Text className='category-card__label'>{rightsCategoryLabel[c]}</Text>
            <Text className='category-card__hint'>{rightsCategoryHint[c]}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
