import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { asButton } from '@/lib/a11y'
import { useElderMode } from '@/lib/elder-mode'
import './index.scss'

interface Props {
  /** The search the page is showing; the field follows it when the page changes it (a suggestion tapped). */
  initial?: string
  /** An example of what to type, e.g. 搜工种或城市，如 电焊、天津 */
  placeholder: string
  /** The example cut to what fits the field in 大字模式 (a placeholder cannot wrap, so a long one is cut off). */
  elderPlaceholder?: string
  /** What a screen reader calls the field, e.g. 搜索工作 */
  label: string
  onSearch: (q: string) => void
}

/**
 * A search field with a big 搜索 button (the keyboard's search key works too) and, once something is typed,
 * a ✕ inside the field that empties it and shows everything again. Two characters are enough: 电工, 补贴.
 */
export function SearchBox({ initial = '', placeholder, elderPlaceholder, label, onSearch }: Props) {
  const [elder] = useElderMode()
  const [text, setText] = useState(initial)
  useEffect(() => setText(initial), [initial])
  const submit = () => onSearch(text.trim().slice(0, 30))
  const clear = () => {
    setText('')
    onSearch('')
  }
  return (
    <View className='search-box'>
      <View className='search-box__field'>
        <Input
          className='search-box__input'
          value={text}
          maxlength={30}
          confirmType='search'
          placeholder={elder && elderPlaceholder ? elderPlaceholder : placeholder}
          aria-label={label}
          onInput={(e) => setText(e.detail.value)}
          onConfirm={submit}
        />
        {text !== '' && (
          // Drawn with CSS, not a ✕ character: some phones lack the font and show a box.
          <View {...asButton} aria-label='清除搜索词' className='search-box__clear' hoverClass='search-box__clear--pressed' onClick={clear}>
            <View className='search-box__cross' />
          </View>
        )}
      </View>
      <View {...asButton} className='search-box__button' hoverClass='search-box__button--pressed' onClick={submit}>
        <Text>搜索</Text>
      </View>
    </View>
  )
}
