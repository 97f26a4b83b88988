export default definePageConfig({
  navigationBarTitleText: '我能领的补贴',
})
