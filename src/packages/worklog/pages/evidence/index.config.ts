export default definePageConfig({
  navigationBarTitleText: '记工证据单',
})
