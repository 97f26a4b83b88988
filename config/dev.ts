import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    // `taro build --type h5 --watch` serves the app here and forwards /api to the local server (npm run server).
    devServer: {
      port: 10086,
      historyApiFallback: true,
      proxy: [{ context: ['/api'], target: 'http://localhost:3000', changeOrigin: true }],
    },
  },
} satisfies UserConfigExport<'webpack5'>
