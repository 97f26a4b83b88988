import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { isApiError } from '@/api'
import { BigButton } from '@/components/big-button'
import { Section } from '@/components/section'
import { showNotice } from '@/lib/notice'
import { useShare } from '@/lib/share/share'
import { shareSite } from '../../api/worklog'
import './index.scss'

/** 8 letters read out in two fours: ABCD EFGH. */
const spaced = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`

/**
 * 工友一起记: this employer as a site co-workers join with a code or a link. Only the name, site and agreed pay go
 * with it; each worker's days and pay stay their own.
 */
export function SiteShare({ employerId, employerName }: { employerId: number; employerName: string }) {
  const [shared, setShared] = useState<{ code: string; path: string; coworkers: number } | null>(null)
  const [busy, setBusy] = useState(false)
  const share = useShare(shared ? { title: `一起在“${employerName}”记工，工地码 ${shared.code}`, path: shared.path } : null)

  const make = async () => {
    setBusy(true)
    try {
      setShared(await shareSite(employerId))
    } catch (e) {
      showNotice(isApiError(e) ? e.message : '没有网络，有网络后再试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <Section title='工友一起记'>
      <Text className='site-share__text'>同一个工地的工友用工地码加进来，老板、工地和说好的工钱就不用再填。每个人记的工和收到的钱只有自己看得到。</Text>
      {shared ? (
        <>
          <View className='site-share__code' aria-label={`工地码 ${shared.code.split('').join(' ')}`}>
            <Text>{spaced(shared.code)}</Text>
          </View>
          <Text className='site-share__text'>{shared.coworkers > 0 ? `已经有 ${shared.coworkers} 个工友加入` : '还没有工友加入'}</Text>
          <BigButton className='site-share__action' onClick={share.share}>
            {share.label}
          </BigButton>
        </>
      ) : (
        <BigButton className='site-share__action' variant='secondary' disabled={busy} onClick={() => void make()}>
          {busy ? '正在生成工地码…' : '给工友发工地码'}
        </BigButton>
      )}
    </Section>
  )
}
