// babel-preset-taro compiles the app; under jest (NODE_ENV=test) it targets the running node.
// NutUI on demand: `import { Tabs } from '@nutui/nutui-react-taro'` becomes an import of that one component and its CSS.
// The paths NutUI's docs give (dist/esm/...) do not exist in 3.0.20; dist/es/packages/<lower-case name> does.
// The H5 portal opens in WeChat's built-in browser (Chromium-based XWeb) or a phone's own, all of which run ES2017:
// native async/await and classes start faster on a cheap phone than their ES5 rewrites. The mini-program keeps the
// package.json browserslist, which WeChat's own runtimes (old iOS JavaScriptCore included) need.
const h5Targets = { chrome: '61', ios: '11', safari: '11' }

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', ...(process.env.TARO_ENV === 'h5' ? { targets: h5Targets } : {}) }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
  // The app builds the contract's schemas on first use (config/lazy-contract.js); the mini-program's main package
  // carries only the contract's schemas its tabs use (config/pure-contract.js). The server and jest take types/ as written.
  overrides: process.env.TARO_ENV
    ? [
        {
          test: /[\\/]types[\\/][^\\/]+\.ts$/,
          exclude: /[\\/]types[\\/]lazy\.ts$/,
          plugins: [
            require.resolve('./config/lazy-contract.js'),
            ...(process.env.TARO_ENV === 'weapp' ? [require.resolve('./config/pure-contract.js')] : []),
          ],
        },
      ]
    : [],
}
