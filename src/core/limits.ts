// Limits and hash shapes shared by the server and the browser pages: plain values, importing nothing, so a page bundles only these.

/** Most files one submission may carry. */
export const MAX_FILES = 50;
/** Most vPDQ frames per video: one a second for two hours. */
export const MAX_VPDQ_FRAMES = 7200;
/** Largest submission body the server accepts, in bytes. */
export const MAX_SUBMISSION_BYTES = 64 * 1024;
/** What the page lets its `files` take: the server's bound less room for the token and rounding. */
export const MAX_PAGE_BODY_BYTES = MAX_SUBMISSION_BYTES - 512;

/** Below this PDQ quality a hash is too unstable to match on (`PdqSignal.QUALITY_THRESHOLD`); it is kept but marked weak (PDQ.md §10). */
export const PDQ_QUALITY_THRESHOLD = 50;
/** vPDQ frames below this quality are left out of matching. */
export const VPDQ_QUALITY_THRESHOLD = PDQ_QUALITY_THRESHOLD;

/** Hex digits of each hash's text form. */
export const HEX_LENGTH = { md5: 32, sha256: 64, pdq: 64 } as const;
