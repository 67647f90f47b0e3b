import { describe, expect, it } from "vitest";
import {
  ATTACHMENT_ACCEPT,
  attachmentIdOf,
  attachmentUrl,
  checkAttachment,
  classifyAttachment,
  cleanFilename,
  fitAttachments,
  MAX_IMAGE_BYTES,
  MAX_TEXT_BYTES,
} from "./attachments";

const ID = "0b8f5a9e-4c1d-4f7a-9b2e-3c4d5e6f7a8b";

describe("classifyAttachment", () => {
  it.each([
    [{ name: "cat.PNG", type: "" }, "image", "image/png"],
    [{ name: "photo.jpg", type: "image/jpeg" }, "image", "image/jpeg"],
    [{ name: "clipboard", type: "image/webp" }, "image", "image/webp"],
    [{ name: "anim.gif", type: "image/gif" }, "image", "image/gif"],
    [{ name: "notes.md", type: "" }, "text", "text/markdown"],
    [{ name: "data.csv", type: "text/csv" }, "text", "text/csv"],
    // Browsers call .ts files MPEG transport streams: the extension wins.
    [{ name: "main.ts", type: "video/mp2t" }, "text", "text/plain"],
    [{ name: "script.py", type: "text/x-python" }, "text", "text/plain"],
    [{ name: "config.json", type: "application/json" }, "text", "text/plain"],
    [{ name: "README", type: "text/plain" }, "text", "text/plain"],
  ])("%o is a %s file (%s)", (file, kind, mediaType) => {
    expect(classifyAttachment(file)).toEqual({ kind, mediaType });
  });

  it.each([
    { name: "drawing.svg", type: "image/svg+xml" },
    { name: "page.pdf", type: "application/pdf" },
    { name: "archive.zip", type: "application/zip" },
    { name: "binary", type: "application/octet-stream" },
    { name: "Makefile", type: "" },
  ])("refuses %o", (file) => {
    expect(classifyAttachment(file)).toBeNull();
  });
});

describe("checkAttachment", () => {
  it("accepts files up to their kind's limit", () => {
    expect(checkAttachment({ name: "a.png", type: "image/png", size: MAX_IMAGE_BYTES })).toMatchObject({ ok: true, kind: "image", maxBytes: MAX_IMAGE_BYTES });
    expect(checkAttachment({ name: "a.txt", type: "text/plain", size: MAX_TEXT_BYTES })).toMatchObject({ ok: true, kind: "text", maxBytes: MAX_TEXT_BYTES });
  });

  it("names the file, its size and the limit when it is too large", () => {
    expect(checkAttachment({ name: "big.png", type: "image/png", size: MAX_IMAGE_BYTES + 1 })).toEqual({
      ok: false,
      code: "too_large",
      message: '"big.png" is too large (over 5 MB): images can be at most 5 MB.',
    });
    expect(checkAttachment({ name: "log.txt", type: "text/plain", size: 600 * 1024 })).toEqual({
      ok: false,
      code: "too_large",
      message: '"log.txt" is too large (600 KB): text files can be at most 512 KB.',
    });
  });

  it("refuses empty files and files of other types", () => {
    expect(checkAttachment({ name: "a.txt", type: "text/plain", size: 0 })).toMatchObject({ ok: false, code: "empty", message: '"a.txt" is empty.' });
    const zip = checkAttachment({ name: "a.zip", type: "application/zip", size: 10 });
    expect(zip).toMatchObject({ ok: false, code: "unsupported_type" });
    expect(zip.ok ? "" : zip.message).toMatch(/^"a\.zip" can't be attached: attach PNG, JPEG, WebP or GIF images, or text files/);
  });
});

describe("fitAttachments", () => {
  it("keeps what fits beside the files already attached and says how many were left out", () => {
    expect(fitAttachments(0, ["a", "b"])).toEqual({ accepted: ["a", "b"], refused: 0, message: null });
    expect(fitAttachments(3, ["a", "b"])).toEqual({ accepted: ["a"], refused: 1, message: "A message can have at most 4 attachments. One file was left out." });
    expect(fitAttachments(4, ["a", "b"])).toMatchObject({ accepted: [], refused: 2, message: expect.stringContaining("2 files were left out") });
  });
});

describe("attachment urls", () => {
  it("names only our own attachment route with a UUID", () => {
    expect(attachmentIdOf(attachmentUrl(ID))).toBe(ID);
    for (const url of [
      `https://evil.example${attachmentUrl(ID)}`,
      `${attachmentUrl(ID)}/../x`,
      `${attachmentUrl(ID)}?a=1`,
      "/api/chat/attachments/not-a-uuid",
      "/api/files/user_a/chat/x",
      `data:image/png;base64,AAAA`,
    ]) {
      expect(attachmentIdOf(url), url).toBeNull();
    }
  });

  it("offers the image types and text extensions in the picker", () => {
    expect(ATTACHMENT_ACCEPT.split(",")).toEqual(expect.arrayContaining(["image/png", ".md", ".ts", ".py", ".csv"]));
    expect(ATTACHMENT_ACCEPT).not.toContain("svg");
  });
});

describe("cleanFilename", () => {
  it("keeps the last path segment without control characters, cut by code point", () => {
    expect(cleanFilename("C:\\Users\\me\\notes.md")).toBe("notes.md");
    expect(cleanFilename("../../etc/passwd")).toBe("passwd");
    expect(cleanFilename("a\u0000b\nc.txt")).toBe("abc.txt");
    expect(cleanFilename("   ")).toBe("file");
    const long = cleanFilename(`${"😀".repeat(300)}.txt`);
    expect(Array.from(long)).toHaveLength(255);
    expect(long.endsWith("😀")).toBe(true);
  });
});
