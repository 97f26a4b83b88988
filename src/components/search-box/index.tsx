import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { asButton } from '@/lib/a11y'
import './index.scss'

interface Props {
  initial?: string
  /** An example of what to type, e.g. 搜工种或城市，如 电焊、天津 */
  placeholder: string
  /** What a screen reader calls the field, e.g. 搜索工作 */
  label: string
  onSearch: (q: string) => void
}

/** A search field with a big 搜索 button (the keyboard's search key works too). Two characters are enough: 电工, 补贴. */
export function SearchBox({ initial = '', placeholder, label, onSearch }: Props) {
  const [text, setText] = useState(initial)
  const submit = () => onSearch(text.trim().slice(0, 30))
  return (
    <View className='search-box'>
      <Input
        className='search-box__input'
        value={text}
        maxlength={30}
        confirmType='search'
        placeholder={placeholder}
        aria-label={label}
        onInput={(e) => setText(e.detail.value)}
        onConfirm={submit}
      />
      <View {...asButton} className='search-box__button' hoverClass='search-box__button--pressed' onClick={submit}>
        <Text>搜索</Text>
      </View>
    </View>
  )
}
