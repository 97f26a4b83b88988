import { useState } from 'react'
import { Text } from '@tarojs/components'
import { updateMeBody, type Me, type UpdateMeBody } from '@contract/me'
import { BigButton } from '@/components/big-button'
import { Section } from '@/components/section'
import { SignedInPage } from '@/features/account/components/signed-in-page'
import { updateMyProfile } from '@/features/account/api/me'
import { setMe } from '@/features/account/session'
import { checkForm } from '@/lib/check-form'
import { openPage } from '@/lib/navigate'
import { showNotice } from '@/lib/notice'
import './index.scss'

const here = '/packages/me/pages/work-check/index'
const profile = '/packages/me/pages/profile/index'

/** Where the app thinks the worker is, in one plain line. */
function workNow(me: Me): string {
  if (me.workingAway === true && me.currentCity) return `在${me.currentCity}打工`
  if (me.returnedHome === true) return '已经回家了'
  if (me.workingAway === true) return '在外地打工（还没填城市）'
  return '还没有填过'
}

/** What the app knows of the worker's work, saying it still holds: the same answers, sent again. */
const sameAnswers = (me: Me): UpdateMeBody => ({ workingAway: me.workingAway, currentCity: me.currentCity, returnedHome: me.returnedHome })
// Back home is no longer away: the roster reads a worker still marked away as away, whatever else they say.
const backHome: UpdateMeBody = { workingAway: false, currentCity: null, returnedHome: true }

function WorkCheck({ me }: { me: Me }) {
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const knowsWhere = me.workingAway === true && me.currentCity !== null

  const send = async (answers: UpdateMeBody, thanks: string) => {
    const checked = checkForm(updateMeBody, answers)
    if (!checked.ok) {
      setError(Object.values(checked.fields)[0] ?? '没有记下，请重试')
      return
    }
    setBusy(true)
    setError(null)
    try {
      setMe(await updateMyProfile(answers))
      setDone(thanks)
      showNotice('已记下')
    } catch (e) {
      setError(e instanceof Error ? e.message : '没有记下，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Section title='我们记的您现在的情况'>
        <Text className='work-check__now'>{workNow(me)}</Text>
        <Text className='lead-text'>还是这样吗？点一下就行，县里好及时帮您找活、办事。</Text>
      </Section>
      {done && <Text className='work-check__done'>{done}</Text>}
      {error && <Text className='work-check__error'>{error}</Text>}
      {knowsWhere && (
        <BigButton className='work-check__button' disabled={busy} onClick={() => void send(sameAnswers(me), '已记下，您还在这里干活')}>
          还在这里干活
        </BigButton>
      )}
      <BigButton className='work-check__button' variant='secondary' disabled={busy} onClick={() => void send(backHome, '已记下，您回家了')}>
        回家了
      </BigButton>
      <BigButton className='work-check__button' variant='secondary' disabled={busy} onClick={() => openPage(profile)}>
        换地方了
      </BigButton>
    </>
  )
}

/** The quarterly "还在这里干活吗" answered in one tap: what it says goes to the worker's roster record. */
export default function WorkCheckPage() {
  return (
    <SignedInPage here={here} reason='登录后才能告诉我们您现在的务工情况。'>
      {(me) => (me ? <WorkCheck key={me.id} me={me} /> : null)}
    </SignedInPage>
  )
}
