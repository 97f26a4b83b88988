import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { isApiError } from '@/api'
import { BigButton } from '@/components/big-button'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { formErrors, type FieldErrors } from '@/lib/check-form'
import { bankAccountKindLabel, bankAccountKinds, setMyBankAccount } from '@contract/subsidies'
import { saveBankAccount } from '../../api/subsidies'
import '../subsidies.scss'

type Kind = (typeof bankAccountKinds)[number]
interface Account {
  kind: Kind
  bankName: string
  /** Masked by the server: 6222 **** **** 1234 */
  accountNumber: string
}

interface Props {
  account: Account | null
  onSaved: () => void
}

/** 收钱的账户: shown masked; the full number is typed once here and only the county's payment sheet carries it. */
export function BankAccount({ account, onSaved }: Props) {
  const [editing, setEditing] = useState(false)
  const [kind, setKind] = useState<Kind>(account?.kind ?? 'bank_card')
  const [bankName, setBankName] = useState(account?.bankName ?? '')
  const [number, setNumber] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)

  const save = async () => {
    const body = { kind, bankName: bankName.trim(), accountNumber: number.trim() }
    const found = formErrors(setMyBankAccount.body!, body)
    setErrors(found)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      await saveBankAccount(body)
      setEditing(false)
      setNumber('')
      onSaved()
    } catch (e) {
      setErrors(isApiError(e) && e.fields ? e.fields : { form: isApiError(e) ? e.message : '没有保存成功，请再试一次' })
    } finally {
      setBusy(false)
    }
  }

  if (!editing) {
    return (
      <View className='bank-account'>
        {account ? (
          <>
            <Text className='bank-account__line'>
              {bankAccountKindLabel[account.kind]} · {account.bankName}
            </Text>
            <Text className='bank-account__number'>{account.accountNumber}</Text>
          </>
        ) : (
          <Text className='bank-account__line'>还没有填收钱的账户。补贴要打到您本人的银行卡或社保卡上，请先填好。</Text>
        )}
        <BigButton variant={account ? 'secondary' : 'primary'} onClick={() => setEditing(true)}>
          {account ? '换一个账户' : '填写收钱的账户'}
        </BigButton>
      </View>
    )
  }

  return (
    <View className='bank-account'>
      <FormField label='用哪种卡收钱' error={errors.kind}>
        <Chips options={bankAccountKinds.map((k) => ({ value: k, label: bankAccountKindLabel[k] }))} value={kind} onChange={setKind} />
      </FormField>
      <FormField label='开户银行' error={errors.bankName}>
        <Input className='form-field__input bank-account__bank' value={bankName} maxlength={30} placeholder='例如 武山县农村信用社' onInput={(e) => setBankName(e.detail.value)} />
      </FormField>
      <FormField label='卡号' hint='必须是您本人的卡。保存后只显示前四位和后四位' error={errors.accountNumber}>
        <Input className='form-field__input bank-account__account' type='number' value={number} maxlength={30} placeholder='卡上的数字' onInput={(e) => setNumber(e.detail.value)} />
      </FormField>
      {errors.form && (
        <Text className='bank-account__error' aria-live='assertive'>
          {errors.form}
        </Text>
      )}
      <BigButton disabled={busy} onClick={() => void save()}>
        {busy ? '正在保存…' : '保存账户'}
      </BigButton>
      <BigButton variant='secondary' onClick={() => setEditing(false)}>
        取消
      </BigButton>
    </View>
  )
}
