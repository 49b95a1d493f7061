// Public surface of the isomorphic hashing library (PDQ, vPDQ, MD5/SHA-256, formats); Node file hashing lives in ./node.

export {
  PDQ_MATCH_THRESHOLD,
  PDQ_QUALITY_THRESHOLD,
  PDQ_VARIANTS,
  PDQ_ZERO_HASH,
  hammingDistance,
  isPdqMatch,
  pdqDihedralHashes,
  pdqHash,
  type PdqDihedralResult,
  type PdqFlavor,
  type PdqOptions,
  type PdqResult,
  type PdqVariant,
  type PixelImage,
} from './pdq';
export {
  createDigester,
  digestBytes,
  digestStream,
  type Digester,
  type DigestStreamOptions,
  type FileDigests,
} from './digest';
export {
  VPDQ_DISTANCE_THRESHOLD,
  VPDQ_QUALITY_THRESHOLD,
  VPDQ_QUERY_MATCH_THRESHOLD_PERCENT,
  VPDQ_TARGET_MATCH_THRESHOLD_PERCENT,
  formatVpdqText,
  hashVpdqFrame,
  isVpdqMatch,
  matchVpdq,
  parseVpdqText,
  vpdqFrameInterval,
  type VpdqFeature,
  type VpdqMatchOptions,
  type VpdqMatchResult,
  type VpdqMatchRule,
} from './vpdq';
export { isMd5Hex, isPdqHex, isSha256Hex, normaliseHex } from './formats';
