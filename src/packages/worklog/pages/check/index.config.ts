export default definePageConfig({
  navigationBarTitleText: '对工',
})
