import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { asButton } from '@/lib/a11y'
import './index.scss'

/** A search field with a big 搜索 button (the keyboard's search key works too). Two characters are enough: 补贴, 社保. */
export function PolicySearch({ initial = '', onSearch }: { initial?: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(initial)
  const submit = () => onSearch(text.trim().slice(0, 30))
  return (
    <View className='policy-search'>
      <Input
        className='policy-search__input'
        value={text}
        maxlength={30}
        confirmType='search'
        placeholder='搜一搜，如 补贴、社保、欠薪'
        aria-label='搜索政策'
        onInput={(e) => setText(e.detail.value)}
        onConfirm={submit}
      />
      <View {...asButton} className='policy-search__button' hoverClass='policy-search__button--pressed' onClick={submit}>
        <Text>搜索</Text>
      </View>
    </View>
  )
}
