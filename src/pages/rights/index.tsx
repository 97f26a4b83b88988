import { Text, View } from '@tarojs/components'
import { BigButton } from '@/components/big-button'
import { ListRow } from '@/components/list-row'
import { PhoneCall } from '@/components/phone-call'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { useServiceCentre } from '@/hooks/use-service-centre'
import { openPage, openTab } from '@/lib/navigate'
import { WaitingRequests } from '@/features/rights/components/waiting-requests'
import { nationalHotline } from '@/features/rights/lib/hotlines'
import { PageRoot } from '@/components/page-root'
import './index.scss'

export default function RightsPage() {
  const { centre, error, loading, refresh } = useServiceCentre()
  return (
    <PageRoot className='rights-page'>
      <Text className='rights-page__lead'>被欠工资、受了伤、合同有问题？打电话，或在网上求助。</Text>

      <BigButton className='rights-page__ask' onClick={() => openPage('/packages/rights/pages/new/index')}>
        我要求助
      </BigButton>
      {/* Beside the five-step form: two taps, and an officer calls to ask the rest. */}
      <BigButton variant='secondary' className='rights-page__callback' onClick={() => openPage('/packages/rights/pages/callback/index')}>
        只留电话，请回电
      </BigButton>
      <WaitingRequests />

      <Section title='求助电话'>
        <PhoneCall phone={nationalHotline.phone} label={nationalHotline.label} />
        <StateView loading={loading} error={error} empty={!centre} emptyText='县里的电话暂时查不到' onRetry={() => void refresh()}>
          {centre && <PhoneCall phone={centre.phone} label={centre.name} note={centre.openingHours || undefined} />}
        </StateView>
      </Section>

      <View className='rights-page__rows'>
        <ListRow
          title='我的求助'
          note='看办理进度、补充情况'
          onClick={() => openPage('/packages/rights/pages/mine/index')}
        />
        <ListRow
          title='求助前要准备什么'
          note='合同、工资记录、聊天记录……一张清单'
          onClick={() => openPage('/packages/rights/pages/guide/index')}
        />
        <ListRow title='政策咨询' note='欠薪、社保转移、培训补贴，常见问题一看就懂' onClick={() => openPage('/packages/policies/pages/index/index')} />
        <ListRow title='离您最近的工作站' note='在外地，就近找党支部和劳务工作站帮忙' onClick={() => openTab('/pages/stations/index')} />
      </View>

      <Section title='谁来帮您'>
        <Text className='rights-page__text'>
          武山县成立了县外务工人员稳岗留工和维权服务专班。在外打工遇到欠薪、工伤、合同纠纷，专班和各地驻外劳务工作站、流动党员党支部会帮您联系用工单位和当地有关部门，帮您把事情说清楚、要回该得的。
        </Text>
        <Text className='rights-page__text'>求助不收任何费用。网上提交后会有一个求助编号。第一个接手的工作人员负责到底，不会把您推来推去，办完要经您确认才算结束。</Text>
      </Section>
    </PageRoot>
  )
}
