// Decides whether a chosen file is hashed as an image or a video, from its MIME type or, failing that, its name.

/** The two kinds the submission contract knows. */
export type MediaKind = 'image' | 'video';

/** What a chosen file is to the page: a photo, a video, or something it does not fingerprint (never sent). */
export type FileKind = MediaKind | 'other';

const VIDEO_EXTENSIONS = /\.(mp4|m4v|mov|qt|3gp|3g2|mkv|webm|avi|wmv|asf|flv|ts|mts|m2ts|mpe?g|ogv)$/i;
/** Names that are certainly not pictures: documents, text, sound, archives. */
const OTHER_EXTENSIONS = /\.(txt|text|md|rtf|pdf|docx?|odt|xlsx?|ods|pptx?|odp|csv|json|xml|html?|zip|rar|7z|apk|ipa|mp3|m4a|aac|wav|ogg|opus|flac|amr|vcf|ics)$/i;
/** Types that say nothing about the content: decided by the name instead. */
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/**
 * `video` for a video MIME type or a video file name; `image` for an image type or any other
 * name (gallery pickers almost always give a type; some Android file managers give none or a
 * generic one); `other` for a type or name that is plainly not a photo or video, like a `.txt`.
 */
export function mediaKindOf(file: { type: string; name: string }): FileKind {
  const type = file.type.toLowerCase();
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('image/')) return 'image';
  if (!GENERIC_TYPES.has(type)) return 'other';
  if (VIDEO_EXTENSIONS.test(file.name)) return 'video';
  return OTHER_EXTENSIONS.test(file.name) ? 'other' : 'image';
}
