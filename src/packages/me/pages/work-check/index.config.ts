export default definePageConfig({
  navigationBarTitleText: '务工情况',
})
