"use client";

import type { FileUIPart } from "ai";
import { Download, FileText } from "lucide-react";
import Image from "next/image";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

/** An image thumbnail that opens the image full size. */
function ImageAttachment({ file }: { file: FileUIPart }) {
  const name = file.filename ?? "Image";
  return (
    <Dialog>
      <DialogTrigger asChild>
        <button
          type="button"
          className="overflow-hidden rounded-xl border bg-muted outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          aria-label={`Open ${name} full size`}
        >
          <Image src={file.url} alt={name} width={160} height={160} unoptimized className="size-28 object-cover sm:size-36" />
        </button>
      </DialogTrigger>
      <DialogContent className="max-w-[calc(100vw-2rem)] gap-3 p-3 sm:max-w-3xl">
        <DialogTitle className="truncate pr-8 text-sm">{name}</DialogTitle>
        <DialogDescription className="sr-only">The attached image at full size.</DialogDescription>
        <Image src={file.url} alt={name} width={1200} height={900} unoptimized className="max-h-[75vh] w-full rounded-lg object-contain" />
        <a href={`${file.url}?download=1`} className="inline-flex items-center gap-1.5 self-start text-xs text-muted-foreground underline-offset-2 hover:underline">
          <Download className="size-3.5" aria-hidden /> Download
        </a>
      </DialogContent>
    </Dialog>
  );
}

/** A text file: opens in a new tab (served as plain text), with a download beside it. */
function TextAttachment({ file }: { file: FileUIPart }) {
  const name = file.filename ?? "File";
  return (
    <span className="flex max-w-full min-w-0 items-center rounded-xl border bg-muted/50 text-sm dark:bg-muted/30">
      <a
        href={file.url}
        target="_blank"
        rel="noopener"
        className="flex min-w-0 items-center gap-2 rounded-l-xl py-2 pr-2 pl-3 outline-none hover:bg-muted focus-visible:ring-[3px] focus-visible:ring-ring/50"
        title={`Open ${name}`}
      >
        <FileText className="size-4 shrink-0 text-muted-foreground" aria-hidden />
        <span className="truncate">{name}</span>
      </a>
      <a
        href={`${file.url}?download=1`}
        className="flex h-full items-center rounded-r-xl border-l px-2 py-2 text-muted-foreground outline-none hover:bg-muted focus-visible:ring-[3px] focus-visible:ring-ring/50"
        aria-label={`Download ${name}`}
      >
        <Download className="size-4" />
      </a>
    </span>
  );
}

/** The files a user message carries, above its text. */
export function MessageAttachments({ files }: { files: FileUIPart[] }) {
  if (files.length === 0) return null;
  return (
    <ul className="flex max-w-full flex-wrap justify-end gap-2" aria-label="Attachments" data-testid="message-attachments">
      {files.map((file) => (
        <li key={file.url} className="min-w-0 max-w-full">
          {file.mediaType.startsWith("image/") ? <ImageAttachment file={file} /> : <TextAttachment file={file} />}
        </li>
      ))}
    </ul>
  );
}
