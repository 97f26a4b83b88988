import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { StaffMember } from '@contract'
import { BigButton } from '@/components/big-button'
import { PhoneCall } from '@/components/phone-call'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { useServiceCentre } from '@/hooks/use-service-centre'
import { asButton } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { roleLabel, useStaffSession } from '@/features/staff/session'
import { StaffSignInForm } from '@/features/staff/components/staff-sign-in-form'
import { FiguresPanel } from '@/features/staff/components/figures-panel'
import { ChangePasswordForm } from '@/features/staff/components/change-password-form'
import { staffMenu } from '@/features/staff/lib/paths'
import '@/features/staff/components/staff-shell/index.scss'
import './index.scss'

/** Staff sign-in, then the workbench home: figures and the way to each part of the work. */
export default function StaffEntryPage() {
  const session = useStaffSession()
  const { centre, error, loading, refresh } = useServiceCentre()
  const { staff } = session
  const [changing, setChanging] = useState(false)
  const [changed, setChanged] = useState(false)
  const passwordChanged = (member: StaffMember) => {
    session.update(member)
    setChanging(false)
    setChanged(true)
  }
  const links = staffMenu(staff?.role ?? 'station')

  return (
    <View className='page staff-page'>
      <StateView loading={session.loading} error={session.error} onRetry={() => void session.refresh()}>
        {staff?.mustChangePassword ? (
          <Section title='请先修改密码'>
            <ChangePasswordForm oneTime onChanged={(member) => passwordChanged(member)} />
            <BigButton variant='secondary' onClick={() => void session.signOut()}>
              退出
            </BigButton>
          </Section>
        ) : staff ? (
          <View className='staff-shell__body'>
            <View className='staff-shell__head'>
              <Text className='staff-shell__title staff-page__name'>{staff.displayName}</Text>
              <Text className='staff-shell__who'>
                {roleLabel[staff.role]} · {staff.stationName ?? '武山县（全县）'}
              </Text>
            </View>
            <View className='wb-nav'>
              {links.map((l) => (
                <View key={l.path} {...asButton} className='wb-nav__item' onClick={() => openPage(l.path)}>
                  <Text>{l.label}</Text>
                </View>
              ))}
            </View>
            {changed && <Text className='wb-ok'>密码已修改，其他手机和电脑上的登录已退出</Text>}
            <FiguresPanel />
            {changing ? (
              <Section title='修改密码'>
                <ChangePasswordForm onChanged={(member) => passwordChanged(member)} />
              </Section>
            ) : (
              <BigButton
                variant='secondary'
                onClick={() => {
                  setChanging(true)
                  setChanged(false)
                }}
              >
                修改密码
              </BigButton>
            )}
            <BigButton variant='secondary' onClick={() => void session.signOut()}>
              退出
            </BigButton>
          </View>
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
      {!staff && (
        <Section title='县劳务输转服务中心'>
          <StateView loading={loading} error={error} empty={!centre} emptyText='电话暂时查不到' onRetry={() => void refresh()}>
            {centre && <PhoneCall phone={centre.phone} label={centre.name} note={centre.openingHours || undefined} />}
          </StateView>
        </Section>
      )}
    </View>
  )
}
