// Lint: typescript-eslint's recommended rules plus the zones that keep the shape — one pure core,
// thin platform edges that never import each other. Each zone's message is the sentence to read.
import tseslint from 'typescript-eslint';

const SHARED_IS_PURE =
  'shared/ is the pure core: it cannot import the extension, the add-on, tools or Node; pass I/O in through an interface.';
const EXTENSION_ALONE = 'extension/ cannot import apps-script/ or tools/: move what both need into shared/.';
const ADDON_ALONE = 'apps-script/ cannot import extension/ or tools/: move what both need into shared/.';
const NO_TEST_IMPORTS = 'Nothing ships code from test/: move what you need into shared/ or tools/.';
const ONE_BROWSER_WRAPPER =
  'Only extension/platform/ touches the chrome.* / browser.* APIs: call its wrapper, so each browser difference is handled in one place.';
const ONE_APPS_SCRIPT_WRAPPER =
  'Only apps-script/services/ touches Apps Script services: take them through its small interfaces, so the logic runs (and is tested) in Node.';
const NO_GOOGLEAPIS =
  'googleapis is for Node-side tests and tools only (209 MB, no browser build): use shared/google with `import type` from @googleapis/*.';

/** The Apps Script service globals (@types/google-apps-script), less the ones other platforms share (Date, console, MimeType). */
const APPS_SCRIPT_GLOBALS = [
  'Browser',
  'CacheService',
  'CalendarApp',
  'CardService',
  'Charset',
  'Charts',
  'ConferenceDataService',
  'ContactsApp',
  'ContentService',
  'DataStudioApp',
  'DigestAlgorithm',
  'DocumentApp',
  'DriveApp',
  'FormApp',
  'GmailApp',
  'GroupsApp',
  'HtmlService',
  'Jdbc',
  'LanguageApp',
  'LinearOptimizationService',
  'LockService',
  'Logger',
  'MacAlgorithm',
  'MailApp',
  'Maps',
  'PropertiesService',
  'RsaAlgorithm',
  'ScriptApp',
  'ScriptProperties',
  'Session',
  'SitesApp',
  'SlidesApp',
  'SpreadsheetApp',
  'UrlFetchApp',
  'UserProperties',
  'Utilities',
  'XmlService',
];
const PRODUCT_CODE = ['shared/**/*.{ts,tsx}', 'extension/**/*.{ts,tsx}', 'apps-script/**/*.{ts,tsx}'];
const browserFence = [
  'error',
  ...['chrome', 'browser'].map((name) => ({ name, message: ONE_BROWSER_WRAPPER })),
];
const appsScriptFence = APPS_SCRIPT_GLOBALS.map((name) => ({ name, message: ONE_APPS_SCRIPT_WRAPPER }));

const zone = (groups) => ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }];
const notTest = [['**/test/**', '../test/*', '../../test/*'], NO_TEST_IMPORTS];
const noGoogleapis = [['googleapis', 'googleapis/*'], NO_GOOGLEAPIS];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.sandbox/**', 'test/.tmp/**', 'out/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': zone([
        [
          [
            '**/extension/**',
            '**/extension',
            '**/apps-script/**',
            '**/apps-script',
            '**/tools/**',
            '**/tools',
          ],
          SHARED_IS_PURE,
        ],
        [
          ['node:*', 'fs', 'path', 'http', 'https', 'crypto', 'webextension-polyfill', 'postal-mime'],
          SHARED_IS_PURE,
        ],
        noGoogleapis,
        notTest,
      ]),
    },
  },
  {
    files: ['extension/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': zone([
        [['**/apps-script/**', '**/apps-script', '**/tools/**', '**/tools'], EXTENSION_ALONE],
        noGoogleapis,
        notTest,
      ]),
    },
  },
  {
    files: ['apps-script/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': zone([
        [['**/extension/**', '**/extension', '**/tools/**', '**/tools'], ADDON_ALONE],
        noGoogleapis,
        notTest,
      ]),
    },
  },
  {
    files: ['tools/**/*.ts'],
    rules: { 'no-restricted-imports': zone([notTest]) },
  },
  // The two platform wrappers, fenced by the globals only they may use (tests and tools may poke fakes). Flat
  // config does not merge one rule's options across blocks, so each file set gets the whole list it needs.
  {
    files: PRODUCT_CODE,
    rules: { 'no-restricted-globals': [...browserFence, ...appsScriptFence] },
  },
  { files: ['extension/platform/**'], rules: { 'no-restricted-globals': ['error', ...appsScriptFence] } },
  { files: ['apps-script/services/**'], rules: { 'no-restricted-globals': browserFence } },
);

export const zoneMessages = {
  SHARED_IS_PURE,
  EXTENSION_ALONE,
  ADDON_ALONE,
  NO_TEST_IMPORTS,
  NO_GOOGLEAPIS,
  ONE_BROWSER_WRAPPER,
  ONE_APPS_SCRIPT_WRAPPER,
};
