/**
 * /api/chat/attachments: uploads checked from their bytes (limits, types), stored through the
 * storage interface (local disk, and uploadthing against its local fake), served only to whoever
 * may read them, and deleted by their owner while no message shows them.
 */
import { eq } from "drizzle-orm";
import { UTApi } from "uploadthing/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_IMAGE_BYTES, MAX_TEXT_BYTES } from "@/lib/chat/attachments";
import { OFFLINE_MODEL_ID } from "@/server/ai/models";
import { chatAttachments } from "@/server/db/schema";
import { POST as chatPOST } from "@/app/api/chat/route";
import { attachmentStorageKey } from "@/server/chat/attachments";
import { setStorageForTesting, storageFor } from "@/server/storage";
import { uploadthingStorage } from "@/server/storage/uploadthing";
import { testBackends } from "../helpers/db";
import { type FakeUploadthing, startFakeUploadthing } from "../fakes/uploadthing-server";
import {
  deleteAttachmentAs,
  filePart,
  PNG,
  problemOf,
  readAttachment,
  upload,
  uploaded,
  suiteAttachmentStorage,
  type Uploaded,
} from "./attachment-helpers";
import { chatRequest, newUser, readChunks, suiteDatabase } from "./helpers";

process.env.OFFLINE_MODEL_DELAY_MS = "0";

