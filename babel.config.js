// babel-preset-taro compiles the app; under jest (NODE_ENV=test) it targets the running node.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
}
