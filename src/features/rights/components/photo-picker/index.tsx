import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { isApiError } from '@/api'
import { asButton } from '@/lib/a11y'
import { choosePhotos } from '@/lib/choose-photos'
import { uploadRightsPhoto } from '../../api/rights-requests'
import type { DraftPhoto } from '../../lib/draft'
import './index.scss'

interface Props {
  photos: DraftPhoto[]
  onChange: (photos: DraftPhoto[]) => void
  max?: number
  error?: string
  /** Without a network, keep the chosen photos on the phone (pending) to upload before the form is sent. */
  keepOffline?: boolean
}

/** Pick photos (album or camera, compressed), upload each at once, show them; a tap on the cross takes one out. */
export function PhotoPicker({ photos, onChange, max = 9, error, keepOffline }: Props) {
  const [busy, setBusy] = useState(0)
  const [message, setMessage] = useState<string | null>(null)

  const pick = async () => {
    setMessage(null)
    const paths = await choosePhotos(max - photos.length)
    let current = photos
    for (const path of paths.slice(0, max - photos.length)) {
      setBusy((n) => n + 1)
      try {
        const uploaded = await uploadRightsPhoto(path)
        current = [...current, { id: uploaded.id, path }]
        onChange(current)
      } catch (e) {
        if (keepOffline && isApiError(e) && e.transient) {
          current = [...current, { id: `local-${Date.now()}-${current.length}`, path, pending: true }]
          onChange(current)
          setMessage('现在没有网络，照片先存在手机上，有网络后再上传照片（提交时会先传照片）')
          continue
        }
        setMessage(isApiError(e) ? (e.fields?.file ?? e.message) : '照片没有传上去，请再试一次')
      } finally {
        setBusy((n) => n - 1)
      }
    }
  }

  return (
    <View className='photo-picker'>
      <View className='photo-picker__grid'>
        {photos.map((p, i) => (
          <View key={p.id} className='photo-picker__item'>
            <Image className='photo-picker__image' src={p.path} mode='aspectFill' aria-label={`第${i + 1}张照片`} />
            {p.pending && <Text className='photo-picker__pending'>待上传</Text>}
            <View
              {...asButton}
              aria-label={`去掉第${i + 1}张照片`}
              className='photo-picker__remove'
              onClick={() => onChange(photos.filter((x) => x.id !== p.id))}
            >
              {/* Drawn, not a ✕ character: phones without the font show a box. */}
              <View className='photo-picker__cross' aria-hidden='true' />
            </View>
          </View>
        ))}
        {photos.length < max && (
          <View {...asButton} className='photo-picker__add' hoverClass='photo-picker__add--pressed' onClick={() => void pick()}>
            <Text className='photo-picker__plus'>＋</Text>
            <Text className='photo-picker__add-text'>{busy > 0 ? '正在上传…' : '拍照或选照片'}</Text>
          </View>
        )}
      </View>
      <Text className='photo-picker__count'>
        已传 {photos.filter((p) => !p.pending).length} 张
        {photos.some((p) => p.pending) ? `，${photos.filter((p) => p.pending).length} 张等有网络再上传` : ''}，最多 {max} 张
      </Text>
      {(message || error) && (
        <Text className='photo-picker__error' aria-live='assertive'>
          {message ?? error}
        </Text>
      )}
    </View>
  )
}
