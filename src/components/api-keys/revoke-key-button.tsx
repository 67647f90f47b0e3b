"use client";

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

/** Revoke asks first: calls with the key fail from the next request on, and it cannot be undone. */
export function RevokeKeyButton({ id, name, prefix }: { id: string; name: string; prefix: string }) {
  const utils = api.useUtils();
  const revoke = api.apiKeys.revoke.useMutation({
    onSuccess: async () => {
      toast.success(`Revoked “${name}”`);
      await utils.apiKeys.list.invalidate();
    },
    onError: (err) => toast.error(err.message),
  });
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" disabled={revoke.isPending} aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Revoke “{name}”?</AlertDialogTitle>
          <AlertDialogDescription>
            Programs using <code className="font-mono">{prefix}…</code> get 401 from their next request on. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction className="bg-destructive text-white hover:bg-destructive/90" onClick={() => revoke.mutate({ id })}>
            Revoke key
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
