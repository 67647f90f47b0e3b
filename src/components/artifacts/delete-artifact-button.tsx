"use client";

import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
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
import { api } from "@/trpc/react";

/** Delete (soft) after a confirmation; back to the training jobs. */
export function DeleteArtifactButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const utils = api.useUtils();
  const remove = api.artifacts.delete.useMutation({
    onSuccess: async () => {
      await Promise.all([utils.artifacts.invalidate(), utils.fineTuning.list.invalidate()]);
      toast.success(`${name} deleted`);
      router.push("/fine-tuning");
    },
    onError: (err) => toast.error("Could not delete the model", { description: err.message }),
  });
  return (
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
            Its files can no longer be downloaded or deployed. Deployments already serving it keep running. The training
            job and its checkpoints stay in your history.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Keep it</AlertDialogCancel>
          <AlertDialogAction className="bg-destructive text-white hover:bg-destructive/90" onClick={() => remove.mutate({ id })}>
            Delete model
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
