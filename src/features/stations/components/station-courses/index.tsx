import { Text } from '@tarojs/components'
import { ListRow } from '@/components/list-row'
import { Section } from '@/components/section'
import { useCityCourses } from '../../api/use-city-courses'
import '../station-jobs/index.scss'

interface Props {
  city: string
  onOpenCourse: (id: number) => void
}

/** Order courses (下单培训) whose graduates are placed in this station's city; nothing at all when there are none. */
export function StationCourses({ city, onOpenCourse }: Props) {
  const { courses, loading, error } = useCityCourses(city)
  if (loading || error || courses.length === 0) return null
  return (
    <Section title={`学好了去${city}上班的培训`}>
      <Text className='station-jobs__note'>先培训，学完由企业接收到{city}上班：</Text>
      {courses.map((c) => (
        <ListRow key={c.id} title={c.title} note={`${c.startDate} 开课 · ${c.partnerEmployer ?? c.provider}`} onClick={() => onOpenCourse(c.id)} />
      ))}
    </Section>
  )
}
