"use client";

import { Pause, Play, Trash2 } from "lucide-react";
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
import { canDelete, canPause, canResume, type DeploymentStatus } from "@/lib/deployment-lifecycle";
import { api } from "@/trpc/react";

/** Pause / resume / delete, offered only where the lifecycle allows them; delete asks first. */
export function DeploymentActions({ id, name, status }: { id: string; name: string; status: DeploymentStatus }) {
  const utils = api.useUtils();
  const options = {
    onSuccess: () => Promise.all([utils.deployments.byId.invalidate({ id }), utils.deployments.list.invalidate()]),
    onError: (err: { message: string }) => toast.error(err.message),
  };
  const pause = api.deployments.pause.useMutation(options);
  const resume = api.deployments.resume.useMutation(options);
  const remove = api.deployments.delete.useMutation(options);
  const busy = pause.isPending || resume.isPending || remove.isPending;

  return (
    <div className="flex flex-wrap items-center gap-2">
      {canPause(status) ? (
        <Button variant="outline" disabled={busy} onClick={() => pause.mutate({ id })}>
          <Pause /> Pause
        </Button>
      ) : null}
      {canResume(status) ? (
        <Button variant="outline" disabled={busy} onClick={() => resume.mutate({ id })}>
          <Play /> Resume
        </Button>
      ) : null}
      {canDelete(status) ? (
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="outline" disabled={busy} className="text-destructive hover:text-destructive">
              <Trash2 /> Delete
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>Delete {name}?</AlertDialogTitle>
              <AlertDialogDescription>
                The endpoint and its replicas are torn down and its API token stops working. Billing stops once it is deleted. This
                cannot be undone.
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>Cancel</AlertDialogCancel>
              <AlertDialogAction className="bg-destructive text-white hover:bg-destructive/90" onClick={() => remove.mutate({ id })}>
                Delete endpoint
              </AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      ) : null}
    </div>
  );
}
