import { FormPageSkeleton } from "@/components/shell/form-page-skeleton";

export default function Loading() {
  return <FormPageSkeleton label="Loading the training configurator" />;
}
