export interface StationCallProps {
  phone: string
  /** Who answers, e.g. 联系人：王书记 */
  label?: string
}

/** Digits (and +) only: what a dialer accepts. */
export const dialable = (phone: string) => phone.replace(/[^\d+]/g, '')
