"use client";

import { useState } from "react";
import { Pencil } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { api } from "@/trpc/react";

/** Rename the model (and edit its description); the server checks both. */
export function RenameDialog(props: { id: string; name: string; description: string }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(props.name);
  const [description, setDescription] = useState(props.description);
  const utils = api.useUtils();
  const update = api.artifacts.update.useMutation({
    onSuccess: async () => {
      await utils.artifacts.byId.invalidate({ id: props.id });
      setOpen(false);
      toast.success("Model renamed");
    },
  });
  const error = update.error?.data?.issues?.[0]?.message ?? update.error?.message;

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setName(props.name);
          setDescription(props.description);
          update.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <Pencil /> Rename
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ id: props.id, name: name.trim(), description: description.trim() });
          }}
        >
          <DialogHeader>
            <DialogTitle>Rename model</DialogTitle>
            <DialogDescription>The name shows in your lists and on deployments of this adapter.</DialogDescription>
          </DialogHeader>
          <div className="flex flex-col gap-2">
            <Label htmlFor="artifact-name">Name</Label>
            <Input
              id="artifact-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={120}
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "artifact-name-error" : undefined}
            />
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="artifact-description">Description</Label>
            <Textarea
              id="artifact-description"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              maxLength={2000}
              rows={3}
            />
          </div>
          {error ? (
            <p id="artifact-name-error" role="alert" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="submit" disabled={update.isPending || name.trim() === ""}>
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
