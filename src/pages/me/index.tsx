import { Text, View } from '@tarojs/components'
import { ListRow } from '@/components/list-row'
import { PhoneCall } from '@/components/phone-call'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { useServiceCentre } from '@/hooks/use-service-centre'
import { openPage } from '@/lib/navigate'
import './index.scss'

export default function MePage() {
  const { centre, error, loading, refresh } = useServiceCentre()
  return (
    <View className='page me-page'>
      <Section>
        <Text className='me-page__title'>登录即将开放</Text>
        <Text className='me-page__text'>开放后，您在这里能看到自己报名的岗位、培训课程和提交的求助。现在不登录也能找工作、看培训、打电话求助。</Text>
      </Section>

      <View className='me-page__rows'>
        <ListRow title='关于务工通' note='谁在提供这个服务，怎么保护您的信息' onClick={() => openPage('/packages/me/pages/about/index')} />
        <ListRow title='工作人员入口' note='县、乡镇和驻外工作站的工作人员' onClick={() => openPage('/packages/staff/pages/index/index')} />
      </View>

      <Section title='有事打电话'>
        <StateView loading={loading} error={error} empty={!centre} emptyText='电话暂时查不到' onRetry={() => void refresh()}>
          {centre && <PhoneCall phone={centre.phone} label={centre.name} note={centre.openingHours || undefined} />}
        </StateView>
      </Section>
    </View>
  )
}
