/**
 * UTF-16 bytes → text, chunk by chunk. Unlike iconv-lite and TextDecoder, which write U+FFFD for a
 * lone surrogate (half of a pair: the file is damaged), this keeps it in the text, so the caller
 * refuses the file naming the line instead of storing a silently changed value.
 */
export class Utf16Decoder {
  private carry: Buffer | null = null;

  constructor(private readonly bigEndian: boolean) {}

  /** Text of the complete code units so far; a trailing odd byte or high surrogate waits for the next chunk. */
  write(chunk: Buffer): string {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    let end = buf.length - (buf.length % 2);
    if (end >= 2) {
      const last = this.bigEndian ? buf.readUInt16BE(end - 2) : buf.readUInt16LE(end - 2);
      if (last >= 0xd800 && last <= 0xdbff) end -= 2;
    }
    if (end < buf.length) this.carry = Buffer.from(buf.subarray(end));
    return this.decode(buf.subarray(0, end));
  }

  /** What is left at the end of the file: a high surrogate never paired stays lone; an odd byte is U+FFFD. */
  end(): string {
    const rest = this.carry;
    this.carry = null;
    if (!rest) return '';
    const even = rest.length - (rest.length % 2);
    return this.decode(rest.subarray(0, even)) + (even < rest.length ? '\ufffd' : '');
  }

  private decode(b: Buffer): string {
    if (!this.bigEndian) return b.toString('utf16le');
    const swapped = Buffer.from(b);
    swapped.swap16();
    return swapped.toString('utf16le');
  }
}
