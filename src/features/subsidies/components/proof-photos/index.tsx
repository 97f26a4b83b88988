import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { isApiError, uploadPhoto } from '@/api'
import { asButton } from '@/lib/a11y'
import { choosePhotos } from '@/lib/choose-photos'

export interface ProofPhoto {
  id: string
  path: string
}

interface Props {
  photos: ProofPhoto[]
  onChange: (photos: ProofPhoto[]) => void
  /** Most the claim takes (the contract's limit). */
  max: number
}

/**
 * Proof, one photo at a time: each is uploaded as soon as it is picked, so a weak network sends one small file per
 * try and a photo that did not go up is simply taken again.
 */
export function ProofPhotos({ photos, onChange, max }: Props) {
  const [uploading, setUploading] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const add = async () => {
    const [path] = await choosePhotos(1)
    if (!path) return
    setUploading(true)
    setError(null)
    try {
      const { id } = await uploadPhoto(path)
      onChange([...photos, { id, path }])
    } catch (e) {
      setError(isApiError(e) && e.transient ? '现在没有网络，照片传不上去。有网络时再拍一次' : isApiError(e) ? (e.fields?.file ?? e.message) : '照片没有传上去，请再试一次')
    } finally {
      setUploading(false)
    }
  }

  return (
    <View className='proof-photos'>
      {photos.map((p, i) => (
        <View key={p.id} className='proof-photos__item'>
          <Image className='proof-photos__image' src={p.path} mode='aspectFill' aria-label={`第${i + 1}张证明照片`} />
          <View {...asButton} className='proof-photos__remove' onClick={() => onChange(photos.filter((x) => x.id !== p.id))}>
            <Text>不要这张</Text>
          </View>
        </View>
      ))}
      {photos.length < max && (
        <View {...asButton} className='proof-photos__add' onClick={uploading ? undefined : () => void add()}>
          <Text>{uploading ? '正在上传照片…' : photos.length ? '再拍一张' : '拍照或选照片'}</Text>
        </View>
      )}
      {error && (
        <Text className='proof-photos__error' aria-live='assertive'>
          {error}
        </Text>
      )}
    </View>
  )
}
