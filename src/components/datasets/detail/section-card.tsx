import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** A titled card: every block of the detail page has the same frame. */
export function SectionCard(props: { title: React.ReactNode; description?: React.ReactNode; children: React.ReactNode; id?: string }) {
  return (
    <Card className="gap-3 py-5" aria-labelledby={props.id ? `${props.id}-title` : undefined} id={props.id}>
      <CardHeader className="px-5">
        <CardTitle className="text-sm" id={props.id ? `${props.id}-title` : undefined}>
          {props.title}
        </CardTitle>
        {props.description ? <CardDescription>{props.description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="min-w-0 px-5">{props.children}</CardContent>
    </Card>
  );
}
