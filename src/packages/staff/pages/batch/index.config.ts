export default definePageConfig({ navigationBarTitleText: '专车' })
