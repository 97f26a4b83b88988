import { Text, View } from '@tarojs/components'
import { BigButton } from '@/components/big-button'
import { PhoneCall } from '@/components/phone-call'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { useServiceCentre } from '@/hooks/use-service-centre'
import { roleLabel, useStaffSession } from '@/features/staff/session'
import { StaffSignInForm } from '@/features/staff/components/staff-sign-in-form'
import './index.scss'

/** Staff sign-in, then a simple home (the workbench comes later). */
export default function StaffEntryPage() {
  const session = useStaffSession()
  const { centre, error, loading, refresh } = useServiceCentre()
  const { staff } = session

  return (
    <View className='page staff-page'>
      <StateView loading={session.loading} error={session.error} onRetry={() => void session.refresh()}>
        {staff ? (
          <Section title='工作人员'>
            <Text className='staff-page__name'>{staff.displayName}</Text>
            <Text className='staff-page__line'>用户名：{staff.username}</Text>
            <Text className='staff-page__line'>身份：{roleLabel[staff.role]}</Text>
            <Text className='staff-page__line'>所属：{staff.stationName ?? '武山县（全县）'}</Text>
            <Text className='staff-page__note'>发布和核实岗位、处理求助的工作台即将开放。</Text>
            <BigButton variant='secondary' onClick={() => void session.signOut()}>
              退出
            </BigButton>
          </Section>
        ) : (
          <Section title='工作人员登录'>
            <Text className='lead-text'>县劳务输转服务中心、乡镇劳务工作站和驻外劳务工作站的工作人员在这里登录。</Text>
            {session.workerSignedIn && (
              <Text className='staff-page__warn'>这台手机上已经登录了务工人员账号。登录工作人员账号后，那个账号会退出。</Text>
            )}
            <StaffSignInForm onSignedIn={session.signIn} />
            <Text className='staff-page__note'>需要开通账号或忘了密码，请联系县劳务输转服务中心。</Text>
          </Section>
        )}
      </StateView>
      <Section title='县劳务输转服务中心'>
        <StateView loading={loading} error={error} empty={!centre} emptyText='电话暂时查不到' onRetry={() => void refresh()}>
          {centre && <PhoneCall phone={centre.phone} label={centre.name} note={centre.openingHours || undefined} />}
        </StateView>
      </Section>
    </View>
  )
}
