"use client";

import { useEffect } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { describedBy, Field } from "@/components/deployments/field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { safeText } from "@/lib/zod/text";
import { api } from "@/trpc/react";

export const editSchema = z.object({
  name: safeText().trim().min(1, { error: "Give the dataset a name." }).max(200, { error: "At most 200 characters." }),
  description: safeText().trim().max(2000, { error: "At most 2,000 characters." }),
});
type EditValues = z.input<typeof editSchema>;

/** Rename and describe; Save is offered once something changed. */
export function EditForm({ id, name, description }: { id: string; name: string; description: string | null }) {
  const utils = api.useUtils();
  const form = useForm<EditValues, unknown, z.output<typeof editSchema>>({
    resolver: zodResolver(editSchema),
    defaultValues: { name, description: description ?? "" },
  });
  // After a save (or another tab's), the stored values become the new baseline.
  useEffect(() => form.reset({ name, description: description ?? "" }), [form, name, description]);
  const update = api.datasets.update.useMutation({
    onSuccess: async () => {
      toast.success("Saved");
      await Promise.all([utils.datasets.byId.invalidate({ id }), utils.datasets.list.invalidate()]);
    },
    onError: (err) => toast.error(err.message),
  });
  const { errors, isDirty } = form.formState;
  return (
    <form
      aria-label="Rename dataset"
      noValidate
      className="flex flex-col gap-4"
      onSubmit={form.handleSubmit((v) => update.mutate({ id, name: v.name, description: v.description }))}
    >
      <Field name="edit-name" label="Name" error={errors.name?.message}>
        <Input autoComplete="off" {...describedBy("edit-name", { error: errors.name?.message })} {...form.register("name")} />
      </Field>
      <Field name="edit-description" label="Description" error={errors.description?.message}>
        <Textarea rows={3} {...describedBy("edit-description", { error: errors.description?.message })} {...form.register("description")} />
      </Field>
      <div className="flex justify-end gap-2">
        {isDirty ? (
          <Button type="button" variant="ghost" onClick={() => form.reset()}>
            Discard
          </Button>
        ) : null}
        <Button type="submit" disabled={!isDirty || update.isPending}>
          {update.isPending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
