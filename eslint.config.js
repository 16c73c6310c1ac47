// One lint setup for the whole repository. The process boundaries are
// enforced here: src-main, src-renderer and src-server never import each
// other, and shared/ imports none of them and no Node built-ins (it holds
// no I/O, so the same code runs in all three processes).
import path from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const processFolders = ['shared', 'src-main', 'src-renderer', 'src-server'];

/** Which top-level folders each folder may import from. */
const allowedImports = {
  shared: ['shared'],
  'src-main': ['src-main', 'shared'],
  'src-renderer': ['src-renderer', 'shared'],
  'src-server': ['src-server', 'shared'],
};

const repoRoot = path.dirname(new URL(import.meta.url).pathname);

function topFolder(file) {
  return path.relative(repoRoot, file).split(path.sep)[0];
}

const boundaries = {
  rules: {
    'process-boundaries': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const from = topFolder(context.filename);
        const allowed = allowedImports[from];
        if (!allowed) return {};
        function check(node, source) {
          if (typeof source !== 'string') return;
          if (
            from === 'shared' &&
            (source.startsWith('node:') || isNodeBuiltin(source))
          ) {
            context.report({
              node,
              message: `shared/ does no I/O: "${source}" is not allowed`,
            });
            return;
          }
          if (!source.startsWith('.')) return;
          const target = topFolder(path.resolve(path.dirname(context.filename), source));
          if (processFolders.includes(target) && !allowed.includes(target)) {
            context.report({ node, message: `${from}/ must not import from ${target}/` });
          }
        }
        return {
          ImportDeclaration: (node) => check(node, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
          ExportAllDeclaration: (node) => check(node, node.source.value),
          ImportExpression: (node) => check(node, node.source.value),
        };
      },
    },
  },
};

const nodeBuiltins = new Set([
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'url',
  'stream',
  'worker_threads',
  'zlib',
  'events',
  'util',
  'buffer',
  'process',
]);
function isNodeBuiltin(source) {
  return nodeBuiltins.has(source.split('/')[0]);
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: repoRoot },
      globals: { ...globals.node },
    },
    plugins: { dxer: boundaries },
    rules: {
      'dxer/process-boundaries': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'prefer-promise-reject-errors': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Scripts, tests and benchmarks report to a terminal.
    files: ['tests/**', 'scripts/**', '**/*.test.ts', '**/*.test.tsx', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
);
