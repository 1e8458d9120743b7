/** Request headers set by proxy.ts for the app (client-supplied values are removed first). */
export const REQUEST_ID_HEADER = 'x-request-id';
/** The original path and query of a tenant page request, so sign-in can send people back. */
export const PATH_HEADER_NAME = 'x-request-path';
