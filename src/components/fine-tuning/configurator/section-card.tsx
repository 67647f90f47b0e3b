import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils";

/** One numbered step of the configurator. */
export function SectionCard(props: {
  id: string;
  step: number;
  title: string;
  description?: React.ReactNode;
  action?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  const titleId = `${props.id}-title`;
  return (
    <Card className={cn("gap-4 py-5", props.className)} data-section={props.id} aria-labelledby={titleId} role="group">
      <CardHeader className="flex flex-row items-start justify-between gap-3 px-4 md:px-5">
        <div className="flex min-w-0 items-start gap-3">
          <span
            aria-hidden
            className="flex size-7 shrink-0 items-center justify-center rounded-full bg-primary/10 text-xs font-semibold text-primary ring-1 ring-primary/20"
          >
            {props.step}
          </span>
          <div className="flex min-w-0 flex-col gap-1">
            <CardTitle id={titleId} className="text-[0.95rem]">
              {props.title}
            </CardTitle>
            {props.description ? <CardDescription className="text-xs">{props.description}</CardDescription> : null}
          </div>
        </div>
        {props.action}
      </CardHeader>
      <CardContent className="flex flex-col gap-5 px-4 md:px-5">{props.children}</CardContent>
    </Card>
  );
}
