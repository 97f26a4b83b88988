import { BigButton } from '@/components/big-button'

/** In the browser, agreeing is an ordinary button. */
export function AgreeButton({ onAgree, children }: { onAgree: () => void; children: React.ReactNode }) {
  return <BigButton onClick={onAgree}>{children}</BigButton>
}
