// Where this build's Google calls go: Google itself, or the local sandbox in a development build
// (`npm run build:dev`). Fixed at build time so a production build cannot be pointed elsewhere.

/** Replaced by esbuild's `define` (tools/build/extension.ts); absent when the code runs unbundled, in tests. */
declare const ROUNDS_GOOGLE_ORIGIN: string | undefined;

export const PRODUCTION_GOOGLE_ORIGIN = 'https://www.googleapis.com';

export const googleOrigin: string =
  typeof ROUNDS_GOOGLE_ORIGIN === 'string' ? ROUNDS_GOOGLE_ORIGIN : PRODUCTION_GOOGLE_ORIGIN;

export const isSandboxBuild = googleOrigin !== PRODUCTION_GOOGLE_ORIGIN;
