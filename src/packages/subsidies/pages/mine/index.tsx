import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { onOutboxDelivered, useOutboxEntries } from '@/api'
import { OutboxBanner } from '@/components/outbox-banner'
import { PageRoot } from '@/components/page-root'
import { SavedNote } from '@/components/saved-note'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { useRefreshOnReturn } from '@/hooks/use-refresh-on-return'
import { showNotice } from '@/lib/notice'
import { SignInPrompt } from '@/features/account/components/sign-in-prompt'
import { useSession } from '@/features/account/session'
import { pendingClaims, useMyBankAccount, useMySubsidies } from '@/features/subsidies/api/subsidies'
import { BankAccount } from '@/features/subsidies/components/bank-account'
import { SubsidyCard } from '@/features/subsidies/components/subsidy-card'
import { mySubsidiesPath } from '@/features/subsidies/lib/describe'
import '@/features/subsidies/components/subsidies.scss'

/**
 * 我能领的补贴: each scheme of this year, whether the worker qualifies, how much and why; 免审即享 is one tap, the rest
 * one photo at a time; then where the money goes and what became of each claim.
 */
export default function MySubsidiesPage() {
  const session = useSession()
  const signedIn = session.signedIn || Boolean(session.error)
  return (
    <PageRoot className='my-subsidies'>
      <OutboxBanner />
      <StateView loading={session.loading} error={null}>
        {signedIn ? (
          <MySubsidies />
        ) : (
          <SignInPrompt title='我能领的补贴' reason='登录后能看到您能领哪些补贴、能领多少钱。县里有记录的，点一下就能领。' redirect={mySubsidiesPath} />
        )}
      </StateView>
    </PageRoot>
  )
}

function MySubsidies() {
  const list = useMySubsidies(true)
  const bank = useMyBankAccount(true)
  const entries = useOutboxEntries()
  const pending = pendingClaims(entries)
  const refresh = () => Promise.all([list.refresh(), bank.refresh()])
  useRefreshOnReturn(refresh)
  // A claim kept on the phone has gone out: show what the county made of it.
  const reload = list.refresh
  useEffect(() => onOutboxDelivered(({ entry }) => void (entry.name === 'claimSubsidy' && reload())), [reload])

  const claimed = (queued: boolean) => {
    if (queued) showNotice('现在没有网络，申请已存在手机上，有网络时自动提交')
    else {
      showNotice('已申请')
      void list.refresh()
    }
  }

  const items = list.data?.items ?? []
  const yes = items.filter((i) => i.qualifies || i.claim)
  const no = items.filter((i) => !i.qualifies && !i.claim)
  return (
    <StateView loading={list.loading} error={list.error} empty={items.length === 0} emptyText='今年还没有可以申请的补贴' emptyHint='县里定好今年的补贴后，会在这里告诉您' onRetry={() => void refresh()}>
      <SavedNote savedAt={list.savedAt} onRetry={() => void refresh()} />
      {list.data && !list.data.onRoster && (
        <Text className='lead-text'>县里的劳动力台账上还没有对上您的信息，暂时算不出能领什么。请先在“我的资料”里填好姓名和身份证号，或找村里的信息员登记。</Text>
      )}
      {yes.length > 0 ? (
        <View>
          <Text className='lead-text'>您能领 {yes.length} 项补贴</Text>
          {yes.map((item) => (
            <SubsidyCard key={item.scheme.id} item={item} pending={pending.get(item.scheme.id)} onClaimed={claimed} />
          ))}
        </View>
      ) : (
        <Text className='lead-text'>今年暂时没有您能领的补贴，下面写了原因。</Text>
      )}
      <Section title='收钱的账户'>
        {bank.error?.code === 'NETWORK' && list.data ? (
          // No network: the saved list still says which account (masked) the money goes to; changing it waits.
          <Text className='lead-text my-subsidies__bank-offline'>
            {list.data.bankAccount ? `补贴打到：${list.data.bankAccount}` : '还没有填收钱的账户'}。现在没有网络，有网络后才能填写或修改。
          </Text>
        ) : (
          <StateView loading={bank.loading} error={bank.error} onRetry={() => void bank.refresh()}>
            <BankAccount account={bank.data?.account ?? null} onSaved={() => void refresh()} />
          </StateView>
        )}
      </Section>
      {no.length > 0 && (
        <View>
          <Text className='lead-text'>暂时不能领的</Text>
          {no.map((item) => (
            <SubsidyCard key={item.scheme.id} item={item} onClaimed={claimed} />
          ))}
        </View>
      )}
    </StateView>
  )
}
