import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { agreeTermsMessage, type CourseDetail, type Enrollment } from '@contract/training'
import { isApiError, newIdempotencyKey, onOutboxDelivered } from '@/api'
import { BigButton } from '@/components/big-button'
import { useAskForMessages } from '@/hooks/use-ask-for-messages'
import { Dialog } from '@/components/dialog'
import { Section } from '@/components/section'
import { enrollInCourse, cancelEnrollment } from '../../api/enrollments'
import { describeEnrollment, enrolmentOpen, formatDate } from '../../lib/format'
import './index.scss'

interface Props {
  course: CourseDetail
  signedIn: boolean
  /** Not signed in (or the session ended): open sign-in, which comes back here. */
  onNeedSignIn: () => void
  /** Enrolled or cancelled: reload the course (seats left, my enrolment). */
  onChanged: () => void
  /** Open 我的课程. */
  onOpenMine?: () => void
  /** Set to the panel's own 我要报名, so the page's bottom bar can press it (terms and sign-in checked the same way). */
  startRef?: React.MutableRefObject<(() => void) | null>
  now?: Date
}

/** What just happened, said plainly at the top of the panel. */
function resultText(e: Enrollment): { title: string; text: string } {
  if (e.status === 'waitlisted') {
    return {
      title: `已进入候补第 ${e.waitlistPosition ?? 1} 位`,
      text: '名额已满。有人取消时，按排队顺序自动给您补上，不用再报一次。',
    }
  }
  return { title: '报名成功', text: '开课前培训机构会打电话通知您，请保持手机畅通。' }
}

/**
 * Enrolling in a course: for 下单 courses the placement agreement is shown and must be agreed first;
 * the result says whether the worker has a seat or which place on the waitlist; a live enrolment can be cancelled.
 */
