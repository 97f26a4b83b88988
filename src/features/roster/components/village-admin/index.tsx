import { useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { isApiError, newIdempotencyKey } from '@/api'
import type { Township } from '@contract/places'
import type { VillageOverview } from '@contract/staff-villages'
import { chinaDateTime } from '@contract/format'
import { asButton, asLink } from '@/lib/a11y'
import { openPage } from '@/lib/navigate'
import { BigButton } from '@/components/big-button'
import { FormField } from '@/components/form-field'
import { StateView } from '@/components/state-view'
import { createVillage, renameVillage, useVillagesOverview } from '../../api/roster'
import { count } from '../../lib/describe'
import { rosterPaths } from '../../lib/paths'
import '../roster.scss'

/** 2026-12-01 10:30 县人社局管理员改名，原名 黄河村 */
export const renamedLine = (r: NonNullable<VillageOverview['renamed']>) => `${chinaDateTime(r.at)} ${r.by}改名，原名 ${r.from}`

const failureText = (e: unknown, fallback: string) => (isApiError(e) ? (e.fields?.name ?? e.message) : fallback)

/**
 * 村庄管理 (admins): the 15 townships with their villages and the people of each; a township opens to its villages,
 * where a village is renamed (recorded: who, when, the old name) and a new one added.
 */
export function VillageAdmin() {
  const { data, error, loading, refresh, savedAt } = useVillagesOverview()
  const [open, setOpen] = useState<Township | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const saved = (text: string) => {
    setMessage(text)
    void refresh()
  }
  return (
    <StateView loading={loading && !data} error={error} savedAt={savedAt} onRetry={() => void refresh()}>
      {message && (
        <Text className='wb-ok' aria-live='polite'>
          {message}
        </Text>
      )}
      {data && (
        <Text className='roster-count'>
          全县 {data.townships.length} 个乡镇，{count(data.townships.reduce((n, t) => n + t.villages.length, 0))} 个村（社区），台账里 {count(data.townships.reduce((n, t) => n + t.people, 0))} 人
        </Text>
      )}
      {data?.townships.map((t) => (
        <View key={t.township} className='roster-village-township'>
          <View
            {...asButton}
            aria-expanded={open === t.township ? 'true' : 'false'}
            className='roster-row'
            hoverClass='roster-row--pressed'
            onClick={() => {
              setMessage(null)
              setOpen(open === t.township ? null : t.township)
            }}
          >
            <Text className='roster-row__name'>
              {t.township} {open === t.township ? '▾' : '›'}
            </Text>
            <Text className='roster-row__line'>
              {t.villages.length} 个村（社区） · {count(t.people)} 人
            </Text>
          </View>
          {open === t.township && (
            <View className='roster-village-list'>
              {t.villages.map((v) => (
                <VillageRow key={v.id} village={v} onSaved={saved} />
              ))}
              <AddVillage township={t.township} onSaved={saved} />
            </View>
          )}
        </View>
      ))}
    </StateView>
  )
}

function VillageRow({ village: v, onSaved }: { village: VillageOverview; onSaved: (text: string) => void }) {
  const [renaming, setRenaming] = useState(false)
  const [name, setName] = useState(v.name)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async () => {
    if (busy) return
    const next = name.trim()
    if (next === v.name) return setRenaming(false)
    setBusy(true)
    setProblem(null)
    try {
      await renameVillage(v.id, next)
      setRenaming(false)
      onSaved(`${v.name}已改名为${next}`)
    } catch (e) {
      setProblem(failureText(e, '没有改成，请再试一次'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='roster-change roster-village'>
      <View {...asLink} className='roster-village__name' onClick={() => openPage(rosterPaths.people({ township: v.township, villageId: v.id }))}>
        <Text className='roster-row__name'>
          {v.name} · {count(v.people)} 人 ›
        </Text>
      </View>
      {v.officialName !== v.name && <Text className='roster-change__line'>登记名：{v.officialName}</Text>}
      {v.renamed && <Text className='roster-change__line'>{renamedLine(v.renamed)}</Text>}
      {renaming ? (
        <View>
          <FormField label={`${v.name}的新名字`} error={problem ?? undefined}>
            <Input className='form-field__input roster-village__rename' value={name} maxlength={20} aria-label={`${v.name}的新名字`} onInput={(e) => setName(e.detail.value)} />
          </FormField>
          <BigButton disabled={busy} onClick={() => void save()}>
            {busy ? '正在保存…' : '保存新名字'}
          </BigButton>
          <BigButton
            variant='secondary'
            onClick={() => {
              setRenaming(false)
              setName(v.name)
              setProblem(null)
            }}
          >
            不改了
          </BigButton>
        </View>
      ) : (
        <BigButton variant='secondary' className='roster-village__rename-button' onClick={() => setRenaming(true)}>
          改名
        </BigButton>
      )}
    </View>
  )
}

function AddVillage({ township, onSaved }: { township: Township; onSaved: (text: string) => void }) {
  const [name, setName] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // One key per village: a retry after a lost answer adds it once.
  const attempt = useRef<{ key: string; name: string } | null>(null)

  const add = async () => {
    if (busy) return
    const next = name.trim()
    if (!next) return setProblem('请写村名')
    if (!attempt.current || attempt.current.name !== next) attempt.current = { key: newIdempotencyKey(), name: next }
    setBusy(true)
    setProblem(null)
    try {
      await createVillage({ township, name: next }, attempt.current.key)
      attempt.current = null
      setName('')
      onSaved(`${township}添加了${next}`)
    } catch (e) {
      setProblem(failureText(e, '没有添加成功，请再试一次'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='roster-member'>
      <FormField label={`给${township}添加一个村`} hint='例如 新建移民村；重名的不能添加' error={problem ?? undefined}>
        <Input className='form-field__input roster-village__new' value={name} maxlength={20} aria-label={`给${township}添加的村名`} onInput={(e) => setName(e.detail.value)} />
      </FormField>
      <BigButton disabled={busy} onClick={() => void add()}>
        {busy ? '正在添加…' : '添加这个村'}
      </BigButton>
    </View>
  )
}
