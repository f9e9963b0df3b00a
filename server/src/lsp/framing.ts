/**
 * A guard in front of the JSON-RPC reader on standard input (issue 19 item 6). The reader buffers
 * header bytes until it sees a blank line, and searches the whole buffer again for each chunk: 64 MB
 * without a line break kept the server busy seconds after its input had closed. The guard follows
 * the framing (`Content-Length: N`, blank line, N bytes), passes every byte on unchanged, and calls
 * `refuse` once a header grows past MAX_HEADER_BYTES (`vscode-jsonrpc`'s headers are under 100 bytes), or
 * declares a length that is no number or is past MAX_BODY_BYTES.
 */
import { Transform, type TransformCallback } from 'node:stream';

export const MAX_HEADER_BYTES = 8 * 1024;
/** Far above any real message: the largest text parsed is 32 million characters (parse.ts MAX_TEXT_LENGTH). */
export const MAX_BODY_BYTES = 256 * 1024 * 1024;
const BLANK_LINE = Buffer.from('\r\n\r\n');

export class FramingGuard extends Transform {
  /** The header read so far (never more than MAX_HEADER_BYTES plus the blank line). */
  private header = Buffer.alloc(0);
  /** Body bytes still to pass before the next header starts. */
  private body = 0;
  private refused = false;

  constructor(private readonly refuse: (reason: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.refused) this.follow(chunk);
    if (!this.refused) this.push(chunk);
    done();
  }

  private follow(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.refused) {
      if (this.body > 0) {
        const taken = Math.min(this.body, chunk.length - at);
        this.body -= taken;
        at += taken;
        continue;
      }
      const before = this.header.length;
      const room = MAX_HEADER_BYTES + BLANK_LINE.length - before;
      this.header = Buffer.concat([this.header, chunk.subarray(at, at + room)]);
      const end = this.header.indexOf(BLANK_LINE);
      if (end < 0) {
        if (this.header.length > MAX_HEADER_BYTES) this.stop(`a message header longer than ${MAX_HEADER_BYTES} bytes`);
        return;
      }
      const field = /(?:^|\r\n)Content-Length:[ \t]*([^\r\n]*?)[ \t]*(?:\r\n|$)/i.exec(this.header.subarray(0, end).toString('ascii'))?.[1];
      if (field === undefined) return this.stop('a message header without Content-Length');
      if (!/^\d+$/.test(field)) return this.stop(`a message header with an invalid Content-Length (${JSON.stringify(field.slice(0, 20))})`);
      const length = Number(field);
      // The reader would buffer a body of any declared length while its bytes keep coming.
      if (length > MAX_BODY_BYTES) return this.stop(`a message of ${field} bytes, over the ${MAX_BODY_BYTES / 1048576} MB limit`);
      this.body = length;
      this.header = Buffer.alloc(0);
      at += end + BLANK_LINE.length - before;
    }
  }

  private stop(reason: string): void {
    this.refused = true;
    this.refuse(reason);
  }
}
