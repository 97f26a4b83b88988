import { Text, View } from '@tarojs/components'
import { chinaDateTime } from '@contract/format'
import '../roster.scss'

/**
 * 有冲突，请核对: in the current 摸排 round someone changed this person between what the informant saw and their check.
 * The later write stands; both are in the history below. An officer's own check in the survey clears it.
 */
export function SurveyConflict({ conflict }: { conflict: { round: string; checkedAt: string } }) {
  return (
    <View className='roster-conflict' role='alert'>
      <Text className='roster-conflict__title'>有冲突，请核对</Text>
      <Text className='roster-conflict__line'>
        {conflict.round}：{chinaDateTime(conflict.checkedAt)} 信息员登记时，这个人的信息刚被别人改过。现在按后登记的算，两次修改都在下面的修改记录里。
      </Text>
      <Text className='roster-conflict__line'>乡镇专干或县里核对后，在摸排里再确认一次，这个提示就没有了。</Text>
    </View>
  )
}