export function EnrollPanel({ course, signedIn, onNeedSignIn, onChanged, onOpenMine, startRef, now = new Date() }: Props) {
  const [agreed, setAgreed] = useState(false)
  const [busy, setBusy] = useState(false)
  const [termsError, setTermsError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<Enrollment | null>(null)
  const [cancelled, setCancelled] = useState(false)
  const [confirming, setConfirming] = useState(false)
  /** Kept on the phone for want of a network: said plainly until the outbox delivers it. */
  const [queued, setQueued] = useState(false)
  // One key per enrolment attempt: a retry after a timeout is the same request to the server.
  const key = useRef(newIdempotencyKey())

  // Delivered from the outbox: the course, read again, now carries my enrolment (or the refusal shows in the banner).
  useEffect(
    () =>
      onOutboxDelivered(({ entry }) => {
        if (!queued || entry.id !== key.current) return
        key.current = newIdempotencyKey()
        setQueued(false)
        onChanged()
      }),
    [queued, onChanged],
  )

  const order = course.mode === 'order'
  const live = course.myEnrollment ?? (result && result.status !== 'cancelled' ? result : null)
  const open = enrolmentOpen(course, now)

  const failed = (e: unknown) => {
    if (isApiError(e) && e.status === 401) {
      onNeedSignIn()
      return
    }
    if (isApiError(e) && e.fields?.agreeTerms) {
      setTermsError(e.fields.agreeTerms)
      return
    }
    setError(isApiError(e) ? e.message : '出了点问题，请稍后重试')
  }

  const askForMessages = useAskForMessages()
  const enroll = async () => {
    setError(null)
    if (!signedIn) {
      onNeedSignIn()
      return
    }
    if (order && !agreed) {
      setTermsError(agreeTermsMessage)
      return
    }
    // A waitlisted worker hears by WeChat when a seat comes free.
    askForMessages('enroll')
    setBusy(true)
    try {
      const e = await enrollInCourse(course.id, order ? agreed : false, key.current, `培训报名：${course.title}`)
      if (!e) {
        setQueued(true)
        return
      }
      key.current = newIdempotencyKey()
      setResult(e)
      setCancelled(false)
      onChanged()
    } catch (e) {
      failed(e)
    } finally {
      setBusy(false)
    }
  }

  if (startRef) startRef.current = busy || live || !open ? null : () => void enroll()

  const cancel = async () => {
    if (!live) return
    setBusy(true)
    setError(null)
    try {
      await cancelEnrollment(live.id)
      setResult(null)
      setCancelled(true)
      setConfirming(false)
      onChanged()
    } catch (e) {
      setConfirming(false)
      failed(e)
    } finally {
      setBusy(false)
    }
  }

  const shown = result && live && result.id === live.id ? resultText(result) : null
  return (
    <Section title='报名' className='enroll-panel'>
      {error && (
        <Text className='enroll-panel__error' aria-live='assertive'>
          {error}
        </Text>
      )}
      {cancelled && !live && (
        <Text className='enroll-panel__note' aria-live='polite'>
          已取消报名。
        </Text>
      )}

      {queued && !live ? (
        <View className='enroll-panel__status' aria-live='polite'>
          <Text className='enroll-panel__title enroll-panel__title--wait'>待发送</Text>
          <Text className='enroll-panel__text'>报名已保存在手机上，有网络后自动发送，不用再点。发出后会告诉您有没有报上。</Text>
        </View>
      ) : live ? (
        <View className='enroll-panel__status' aria-live='polite'>
          <Text className={`enroll-panel__title ${live.status === 'waitlisted' ? 'enroll-panel__title--wait' : ''}`}>
            {shown ? shown.title : `您${describeEnrollment(live)}`}
          </Text>
          {shown && <Text className='enroll-panel__text'>{shown.text}</Text>}
          {live.status === 'waitlisted' && !shown && (
            <Text className='enroll-panel__text'>有人取消时，按排队顺序自动给您补上。</Text>
          )}
          {onOpenMine && (
            <BigButton variant='secondary' className='enroll-panel__button' onClick={onOpenMine}>
              看我的课程
            </BigButton>
          )}
          {(live.status === 'enrolled' || live.status === 'waitlisted') && (
            <BigButton variant='secondary' className='enroll-panel__button' onClick={() => setConfirming(true)}>
              {live.status === 'waitlisted' ? '不排了，取消候补' : '取消报名'}
            </BigButton>
          )}
        </View>
      ) : !open ? (
        <Text className='enroll-panel__text'>报名已经截止了（截止日期 {formatDate(course.enrollDeadline)}）。可以看看别的培训。</Text>
      ) : (
        <View>
          {order && course.agreementText && (
            <View className='enroll-panel__terms'>
              <Text className='enroll-panel__terms-title'>定向就业协议</Text>
              <Text className='enroll-panel__terms-text'>{course.agreementText}</Text>
              <View
                role='checkbox'
                aria-checked={agreed ? 'true' : 'false'}
                aria-label='我已阅读并同意定向就业协议'
                className={`enroll-panel__check ${agreed ? 'enroll-panel__check--on' : ''}`}
                onClick={() => {
                  setAgreed(!agreed)
                  setTermsError(null)
                }}
              >
                <Text className='enroll-panel__box'>{agreed ? '✓' : ''}</Text>
                <Text className='enroll-panel__check-text'>我已阅读并同意</Text>
              </View>
              {termsError && (
                <Text className='enroll-panel__error' aria-live='assertive'>
                  {termsError}
                </Text>
              )}
            </View>
          )}
          <Text className='enroll-panel__text'>
            {course.seatsLeft > 0
              ? `还剩 ${course.seatsLeft} 个名额，报名截止 ${formatDate(course.enrollDeadline)}。`
              : '名额已满，现在报名进入候补名单，有人取消就按顺序补上。'}
          </Text>
          <BigButton className='enroll-panel__button' disabled={busy} onClick={() => void enroll()}>
            {busy ? '正在报名…' : course.seatsLeft > 0 ? '我要报名' : '报名候补'}
          </BigButton>
          {!signedIn && <Text className='enroll-panel__hint'>报名要先用手机号登录</Text>}
        </View>
      )}

      <Dialog
        open={confirming}
        title={live?.status === 'waitlisted' ? '确定不排候补了吗？' : '确定要取消报名吗？'}
        confirmText='确定取消'
        cancelText='不取消'
        danger
        busy={busy}
        onConfirm={() => void cancel()}
        onCancel={() => setConfirming(false)}
      >
        <Text className='enroll-panel__text'>
          {live?.status === 'waitlisted'
            ? '取消后就不在候补名单里了，想再报要重新排队。'
            : '取消后名额会让给候补的人，想再报要重新排队。'}
        </Text>
      </Dialog>
    </Section>
  )
}
