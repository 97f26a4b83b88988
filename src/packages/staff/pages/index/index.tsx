import { Text, View } from '@tarojs/components'
import { PhoneCall } from '@/components/phone-call'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { useServiceCentre } from '@/hooks/use-service-centre'

export default function StaffEntryPage() {
  const { centre, error, loading, refresh } = useServiceCentre()
  return (
    <View className='page'>
      <Section title='工作人员登录（即将开放）'>
        <Text className='lead-text'>
          县劳务输转服务中心、乡镇劳务工作站和驻外劳务工作站的工作人员，以后在这里登录，发布和核实岗位、处理求助。
        </Text>
        <Text className='lead-text'>需要开通账号，请联系县劳务输转服务中心。</Text>
      </Section>
      <Section title='县劳务输转服务中心'>
        <StateView loading={loading} error={error} empty={!centre} emptyText='电话暂时查不到' onRetry={() => void refresh()}>
          {centre && <PhoneCall phone={centre.phone} label={centre.name} note={centre.openingHours || undefined} />}
        </StateView>
      </Section>
    </View>
  )
}
