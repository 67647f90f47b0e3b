import { SlidersHorizontal } from "lucide-react";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";

export const metadata = { title: "Fine-tuning" };

export default function Page() {
  return (
    <SectionPlaceholder
      title="Fine-tuning"
      description="Train a model on your data with presets, GPU choice and a live loss curve."
      empty="No training jobs yet"
      icon={<SlidersHorizontal />}
    />
  );
}
