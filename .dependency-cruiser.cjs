/**
 * Layer rules of src/, as an allow-list: an import is an error unless a rule below grants it
 * (see README, Architecture). Run by `npm run lint:deps` and test/architecture.test.ts.
 * Imports go one way: domain ← ingest ← clean ← enrich ← cluster ← pipeline ← store users
 * (web, jobs, cli, demo) ← main.ts. Tests (*.test.ts, *.contract.ts) may import anything.
 */
const layer = (name) => `^src/${name}/`;
const any = (...names) => `^src/(${names.join('|')})/`;

/** What each layer may import besides itself, packages and Node's own modules. */
const grants = {
  domain: [],
  config: ['domain'],
  ingest: ['domain'],
  clean: ['domain'],
  enrich: ['domain', 'clean'],
  cluster: ['domain'],
  pipeline: ['domain', 'ingest', 'clean', 'enrich', 'cluster', 'store'],
  store: ['domain', 'cluster', 'config'],
  publish: ['domain', 'store'],
  jobs: ['domain', 'ingest', 'clean', 'cluster', 'pipeline', 'store'],
  accounts: ['domain', 'store'],
  observe: ['domain', 'store'],
  web: ['domain', 'config', 'ingest', 'clean', 'pipeline', 'store', 'publish', 'images', 'accounts', 'observe'],
  // The image endpoint's fetch, resize and disk store; it fetches through ingest's guarded fetcher.
  images: ['domain', 'config', 'ingest', 'store'],
  demo: ['domain', 'ingest', 'clean', 'pipeline', 'store'],
  cli: ['domain', 'config', 'ingest', 'clean', 'cluster', 'pipeline', 'store', 'jobs', 'accounts'],
};

module.exports = {
  allowedSeverity: 'error',
  allowed: [
    { comment: 'packages and Node built-ins', from: {}, to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'core'] } },
    { comment: 'tests and contract suites may import what they exercise', from: { path: '\\.(test|contract)\\.tsx?$|^test/|^bench/' }, to: {} },
    ...Object.entries(grants).map(([name, may]) => ({
      comment: `${name} imports itself${may.length ? `, ${may.join(', ')}` : ''}`,
      from: { path: layer(name) },
      to: { path: may.length ? any(name, ...may) : layer(name) },
    })),
    { comment: 'main.ts is the composition root: it wires every layer but the CLI on top of it', from: { path: '^src/main\\.ts$' }, to: { path: '^src/(?!cli/)' } },
    {
      comment: 'command-context.ts is the composition root of the one-shot commands: config, store, pipeline (and the server secret)',
      from: { path: '^src/command-context\\.ts$' },
      to: { path: '^src/(config|domain|pipeline|store)/|^src/images/image-secret\\.ts$' },
    },
    { comment: 'CLI commands start through a composition root (startGazette; withStore, withIngest)', from: { path: layer('cli') }, to: { path: '^src/(main|command-context)\\.ts$' } },
    {
      comment: 'the WebSub callback routes are the transport of jobs/websub (hub verification and pushed content)',
      from: { path: '^src/web/websub/' },
      to: { path: '^src/jobs/(websub/|schedule-rules\\.ts$)' },
    },
    {
      comment: 'the partner webhook API and the admin webhook pages are transports of jobs/webhooks (registration with the SSRF check, secret rotation)',
      from: { path: '^src/web/(api/partner-webhooks\\.ts|admin/webhooks-pages\\.tsx)$' },
      to: { path: '^src/jobs/webhooks/(register-webhook|rotate-webhook-secret)\\.ts$' },
    },
  ],
  forbidden: [
    {
      name: 'views-only-render',
      comment: 'Views turn domain values into markup; pages and page-context load the data. (story-links.tsx still loads its own: to be moved.) feed-links.ts and image-urls.ts only build URLs.',
      severity: 'error',
      from: { path: '^src/web/views/', pathNot: '^src/web/views/story-links\\.tsx$' },
      to: { path: '^src/', pathNot: ['^src/(domain|web/views)/', '^src/web/feeds/feed-links\\.ts$', '^src/web/images/image-urls\\.ts$'] },
    },
    {
      name: 'database-drivers-in-store-only',
      comment: 'Only store/ speaks SQL: database drivers and the query builder stay there.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/store/', '\\.(test|contract)\\.tsx?$'] },
      to: { path: 'node_modules/(kysely|pg|better-sqlite3)/' },
    },
    {
      name: 'no-development-dependencies-at-run-time',
      comment: 'What src/ runs must be a dependency, so that an install without devDependencies runs it: compromise, for one, is only for scripts/build-word-tags.mjs and the test that checks its output.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.(test|contract)\\.tsx?$' },
      to: { dependencyTypes: ['npm-dev'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '/testdata/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'], exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
