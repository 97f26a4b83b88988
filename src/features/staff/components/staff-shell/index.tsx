import { Text, View } from '@tarojs/components'
import type { StaffMember } from '@contract'
import { BigButton } from '@/components/big-button'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { useRouter } from '@tarojs/taro'
import { staffRoleLabel, type StaffRole } from '@contract/staff'
import { asLink } from '@/lib/a11y'
import { openPage, replacePage } from '@/lib/navigate'
import { staffMenu, staffPaths } from '../../lib/paths'
import { useStaffSession } from '../../session'
import { ChangePasswordForm } from '../change-password-form'
import './index.scss'

interface Props {
  title: string
  /** Pages only admins may open say so; station staff are told who to ask. */
  adminOnly?: boolean
  children: (staff: StaffMember) => React.ReactNode
}

/** The workbench menu beside every page on a desk (≥ 900px, it stays on screen as the page scrolls); hidden on a phone. */
function StaffMenu({ role }: { role: StaffRole }) {
  const here = useRouter().path?.split('?')[0]
  const items = [{ label: '工作台首页', path: staffPaths.home }, ...staffMenu(role)]
  return (
    <View className='staff-shell__menu' aria-label='工作台菜单'>
      {items.map((m) => (
        <View
          key={m.path}
          {...asLink}
          aria-current={m.path === here ? 'page' : undefined}
          className={`staff-shell__menu-item ${m.path === here ? 'staff-shell__menu-item--here' : ''}`}
          onClick={() => replacePage(m.path)}
        >
          <Text>{m.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** Every workbench page: staff only (anyone else is sent to sign in; a one-time password is changed first), with its title. */
export function StaffShell({ title, adminOnly, children }: Props) {
  const session = useStaffSession()
  const { staff } = session
  return (
    <View className='page staff-shell'>
      <StateView loading={session.loading} error={session.error} onRetry={() => void session.refresh()}>
        {!staff ? (
          <Section title={title}>
            <Text className='lead-text'>这是工作人员的页面，请先登录工作人员账号。</Text>
            <BigButton onClick={() => openPage(staffPaths.home)}>去登录</BigButton>
          </Section>
        ) : staff.mustChangePassword ? (
          <Section title='请先修改密码'>
            <ChangePasswordForm oneTime onChanged={session.update} />
          </Section>
        ) : adminOnly && staff.role !== 'admin' ? (
          <Section title={title}>
            <Text className='lead-text'>只有县级管理员可以使用这个功能。</Text>
          </Section>
        ) : (
          <View className='staff-shell__body staff-shell__body--with-menu'>
            <StaffMenu role={staff.role} />
            <View className='staff-shell__main'>
              <View className='staff-shell__head'>
                <Text className='staff-shell__title'>{title}</Text>
                <Text className='staff-shell__who'>
                  {staff.displayName}（{staff.stationName ?? ([staff.township, staff.village].filter(Boolean).join('') || staffRoleLabel[staff.role])}）
                </Text>
              </View>
              {children(staff)}
            </View>
          </View>
        )}
      </StateView>
    </View>
  )
}
