export default definePageConfig({ navigationBarTitleText: '摸排进度' })
