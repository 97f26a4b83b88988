export default definePageConfig({
  navigationBarTitleText: '关于务工通',
})
