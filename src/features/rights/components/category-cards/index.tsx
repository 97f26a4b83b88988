import { Text, View } from '@tarojs/components'
import { rightsCategories, rightsCategoryHint, rightsCategoryLabel, type RightsCategory } from '@contract/rights'
import { asButton } from '@/lib/a11y'
import './index.scss'

/** A picture for each kind of trouble, so the choice can be made without reading. */
const icons: Record<RightsCategory, string> = {
  unpaid_wages: '💰',
  injury: '🩹',
  contract: '📄',
  social_insurance: '🛡️',
  other: '💬',
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
          <Text className='category-card__icon' aria-hidden='true'>
            {icons[c]}
          </Text>
          <View className='category-card__body'>
            <Text className='category-card__label'>{rightsCategoryLabel[c]}</Text>
            <Text className='category-card__hint'>{rightsCategoryHint[c]}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
