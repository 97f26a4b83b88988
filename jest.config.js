// Four suites: the server (node, real database), the app (jsdom, Taro shimmed onto its H5 runtime),
// end-to-end (the built portal in Chromium against the real server) and weapp (the built mini-program under
// WeChat's wcc/exparser against the real server).
const esm = ['cookie', 'tslib', '\\.pnpm', '@tarojs', '@nutui', '@stencil', 'swiper', 'nanoid', 'style-inject', 'query-string', 'lodash-es', 'decode-uri-component', 'split-on-first', 'filter-obj', 'zod', 'gcoord']

module.exports = {
  // Each server file builds its own migrated, seeded database in beforeAll: on PostgreSQL beside a second worker that
  // took over 5 s once in CI, and a hook past its time-out leaves its pool open. Tests are not timed; benches are.
  // Jest reads this here, not per project; the journeys set their own 60 s in their setup files.
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'server',
      testEnvironment: 'node',
      roots: ['<rootDir>/server', '<rootDir>/types', '<rootDir>/tests/server'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.[jt]sx?$': 'babel-jest' },
      transformIgnorePatterns: [`/node_modules/(?!(${esm.join('|')})/)`],
    },
    {
      displayName: 'app',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/src'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      setupFiles: ['<rootDir>/tests/support/app/setup-globals.js'],
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/tests/support/app/taro-shim.ts',
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^lodash-es$': 'lodash',
        '\\.(css|scss|sass|less)$': '<rootDir>/tests/support/app/style-stub.js',
        '^@/(.*)$': '<rootDir>/src/$1',
        '^@contract$': '<rootDir>/types/index.ts',
        '^@contract/(.*)$': '<rootDir>/types/$1',
      },
      transform: {
        '^.+\\.[jt]sx?$': 'babel-jest',
        '^.+\\.mjs$': 'babel-jest',
        '\\.(png|jpe?g|gif)$': '<rootDir>/tests/support/app/file-transform.js',
      },
      transformIgnorePatterns: [`/node_modules/(?!(${esm.join('|')})/)`],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/e2e'],
      testMatch: ['**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/e2e/support/setup.ts'],
      transform: { '^.+\\.[jt]sx?$': 'babel-jest' },
    },
    {
      // The weapp build rendered by WeChat's wcc/exparser (miniprogram-simulate) against the real server.
      displayName: 'weapp',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/weapp'],
      testMatch: ['**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/weapp/support/dom-globals.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/weapp/support/setup.ts'],
      transform: { '^.+\\.[jt]sx?$': 'babel-jest' },
      // The build runs as WeChat runs it: untransformed.
      transformIgnorePatterns: ['/node_modules/', '/wgt-weapp-build-'],
    },
  ],
}
