// Decides whether a chosen file is hashed as an image or a video, from its MIME type or, failing that, its name.

/** The two kinds the submission contract knows. */
export type MediaKind = 'image' | 'video';

const VIDEO_EXTENSIONS = /\.(mp4|m4v|mov|qt|3gp|3g2|mkv|webm|avi|wmv|asf|flv|ts|mts|m2ts|mpe?g|ogv)$/i;

/**
 * `video` for a video MIME type or a video file name, otherwise `image`. Gallery pickers almost
 * always give a MIME type; some Android file managers give none, hence the name.
 */
export function mediaKindOf(file: { type: string; name: string }): MediaKind {
  if (file.type.startsWith('video/')) return 'video';
  if (file.type.startsWith('image/')) return 'image';
  return VIDEO_EXTENSIONS.test(file.name) ? 'video' : 'image';
}
