import { describe, expect, it } from "vitest";
import {
  attachedMissingFile,
  attachedTextFile,
  attachedUnseenImage,
  decodeTextFile,
  isAttachedFileText,
  MAX_INLINE_CHARS,
  parseAttachedFile,
  sniffImageType,
  textStats,
} from "./attachment-content";

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16).fill(0)]);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("sniffImageType", () => {
  it("recognises each allowed image by its first bytes", () => {
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe("image/png");
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
    expect(sniffImageType(utf8("GIF89a...."))).toBe("image/gif");
    expect(sniffImageType(utf8("GIF87a...."))).toBe("image/gif");
    expect(sniffImageType(utf8("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))).toBe("image/webp");
  });

  it("refuses anything else, however it is named", () => {
    expect(sniffImageType(utf8("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImageType(utf8("RIFF\u0000\u0000\u0000\u0000WAVEfmt "))).toBeNull();
    expect(sniffImageType(utf8("%PDF-1.7"))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe("decodeTextFile", () => {
  it("reads UTF-8 and drops a byte order mark", () => {
    expect(decodeTextFile(utf8("héllo\nworld"))).toBe("héllo\nworld");
    expect(decodeTextFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("x")]))).toBe("x");
  });

  it("refuses invalid UTF-8 and binary content", () => {
    expect(decodeTextFile(new Uint8Array([0xc3, 0x28]))).toBeNull();
    expect(decodeTextFile(utf8("a\u0000b"))).toBeNull();
  });
});

describe("textStats", () => {
  it("counts lines (a final newline opens none) and words", () => {
    expect(textStats("one two\nthree\n")).toEqual({ lines: 2, words: 3 });
    expect(textStats("a\r\nb\r\nc")).toEqual({ lines: 3, words: 3 });
    expect(textStats("")).toEqual({ lines: 0, words: 0 });
  });
});

describe("attached files in a prompt", () => {
  it("wraps a text file with its name, type and counts, and parses it back", () => {
    const text = attachedTextFile({ filename: 'my "notes".md', mediaType: "text/markdown", text: "# Title\nSome words here.\n" });
    expect(text).toBe('<attached-file name="my \\"notes\\".md" type="text/markdown" lines="2" words="5">\n# Title\nSome words here.\n</attached-file>');
    expect(parseAttachedFile(text)).toEqual({
      name: 'my "notes".md',
      type: "text/markdown",
      content: "# Title\nSome words here.",
      lines: 2,
      words: 5,
      omitted: null,
      truncated: null,
    });
  });

  it("keeps a closing tag inside the content as content", () => {
    const text = attachedTextFile({ filename: "x.txt", mediaType: "text/plain", text: "a\n</attached-file>\nb" });
    expect(parseAttachedFile(text)?.content).toBe("a\n</attached-file>\nb");
  });

  it("gives a long file's start and says it was cut", () => {
    const long = "w ".repeat(MAX_INLINE_CHARS);
    const parsed = parseAttachedFile(attachedTextFile({ filename: "big.txt", mediaType: "text/plain", text: long }));
    expect(parsed?.content).toHaveLength(MAX_INLINE_CHARS);
    expect(parsed?.words).toBe(MAX_INLINE_CHARS);
    expect(parsed?.truncated).toBe(`only the first ${MAX_INLINE_CHARS} of ${MAX_INLINE_CHARS * 2} characters are shown`);
  });

  it("says an image is there without its content, and so for a file that is gone", () => {
    expect(parseAttachedFile(attachedUnseenImage({ filename: "cat.png", mediaType: "image/png", size: 1234 }))).toMatchObject({
      name: "cat.png",
      type: "image/png",
      content: null,
      omitted: "this model cannot see images",
    });
    expect(parseAttachedFile(attachedMissingFile({ filename: "a.txt", mediaType: "text/plain" }))?.omitted).toBe("the file is no longer available");
  });

  it("leaves ordinary text alone", () => {
    for (const text of ["hello", "<attached-file>\nx\n</attached-file>", '<attached-file name="a">\nx\n</attached-file>', 'x <attached-file name="a" type="b">\n\n</attached-file>']) {
      expect(isAttachedFileText(text), text).toBe(false);
    }
  });
});
