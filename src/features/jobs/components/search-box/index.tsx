import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { asButton } from '@/lib/a11y'
import './index.scss'

interface Props {
  initial?: string
  onSearch: (q: string) => void
}

/** A search field with a big 搜索 button (the keyboard's search key works too). */
export function SearchBox({ initial = '', onSearch }: Props) {
  const [text, setText] = useState(initial)
  const submit = () => onSearch(text.trim().slice(0, 30))
  return (
    <View className='search-box'>
      <Input
        className='search-box__input'
        value={text}
        maxlength={30}
        confirmType='search'
        placeholder='搜工种或城市，如 电焊、天津'
        aria-label='搜索工作'
        onInput={(e) => setText(e.detail.value)}
        onConfirm={submit}
      />
      <View {...asButton} className='search-box__button' hoverClass='search-box__button--pressed' onClick={submit}>
        <Text>搜索</Text>
      </View>
    </View>
  )
}
