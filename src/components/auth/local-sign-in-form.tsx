import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** The sign-in used when no Clerk keys are configured: a plain form posting to the local auth route. */
export function LocalSignInForm({ error, redirectUrl }: { error?: string; redirectUrl?: string }) {
  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle>
          <h1 className="text-xl">Sign in</h1>
        </CardTitle>
        <CardDescription>
          Local sign-in: no Clerk keys are configured, so your name and email identify you on this machine.
        </CardDescription>
      </CardHeader>
      <form action="/api/auth/local/sign-in" method="post">
        <CardContent className="grid gap-4">
          {error ? (
            <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
              {error}
            </p>
          ) : null}
          <input type="hidden" name="redirect_url" value={redirectUrl ?? "/"} />
          <div className="grid gap-2">
            <Label htmlFor="name">Name</Label>
            <Input id="name" name="name" autoComplete="name" required maxLength={100} placeholder="Ada Lovelace" autoFocus />
          </div>
          <div className="grid gap-2">
            <Label htmlFor="email">Email</Label>
            <Input id="email" name="email" type="email" autoComplete="email" required maxLength={254} placeholder="ada@example.com" />
          </div>
        </CardContent>
        <CardFooter className="pt-6">
          <Button type="submit" className="w-full">
            Continue
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
