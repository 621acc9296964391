// linkedom's dependencies (css-select, htmlparser2's DOM helpers, entities…) ship as ES modules only. Node 20
// loads them through require(esm), but jest's module runtime does not, so jest compiles just those packages
// to CommonJS. Everything else in node_modules is left alone.
const ESM_ONLY = [
  'boolbase',
  'css-select',
  'css-what',
  'cssomnom',
  'dom-serializer',
  'domelementtype',
  'domhandler',
  'domutils',
  'entities',
  'html-escaper',
  'htmlparser2',
  'linkedom',
  'nth-check',
  'uhyphen',
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type errors are caught by `npm run typecheck`; ts-jest only transpiles here, which keeps the suite fast.
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
    '^.+\\.m?js$': [
      'ts-jest',
      { diagnostics: false, tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  testTimeout: 30000,
};
