// Where this build's Google calls go: Google itself, or the local sandbox in a development build
// (`npm run build:dev`). Fixed at build time so a production build cannot be pointed elsewhere.

/** Replaced by esbuild's `define` (tools/build/extension.ts); absent when the code runs unbundled, in tests. */
declare const ROUNDS_GOOGLE_ORIGIN: string | undefined;

export const PRODUCTION_GOOGLE_ORIGIN = 'https://www.googleapis.com';

export const googleOrigin: string =
  typeof ROUNDS_GOOGLE_ORIGIN === 'string' ? ROUNDS_GOOGLE_ORIGIN : PRODUCTION_GOOGLE_ORIGIN;

export const isSandboxBuild = googleOrigin !== PRODUCTION_GOOGLE_ORIGIN;

/** Sheets has its own host at Google; the sandbox serves both APIs on one origin. */
export const sheetsOrigin: string = isSandboxBuild ? googleOrigin : 'https://sheets.googleapis.com';

/** Google's consent page (OAuth 2.0 authorization endpoint); the sandbox serves a stand-in at the same path. */
export const authorizationEndpoint: string = `${
  isSandboxBuild ? googleOrigin : 'https://accounts.google.com'
}/o/oauth2/v2/auth`;

/** The signed-in user's address (OpenID Connect userinfo, on the API host Rounds may already reach). */
export const userinfoEndpoint = `${googleOrigin}/oauth2/v3/userinfo`;

/** Replaced by esbuild's `define` from ROUNDS_OAUTH_CLIENT_ID at build time (see docs/extension.md). */
declare const ROUNDS_OAUTH_CLIENT_ID: string | undefined;

/**
 * The OAuth client Rounds signs in as: a "Web application" client registered with this build's redirect
 * address. A sandbox build needs none (its stand-in consent page accepts its own client id).
 */
export const oauthClientId: string | undefined =
  typeof ROUNDS_OAUTH_CLIENT_ID === 'string' && ROUNDS_OAUTH_CLIENT_ID !== ''
    ? ROUNDS_OAUTH_CLIENT_ID
    : isSandboxBuild
      ? 'rounds-sandbox-client'
      : undefined;
