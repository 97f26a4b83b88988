import { Text, View } from '@tarojs/components'
import type { ResponseOf } from '@contract/endpoint'
import type { staffSubsidyPublicity } from '@contract/subsidies'
import { dateText } from '../../lib/describe'
import '../staff-subsidies.scss'

type Publicity = ResponseOf<typeof staffSubsidyPublicity>

/** The 公示 list as it goes on the village notice board: names masked (王*五), village, scheme, amount, the dates. */
export function PublicitySheet({ data, actions }: { data: Publicity; actions?: (row: Publicity['items'][number]) => React.ReactNode }) {
  const periods = [...new Set(data.windows.map((w) => `${dateText(w.startsOn)}至${dateText(w.endsOn)}`))]
  return (
    <View className='publicity-sheet'>
      <Text className='publicity-sheet__title'>
        {data.township ?? '武山县'}
        {data.scheme.year}年{data.scheme.name}公示名单
      </Text>
      {data.items.length === 0 ? (
        // Nobody yet: say what the list is for instead of an empty table and 共 0 人.
        <View className='publicity-sheet__empty'>
          <Text className='publicity-sheet__empty-title'>这一批还没有公示名单</Text>
          <Text className='publicity-sheet__empty-text'>
            公示名单是审核通过、要发补贴的人，贴到村里的公示栏，大家看过没有异议再发钱。审核通过的申请点“开始公示”后列在这里。
          </Text>
        </View>
      ) : (
        <FilledSheet data={data} periods={periods} actions={actions} />
      )}
    </View>
  )
}

function FilledSheet({ data, periods, actions }: { data: Publicity; periods: string[]; actions?: (row: Publicity['items'][number]) => React.ReactNode }) {
  return (
    <>
      <Text className='publicity-sheet__dates'>公示时间：{periods.length ? periods.join('；') : '还没有开始公示'}</Text>
      <View className='publicity-sheet__row publicity-sheet__row--head'>
        <Text>姓名</Text>
        <Text>乡镇、村</Text>
        <Text>补贴</Text>
        <Text>金额（元）</Text>
      </View>
      {data.items.map((r) => (
        <View key={r.claimId} className='publicity-sheet__row'>
          <Text className='publicity-sheet__name'>{r.name}</Text>
          <Text>
            {r.township}
            {r.village}
          </Text>
          <Text>{r.scheme}</Text>
          <Text>
            {r.amountYuan}
            {actions?.(r)}
          </Text>
        </View>
      ))}
      <Text className='publicity-sheet__total'>
        共 {data.items.length} 人，合计 {data.totalYuan} 元
      </Text>
      <Text className='publicity-sheet__foot'>公示期间对名单有异议的，请向乡镇劳务工作站或县劳务输转服务中心反映。</Text>
    </>
  )
}
