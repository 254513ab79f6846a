// Type-aware lint: the rule that matters most is no-floating-promises, which catches an
// un-awaited write (a save that silently fails) the way the type-checker cannot.
// eslint-plugin-regexp: a note is pasted text of any shape, and one backtracking regex over a long
// line froze the editor for minutes (issue #12). Super-linear patterns are errors, not warnings.
import tseslint from 'typescript-eslint';
import regexpPlugin from 'eslint-plugin-regexp';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'dist-vsix/**', '.vscode-test/**', 'node_modules/**', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  { ...regexpPlugin.configs.recommended, files: ['src/**/*.ts', 'test/**/*.ts'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'regexp/no-misleading-capturing-group': 'error',
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The webview renders untrusted text; markup may enter the DOM only through the one
    // sanitizing renderer, never by assigning HTML directly.
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM with h() or render through the sanitizing markdown renderer.' },
        { property: 'outerHTML', message: 'Build DOM with h().' },
        { property: 'insertAdjacentHTML', message: 'Build DOM with h().' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Use h() or the sanitizing renderer.' },
      ],
    },
  },
);
