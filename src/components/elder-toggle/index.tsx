import { SwitchRow } from '@/components/switch-row'
import { useElderMode } from '@/lib/elder-mode'

/** 大字模式 on or off, wherever the worker may look for it (我的, the privacy notice). */
export function ElderToggle({ className }: { className?: string }) {
  const [on, setOn] = useElderMode()
  return <SwitchRow title='大字模式' note='字更大、按钮更大，看得更清楚' on={on} onChange={setOn} className={className} />
}
