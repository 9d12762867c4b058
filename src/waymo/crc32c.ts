// CRC-32C (Castagnoli) from SheetJS crc-32, masked the TFRecord way (DESIGN.md section 3).
import CRC32C from 'crc-32/crc32c.js';

export function crc32c(data: Uint8Array): number {
  return CRC32C.buf(data) >>> 0;
}

/** TFRecord's masked CRC: rotate right by 15 and add a constant, mod 2^32. */
export function maskedCrc32c(data: Uint8Array): number {
  const crc = crc32c(data);
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
}
