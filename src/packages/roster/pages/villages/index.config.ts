export default definePageConfig({ navigationBarTitleText: '村庄管理' })
