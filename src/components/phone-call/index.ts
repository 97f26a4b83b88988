export { PhoneCall } from './phone-call'
export type { PhoneCallProps } from './phone-call.types'
