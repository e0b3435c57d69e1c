/**
 * The bytes of a binary field read with `lean()`: BSON Binary (its buffer and the length used), or a Buffer with
 * some drivers. `Buffer.from(binary)` would give an empty buffer: Binary is neither array-like nor a Buffer.
 */
export function toBuffer(raw: unknown): Buffer {
  if (Buffer.isBuffer(raw)) return raw;
  if (raw instanceof Uint8Array) return Buffer.from(raw);
  const binary = raw as { buffer: Uint8Array; position?: number };
  return Buffer.from(binary.buffer.subarray(0, binary.position ?? binary.buffer.length));
}
