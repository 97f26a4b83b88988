import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { isApiError, newIdempotencyKey } from '@/api'
import { chinaDate } from '@contract/format'
import { townships, type Township } from '@contract/places'
import type { StaffMember } from '@contract/staff'
import { Chips } from '@/components/chips'
import { Dialog } from '@/components/dialog'
import { FormField } from '@/components/form-field'
import { StateView } from '@/components/state-view'
import { TextArea } from '@/components/text-area'
import { asButton } from '@/lib/a11y'
import { exportStaffCsv } from '@/features/staff/api/csv-export'
import { StaffShell } from '@/features/staff/components/staff-shell'
import { addObjection, publicityPath, publishClaims, usePublicity } from '@/features/subsidies/api/staff-subsidies'
import { PublicitySheet } from '@/features/subsidies/components/publicity-sheet'
import { SchemePicker } from '@/features/subsidies/components/scheme-picker'
import { printPage } from '@/features/subsidies/lib/print-page'
import '@/features/subsidies/components/staff-subsidies.scss'

/** 补贴公示: put the approved claims up, print the list for the village notice board or take it as Excel, note objections. */
export default function SubsidyPublicityPage() {
  return <StaffShell title='补贴公示'>{(staff) => (staff.role === 'station' ? <Text className='lead-text'>补贴公示由乡镇劳务工作站和县劳务输转服务中心办理。</Text> : <Publicity staff={staff} />)}</StaffShell>
}

function Publicity({ staff }: { staff: StaffMember }) {
  const admin = staff.role === 'admin'
  const [scheme, setScheme] = useState(0)
  const [township, setTownship] = useState<Township | ''>('')
  const [startsOn, setStartsOn] = useState(chinaDate(new Date()))
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null)
  const [objecting, setObjecting] = useState<{ claimId: number; name: string } | null>(null)
  const [objection, setObjection] = useState('')
  const list = usePublicity(scheme, township || undefined)

  const publish = async () => {
    setNote(null)
    try {
      const res = await publishClaims({ schemeId: scheme, township: admin ? township || null : null, startsOn }, newIdempotencyKey())
      setNote({ ok: true, text: res.count ? `${res.count} 人开始公示，到 ${res.publicity.endsOn} 结束` : '没有新的审核通过的申请要公示' })
      void list.refresh()
    } catch (e) {
      setNote({ ok: false, text: isApiError(e) ? (Object.values(e.fields ?? {})[0] ?? e.message) : '没有成功，请再试一次' })
    }
  }

  const download = async () => {
    setNote(null)
    try {
      const query: Record<string, string> = { format: 'xlsx', scheme: String(scheme) }
      if (township) query.township = township
      setNote({ ok: true, text: await exportStaffCsv(publicityPath, query, '补贴公示名单.xlsx') })
    } catch (e) {
      setNote({ ok: false, text: (e as Error).message || '没有下载成功，请稍后再试' })
    }
  }

  const saveObjection = async () => {
    if (!objecting) return
    try {
      await addObjection(objecting.claimId, objection.trim(), newIdempotencyKey())
      setNote({ ok: true, text: `已记下对${objecting.name}的异议，请在“补贴审核”里核实处理` })
      setObjecting(null)
      setObjection('')
    } catch (e) {
      setNote({ ok: false, text: isApiError(e) ? (Object.values(e.fields ?? {})[0] ?? e.message) : '没有记下，请再试一次' })
    }
  }

  return (
    <View className='publicity-page'>
      <View className='publicity-page__tools'>
        <SchemePicker value={scheme} onChange={setScheme} />
        {admin && <Chips<Township | ''> scroll value={township} onChange={setTownship} options={[{ value: '', label: '全县' }, ...townships.map((t) => ({ value: t, label: t }))]} />}
        <FormField label='公示开始日期' hint='审核通过、还没公示的申请，从这天起公示'>
          <Input className='form-field__input publicity-page__starts' value={startsOn} maxlength={10} onInput={(e) => setStartsOn(e.detail.value.trim())} />
        </FormField>
        <View className='wb-row'>
          <View {...asButton} className='wb-small-button publicity-page__publish' onClick={() => scheme && void publish()}>
            <Text>开始公示</Text>
          </View>
          <View {...asButton} className='wb-small-button publicity-page__print' onClick={printPage}>
            <Text>打印公示名单</Text>
          </View>
          <View {...asButton} className='wb-small-button publicity-page__export' onClick={() => scheme && void download()}>
            <Text>下载 Excel</Text>
          </View>
        </View>
        {note && <Text className={note.ok ? 'wb-ok' : 'wb-message'}>{note.text}</Text>}
      </View>
      {scheme > 0 && (
        <StateView loading={list.loading} error={list.error} savedAt={list.savedAt} onRetry={() => void list.refresh()}>
          {list.data && (
            <PublicitySheet
              data={list.data}
              actions={(row) => (
                <Text {...asButton} className='publicity-page__tools publicity-page__object' onClick={() => setObjecting({ claimId: row.claimId, name: row.name })}>
                  {' '}
                  记异议
                </Text>
              )}
            />
          )}
        </StateView>
      )}
      <Dialog open={objecting !== null} title={`对${objecting?.name ?? ''}的异议`} confirmText='记下异议' onConfirm={() => void saveObjection()} onCancel={() => setObjecting(null)}>
        <TextArea className='form-field__input form-field__textarea' value={objection} maxlength={500} onChange={setObjection} label='异议内容' placeholder='谁在什么时候反映了什么' />
      </Dialog>
    </View>
  )
}
