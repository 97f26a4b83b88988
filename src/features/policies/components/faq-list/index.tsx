import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PolicyFaq } from '@contract'
import { asButton } from '@/lib/a11y'
import './index.scss'

/** The questions workers ask most: tap one to read the short answer, and from there the whole article. */
export function FaqList({ items, onOpenPolicy }: { items: PolicyFaq[]; onOpenPolicy: (id: number) => void }) {
  const [open, setOpen] = useState<number | null>(null)
  return (
    <View className='faq-list'>
      {items.map((f) => {
        const expanded = open === f.id
        return (
          <View key={f.id} className='faq-list__item'>
            <View {...asButton} aria-expanded={expanded ? 'true' : 'false'} className='faq-list__q' onClick={() => setOpen(expanded ? null : f.id)}>
              <Text className='faq-list__q-text'>{f.question}</Text>
              <Text className='faq-list__sign'>{expanded ? '−' : '+'}</Text>
            </View>
            {expanded && (
              <View className='faq-list__a'>
                <Text className='faq-list__a-text'>{f.answer}</Text>
                {f.policyId !== null && (
                  <View {...asButton} className='faq-list__more' onClick={() => onOpenPolicy(f.policyId!)}>
                    <Text>看详细说明 ›</Text>
                  </View>
                )}
              </View>
            )}
          </View>
        )
      })}
    </View>
  )
}
