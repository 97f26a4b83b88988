import { Button } from '@tarojs/components'
import { agreeButtonId } from '../../privacy-gate'
import './index.scss'

/**
 * WeChat only counts an agreement made on a button with open-type="agreePrivacyAuthorization";
 * tapping it also releases any privacy-gated API waiting in onNeedPrivacyAuthorization.
 */
export function AgreeButton({ onAgree, children }: { onAgree: () => void; children: React.ReactNode }) {
  return (
    <Button id={agreeButtonId} className='agree-button' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={onAgree}>
      {children}
    </Button>
  )
}
