export default definePageConfig({ navigationBarTitleText: '摸排添人' })
