import { Text, View } from '@tarojs/components'
import { asButton } from '@/lib/a11y'
import './index.scss'

interface Props {
  label: string
  /** null: not answered yet, neither button chosen. */
  value: boolean | null
  onChange: (value: boolean) => void
}

/**
 * A yes/no question answered with two big buttons: plainer than a switch for someone who reads little.
 * Nothing is chosen until the person taps one: an answer nobody gave is never recorded as 否.
 */
export function YesNo({ label, value, onChange }: Props) {
  return (
    <View className='yes-no' role='radiogroup' aria-label={label}>
      <Text className='yes-no__label'>{label}</Text>
      <View className='yes-no__options'>
        {[true, false].map((option) => (
          <View
            key={String(option)}
            {...asButton}
            aria-pressed={value === option ? 'true' : 'false'}
            className={`yes-no__option ${value === option ? 'yes-no__option--selected' : ''}`}
            onClick={() => onChange(option)}
          >
            <Text>{option ? '是' : '否'}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
