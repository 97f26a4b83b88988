export interface PhoneCallProps {
  phone: string
  /** Who answers, e.g. 全国人社服务热线 or 联系人：王书记 */
  label?: string
  note?: string
  /** Told when the person taps to call (the dialer opens as usual), e.g. to record the call. */
  onCall?: () => void
}

/** Digits (and +) only: what a dialer accepts. */
export const dialable = (phone: string) => phone.replace(/[^\d+]/g, '')
