/** Folder rules of ../shared/STYLE.md, checked in `npm test` (test/dependency-rules.test.ts). */
module.exports = {
  forbidden: [
    {
      name: 'no-import-cycles',
      severity: 'error',
      comment: 'A cycle ties stages of the pipeline together; move the shared piece down instead.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'through-index-only',
      severity: 'error',
      comment: "A folder's index.ts is its public surface: reach into another folder only through it.",
      from: { path: '^harness/([^/]+)/' },
      to: { path: '^harness/[^/]+/.+', pathNot: ['^harness/$1/', '^harness/[^/]+/index\\.ts$'] },
    },
    {
      name: 'tests-through-index-only',
      severity: 'error',
      comment: 'End-to-end tests, containers and scripts use the harness as its folders offer it.',
      from: { path: '^(test|containers|scripts)/' },
      to: { path: '^harness/[^/]+/.+', pathNot: ['/index\\.ts$'] },
    },
    {
      name: 'engine-folders-through-index',
      severity: 'error',
      comment: "An engine's folder is reached through its index.ts: its descriptor and what it offers.",
      from: { path: '^harness/engines/[^/]+\\.ts$', pathNot: '\\.test\\.ts$' },
      to: { path: '^harness/engines/[^/]+/', pathNot: '^harness/engines/[^/]+/index\\.ts$' },
    },
    {
      name: 'engines-apart',
      severity: 'error',
      comment: 'An engine never reaches into another engine (what they share lives in harness/engines/ itself).',
      from: { path: '^harness/engines/([^/]+)/' },
      to: { path: '^harness/engines/[^/]+/', pathNot: ['^harness/engines/$1/'] },
    },
    {
      name: 'runner-knows-no-yaml',
      severity: 'error',
      comment: 'The runner works on the composed model; only harness/scenario parses YAML.',
      from: { path: '^harness/runner/' },
      to: { path: 'node_modules/yaml/' },
    },
    {
      name: 'scenario-knows-no-engines',
      severity: 'error',
      comment: 'The scenario layer knows nothing of engines, environments or the runner.',
      from: { path: '^harness/scenario/', pathNot: '\\.test\\.ts$' },
      to: { path: '^harness/(engines|environment|runner|processes|reporters)/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['harness/engines/paimon-java/java|harness/gateways/spark-warehouse', '^test/fixtures/dependency-rules/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
