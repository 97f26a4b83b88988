import { Text } from '@tarojs/components'
import { GuideChecklist } from '@/features/rights/components/guide-checklist'
import { PhoneCall } from '@/components/phone-call'
import { Section } from '@/components/section'
import { nationalHotline } from '@/features/rights/lib/hotlines'
import { PageRoot } from '@/components/page-root'

export default function RightsGuidePage() {
  return (
    <PageRoot>
      <Text className='lead-text'>东西不全也没关系，有多少准备多少，先打电话说明情况。</Text>
      <GuideChecklist />
      <Section title='准备好了就打电话'>
        <PhoneCall phone={nationalHotline.phone} label={nationalHotline.label} />
      </Section>
    </PageRoot>
  )
}
