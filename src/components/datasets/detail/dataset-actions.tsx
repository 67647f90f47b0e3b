"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Download, GraduationCap, Trash2 } from "lucide-react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { type DatasetStatus, isTrainable } from "@/lib/dataset-lifecycle";
import { api } from "@/trpc/react";
import { downloadUrl } from "@/components/common/save-file";

/** Start training (ready datasets only), download through a fresh signed link, delete after asking. */
export function DatasetActions({ id, name, fileName, status }: { id: string; name: string; fileName: string; status: DatasetStatus }) {
  const router = useRouter();
  const utils = api.useUtils();
  const [downloading, setDownloading] = useState(false);
  const remove = api.datasets.delete.useMutation({
    onSuccess: async () => {
      toast.success(`${name} deleted`);
      await utils.datasets.list.invalidate();
      router.push("/datasets");
    },
    onError: (err) => toast.error(err.message),
  });

  const download = async () => {
    setDownloading(true);
    try {
      // A link made now, on click: signed links expire after an hour, so one fetched with the page could be stale.
      const { url } = await utils.datasets.downloadUrl.fetch({ id }, { staleTime: 0 });
      downloadUrl(url, fileName);
    } catch (err) {
      toast.error(err instanceof Error ? err.message : "The download link could not be made.");
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      {isTrainable(status) ? (
        <Button asChild>
          <Link href={`/fine-tuning/new?dataset=${encodeURIComponent(id)}`}>
            <GraduationCap /> Start training
          </Link>
        </Button>
      ) : null}
      <Button variant="outline" onClick={download} disabled={downloading || status === "uploading"}>
        <Download /> Download
      </Button>
      <AlertDialog>
        <AlertDialogTrigger asChild>
          <Button variant="outline" disabled={remove.isPending} className="text-destructive hover:text-destructive">
            <Trash2 /> Delete
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Delete {name}?</AlertDialogTitle>
            <AlertDialogDescription>
              The dataset disappears from your list and can no longer be used for training; its file is removed shortly after.
              Training jobs that already used it keep their results.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction className="bg-destructive text-white hover:bg-destructive/90" onClick={() => remove.mutate({ id })}>
              Delete dataset
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
