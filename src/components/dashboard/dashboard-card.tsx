import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

/** A dashboard section: a title, a link to the page it summarises, and its content. */
export function DashboardCard({ title, href, linkLabel, children, testId }: { title: string; href: string; linkLabel: string; children: React.ReactNode; testId?: string }) {
  return (
    <Card className="gap-3 py-5" data-testid={testId}>
      <CardHeader className="flex flex-row items-center justify-between gap-2 px-5">
        <CardTitle className="text-sm">{title}</CardTitle>
        <Link href={href} className="flex items-center gap-1 text-xs text-muted-foreground outline-none hover:text-foreground focus-visible:underline">
          {linkLabel} <ArrowRight className="size-3" aria-hidden />
        </Link>
      </CardHeader>
      <CardContent className="px-5">{children}</CardContent>
    </Card>
  );
}

/** What an empty section says, with the one step that fills it. */
export function CardEmpty({ text, href, action }: { text: string; href: string; action: string }) {
  return (
    <div className="flex flex-col items-start gap-2 rounded-lg border border-dashed p-4 text-sm text-muted-foreground">
      <p>{text}</p>
      <Link href={href} className="font-medium text-foreground underline-offset-4 outline-none hover:underline focus-visible:underline">
        {action}
      </Link>
    </div>
  );
}
