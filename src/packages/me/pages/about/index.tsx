import { Text } from '@tarojs/components'
import { Section } from '@/components/section'
import { PageRoot } from '@/components/page-root'
import './index.scss'

export default function AboutPage() {
  return (
    <PageRoot className='about-page'>
      <Section title='务工通是什么'>
        <Text className='about-page__text'>
          务工通帮武山县外出务工的乡亲找工作、报名技能培训、遇到欠薪等问题时求助，并找到各地的流动党员党支部、驻外劳务工作站和企业直招点。
        </Text>
        <Text className='about-page__text'>本服务由武山县劳务输转服务中心提供，使用全部免费。</Text>
        <Text className='about-page__text'>
          岗位由驻外劳务工作站、直招点和县劳务部门核实后发布。任何要求您先交钱、交押金的招聘，都不是我们发布的，请打电话举报。
        </Text>
      </Section>

      <Section title='标着“示例”的内容'>
        <Text className='about-page__text'>服务刚上线，部分岗位、培训和组织是演示用的示例，标有“示例”二字，不要按示例去报名或打电话。</Text>
      </Section>

      <Section title='您的信息'>
        <Text className='about-page__text'>不登录也能找工作、看培训、打电话求助，这时我们不收集您的姓名和电话。</Text>
        <Text className='about-page__text'>
          您点“用我的位置找最近的”时，手机会先问您是否允许。位置只用来找离您最近的组织，不会保存。
        </Text>
        <Text className='about-page__text about-page__note'>
          登录后收集哪些信息、做什么用、保存多久、怎么删除，都写在“我的 → 隐私政策”里。
        </Text>
      </Section>
    </PageRoot>
  )
}
