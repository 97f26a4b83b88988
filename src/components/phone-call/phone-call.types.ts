export interface PhoneCallProps {
  phone: string
  /** Who answers, e.g. 全国人社服务热线 or 联系人：王书记 */
  label?: string
  note?: string
  /** Told when the person taps to call (the dialer opens as usual), e.g. to record the call. */
  onCall?: () => void
  /**
   * card: the number big, with 拨打 (a page's contact section). button: a compact 打电话 (or `text`) button for a
   * card or an action bar; its spoken name still carries who answers and the number.
   */
  variant?: 'card' | 'button'
  /** The button's words (variant button): 打电话 unless said otherwise. */
  text?: string
  className?: string
}

/** Digits (and +) only: what a dialer accepts. */
export const dialable = (phone: string) => phone.replace(/[^\d+]/g, '')

/** What a screen reader says for the compact button: what it does, who answers, the number. */
export const buttonName = ({ phone, label, text = '打电话' }: Pick<PhoneCallProps, 'phone' | 'label' | 'text'>) =>
  `${text}：${label ? `${label} ` : ''}${phone}`
