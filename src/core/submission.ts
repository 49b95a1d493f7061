// The shape of a submission from the hashing page: hashes only, every field checked, nothing else accepted.

import { z } from 'zod';
import { HEX_LENGTH, MAX_FILES, MAX_VPDQ_FRAMES } from './limits';

export { MAX_FILES, MAX_SUBMISSION_BYTES, MAX_VPDQ_FRAMES, PDQ_QUALITY_THRESHOLD } from './limits';

const hex = (length: number) =>
  z
    .string({ error: `expected ${length} hexadecimal characters` })
    .regex(new RegExp(`^[0-9a-fA-F]{${length}}$`), `expected ${length} hexadecimal characters`)
    .transform((v) => v.toLowerCase());

const quality = z.number({ error: 'expected a whole number from 0 to 100' }).int('expected a whole number from 0 to 100').min(0, 'expected a whole number from 0 to 100').max(100, 'expected a whole number from 0 to 100');


/** One frame hash a second, in the shape `reclaim hash` and the page produce. */
const vpdqFrame = z.strictObject({
  pdq: hex(HEX_LENGTH.pdq),
  quality,
  frame: z.number().int().min(0).max(1e9).optional(),
  timestamp: z.number().min(0).max(1e7).optional(),
});

const imageFile = z.strictObject({
  type: z.literal('image'),
  md5: hex(HEX_LENGTH.md5),
  sha256: hex(HEX_LENGTH.sha256),
  pdq: hex(HEX_LENGTH.pdq).optional(),
  quality: quality.optional(),
});

const videoFile = z.strictObject({
  type: z.literal('video'),
  md5: hex(HEX_LENGTH.md5),
  sha256: hex(HEX_LENGTH.sha256),
  vpdq: z.array(vpdqFrame).max(MAX_VPDQ_FRAMES, `at most ${MAX_VPDQ_FRAMES} frames`).optional(),
});

const file = z.discriminatedUnion('type', [imageFile, videoFile], { error: 'expected type "image" or "video"' }).superRefine((f, ctx) => {
  if (f.type === 'image' && (f.pdq === undefined) !== (f.quality === undefined)) {
    ctx.addIssue({ code: 'custom', path: [f.pdq === undefined ? 'pdq' : 'quality'], message: 'pdq and quality go together' });
  }
});

export const submissionSchema = z.strictObject({
  token: z.string({ error: 'expected the token from the link' }).regex(/^[A-Za-z0-9_-]{16,128}$/, 'expected the token from the link'),
  files: z.array(file, { error: 'expected a list of files' }).min(1, 'at least one file').max(MAX_FILES, `at most ${MAX_FILES} files`),
});

export type Submission = z.output<typeof submissionSchema>;
export type SubmittedFile = Submission['files'][number];

/** Validation result: the submission, or the first problem with the field it concerns (`files[2].md5`). */
export type SubmissionCheck = { ok: true; value: Submission } | { ok: false; field: string; message: string };

/** Checks an already-parsed JSON body. */
export function checkSubmission(body: unknown): SubmissionCheck {
  const result = submissionSchema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const field = formatPath([...issue.path, issue.keys[0] ?? '']);
    return { ok: false, field, message: `${field}: not accepted (only hashes are)` };
  }
  const field = formatPath(issue.path) || 'body';
  return { ok: false, field, message: `${field}: ${issue.message}` };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}
