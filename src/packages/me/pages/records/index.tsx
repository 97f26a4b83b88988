import { Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { BigButton } from '@/components/big-button'
import { Section } from '@/components/section'

const kinds = {
  applications: {
    title: '我的报名',
    text: '岗位报名的功能还没有开放。开放以后，您报过名的岗位和每一家的回复都会显示在这里。',
    next: { label: '先去看看岗位', tab: '/pages/jobs/index' },
  },
  courses: {
    title: '我的课程',
    text: '培训报名的功能还没有开放。开放以后，您报名的培训课程、上课时间和结业证书都会显示在这里。',
    next: { label: '先去看看培训', tab: '/pages/training/index' },
  },
  help: {
    title: '我的求助',
    text: '在线求助还没有开放。开放以后，您提交的求助和办理的进度都会显示在这里。现在遇到欠薪等问题，请打“维权”页上的电话。',
    next: { label: '去维权页打电话', tab: '/pages/rights/index' },
  },
} as const

type Kind = keyof typeof kinds

/** 我的报名 / 我的课程 / 我的求助: honest placeholders until those services open. */
export default function RecordsPage() {
  const { params } = useRouter()
  const kind: Kind = params.kind && params.kind in kinds ? (params.kind as Kind) : 'applications'
  const info = kinds[kind]
  useLoad(() => {
    void Taro.setNavigationBarTitle({ title: info.title })
  })
  return (
    <View className='page'>
      <Section title={`${info.title}：还没有开放`}>
        <Text className='lead-text'>{info.text}</Text>
        <Text className='lead-text'>现在这里还没有您的记录。</Text>
        <BigButton variant='secondary' onClick={() => void Taro.switchTab({ url: info.next.tab })}>
          {info.next.label}
        </BigButton>
      </Section>
    </View>
  )
}