describe.each(testBackends())("/api/chat/attachments on %s", (backend) => {
  const tdb = suiteDatabase(backend);
  suiteAttachmentStorage();

  it("stores a text file and serves it back to its owner as UTF-8 text", async () => {
    const u = await newUser(tdb.db);
    const body = "# Plan\nfirst — step\n";
    const res = await upload(u, "plan (v2).md", body, { type: "" });
    expect(res.status).toBe(201);
    const a = (await res.json()) as { id: string; url: string };
    expect(a).toEqual({ id: expect.any(String), url: `/api/chat/attachments/${a.id}`, mediaType: "text/markdown", filename: "plan (v2).md", size: Buffer.byteLength(body), kind: "text" });

    const read = await readAttachment(u, a.id);
    expect(read.status).toBe(200);
    expect(read.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(read.headers.get("x-content-type-options")).toBe("nosniff");
    expect(read.headers.get("content-disposition")).toBe(`inline; filename="plan (v2).md"; filename*=UTF-8''plan%20(v2).md`);
    expect(await read.text()).toBe(body);
    const download = await readAttachment(u, a.id, "?download=1");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; /);
    expect(download.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    await download.body?.cancel();
  });

  it("takes an image's type from its bytes, not from its name or declared type", async () => {
    const u = await newUser(tdb.db);
    const a = await uploaded(u, "photo.jpg", PNG, "image/jpeg");
    expect(a).toMatchObject({ mediaType: "image/png", kind: "image", size: PNG.byteLength });
    const read = await readAttachment(u, a.id);
    expect(read.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await read.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it("refuses files too large, of the wrong type, not what they claim, empty or unnamed, with a sentence naming the file", async () => {
    const u = await newUser(tdb.db);
    const cases: Array<[Response, number, string, string | RegExp]> = [
      // The declared length refuses it before a byte is read.
      [await upload(u, "big.txt", "x".repeat(MAX_TEXT_BYTES + 1), { headers: { "content-length": String(MAX_TEXT_BYTES + 1) } }), 413, "too_large:attachment", '"big.txt" is too large (over 512 KB): text files can be at most 512 KB.'],
      [await upload(u, "huge.png", new Uint8Array(MAX_IMAGE_BYTES + 10), { type: "image/png" }), 413, "too_large:attachment", /^"huge\.png" is too large.*images can be at most 5 MB\.$/],
      [await upload(u, "archive.zip", "PK", { type: "application/zip" }), 415, "unsupported_type:attachment", /^"archive\.zip" can't be attached: attach PNG, JPEG, WebP or GIF images, or text files/],
      [await upload(u, "drawing.svg", "<svg/>", { type: "image/svg+xml" }), 415, "unsupported_type:attachment", /can't be attached/],
      [await upload(u, "fake.png", "not a png", { type: "image/png" }), 415, "unsupported_type:attachment", '"fake.png" is not a PNG, JPEG, WebP or GIF image.'],
      [await upload(u, "binary.txt", new Uint8Array([0x61, 0, 0x62])), 415, "unsupported_type:attachment", '"binary.txt" is not a text file: it must be UTF-8 text.'],
      [await upload(u, "latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9])), 415, "unsupported_type:attachment", /is not a text file/],
      [await upload(u, "empty.txt", ""), 400, "empty:attachment", '"empty.txt" is empty.'],
      [await upload(u, null, "hello"), 400, "bad_request:attachment", "Name the file in the ?name= parameter."],
    ];
    for (const [res, status, code, detail] of cases) {
      expect(res.status, detail.toString()).toBe(status);
      const p = await problemOf(res);
      expect(p.code).toBe(code);
      expect(p.detail).toMatch(detail);
    }
    expect(await tdb.db.select().from(chatAttachments).where(eq(chatAttachments.userId, u.id))).toHaveLength(0);
  });

  it("cuts off a body with no declared length once it passes the limit", async () => {
    const u = await newUser(tdb.db);
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await upload(u, "stream.txt", endless);
    expect(res.status).toBe(413);
    expect((await problemOf(res)).detail).toBe('"stream.txt" is too large: text files can be at most 512 KB.');
    expect(pulled).toBeLessThan(MAX_TEXT_BYTES * 2);
  });

  it("refuses signed-out and cross-site uploads", async () => {
    expect((await upload(null, "a.txt", "hi")).status).toBe(401);
    const u = await newUser(tdb.db);
    const res = await upload(u, "a.txt", "hi", { headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(403);
  });

  it("serves an attachment to no one else until a public chat of its owner shows it", async () => {
    const owner = await newUser(tdb.db, "Owner");
    const other = await newUser(tdb.db, "Other");
    const a = await uploaded(owner, "secret.txt", "the secret plan\n");
    expect((await readAttachment(other, a.id)).status).toBe(404);
    expect((await readAttachment(null, a.id)).status).toBe(401);
    expect((await readAttachment(owner, "not-a-uuid")).status).toBe(404);

    const chatId = crypto.randomUUID();
    const message = { id: crypto.randomUUID(), role: "user", parts: [filePart(a), { type: "text", text: "What is this?" }] };
    const res = await chatPOST(chatRequest({ id: chatId, trigger: "submit-message", model: OFFLINE_MODEL_ID, message }, { cookie: owner.cookie }));
    expect(res.status).toBe(200);
    await readChunks(res);
    // In a private chat: still the owner's alone.
    expect((await readAttachment(other, a.id)).status).toBe(404);

    await owner.caller.chats.setVisibility({ id: chatId, visibility: "public" });
    const shared = await readAttachment(other, a.id);
    expect(shared.status).toBe(200);
    expect(await shared.text()).toBe("the secret plan\n");

    await owner.caller.chats.setVisibility({ id: chatId, visibility: "private" });
    expect((await readAttachment(other, a.id)).status).toBe(404);
  });

  it("deletes an unsent attachment for its owner only, and keeps one a message shows", async () => {
    const owner = await newUser(tdb.db);
    const other = await newUser(tdb.db);
    const unsent = await uploaded(owner, "draft.txt", "draft");
    expect((await deleteAttachmentAs(other, unsent.id)).status).toBe(404);
    expect((await deleteAttachmentAs(owner, unsent.id)).status).toBe(204);
    expect((await readAttachment(owner, unsent.id)).status).toBe(404);

    const sent = await uploaded(owner, "sent.txt", "sent");
    const message = { id: crypto.randomUUID(), role: "user", parts: [filePart(sent)] };
    await readChunks(await chatPOST(chatRequest({ id: crypto.randomUUID(), trigger: "submit-message", model: OFFLINE_MODEL_ID, message }, { cookie: owner.cookie })));
    const res = await deleteAttachmentAs(owner, sent.id);
    expect(res.status).toBe(409);
    expect((await readAttachment(owner, sent.id)).status).toBe(200);
  });

  it("deleting a chat removes the files only it showed; deleting all removes the rest, but not an unsent upload", async () => {
    const owner = await newUser(tdb.db);
    const other = await newUser(tdb.db);
    const [onlyFirst, both, onlySecond, unsent] = await Promise.all(["a.txt", "b.txt", "c.txt", "d.txt"].map((n) => uploaded(owner, n, `file ${n}`)));
    const send = async (chatId: string, files: Uploaded[]) => {
      const message = { id: crypto.randomUUID(), role: "user", parts: [...files.map(filePart), { type: "text", text: "Read these." }] };
      await readChunks(await chatPOST(chatRequest({ id: chatId, trigger: "submit-message", model: OFFLINE_MODEL_ID, message }, { cookie: owner.cookie })));
    };
    const first = crypto.randomUUID();
    const second = crypto.randomUUID();
    await send(first, [onlyFirst!, both!]);
    await send(second, [both!, onlySecond!]);
    const bytesOf = async (a: Uploaded) => (await storageFor("local")).read(attachmentStorageKey(owner.id, a.id));

    await expect(other.caller.chats.delete({ id: first })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.chats.deleteAll()).resolves.toEqual({ deleted: 0 });
    expect((await readAttachment(owner, onlyFirst!.id)).status).toBe(200);

    await owner.caller.chats.delete({ id: first });
    expect((await readAttachment(owner, onlyFirst!.id)).status).toBe(404);
    await expect(bytesOf(onlyFirst!)).rejects.toThrow();
    // Still shown by the second chat.
    expect(await (await readAttachment(owner, both!.id)).text()).toBe("file b.txt");

    await expect(owner.caller.chats.deleteAll()).resolves.toEqual({ deleted: 1 });
    for (const gone of [both!, onlySecond!]) {
      expect((await readAttachment(owner, gone.id)).status).toBe(404);
      await expect(bytesOf(gone)).rejects.toThrow();
    }
    // Uploaded but never sent (the composer may still hold it): kept.
    expect(await (await readAttachment(owner, unsent!.id)).text()).toBe("file d.txt");
  });
});

describe("/api/chat/attachments with uploadthing configured", () => {
  const tdb = suiteDatabase();
  let fake: FakeUploadthing;
  beforeAll(async () => {
    fake = await startFakeUploadthing();
    process.env.UPLOADTHING_TOKEN = fake.token;
    setStorageForTesting({ uploadthing: uploadthingStorage(new UTApi({ ...fake.utapiOptions, defaultKeyType: "customId" })) });
  });
  afterAll(async () => {
    delete process.env.UPLOADTHING_TOKEN;
    setStorageForTesting(undefined);
    await fake?.close();
  });

  it("stores the file with uploadthing and reads it back from there", async () => {
    const u = await newUser(tdb.db);
    const a = await uploaded(u, "notes.txt", "kept by uploadthing\n");
    const [row] = await tdb.db.select().from(chatAttachments).where(eq(chatAttachments.id, a.id));
    expect(row).toMatchObject({ storageKind: "uploadthing", storageKey: `${u.id}/chat-attachments/${a.id}` });
    const read = await readAttachment(u, a.id);
    expect(read.status).toBe(200);
    expect(await read.text()).toBe("kept by uploadthing\n");
    expect((await deleteAttachmentAs(u, a.id)).status).toBe(204);
  });
});
