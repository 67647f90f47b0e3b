import { IntentLink } from "./intent-link";
import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import { NotificationsMenu } from "./notifications-menu";
import { SidebarNav } from "./sidebar-nav";
import { SkipLink } from "./skip-link";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

export interface ShellUser {
  name: string;
  email: string;
}

/** Signed-in frame: sidebar on desktop (a sheet on mobile) and a header with the user menu. */
export function AppShell({
  user,
  authMode,
  runsUrl,
  children,
}: {
  user: ShellUser;
  authMode: "clerk" | "local";
  runsUrl?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex min-h-dvh">
      <SkipLink />
      <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col gap-6 border-r border-sidebar-border bg-sidebar p-4 md:flex">
        <IntentLink href="/" className="rounded-md px-2 py-1 outline-none focus-visible:ring-2 focus-visible:ring-sidebar-ring">
          <Logo />
        </IntentLink>
        <SidebarNav runsUrl={runsUrl} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-20 flex h-14 items-center gap-2 border-b bg-background/80 px-4 backdrop-blur">
          <MobileNav runsUrl={runsUrl} />
          <div className="md:hidden">
            <Logo />
          </div>
          <div className="ml-auto flex items-center gap-1">
            <ThemeToggle />
            <NotificationsMenu />
            <UserMenu mode={authMode} name={user.name} email={user.email} />
          </div>
        </header>
        <main id="main-content" tabIndex={-1} className="flex min-w-0 flex-1 flex-col outline-none">{children}</main>
      </div>
    </div>
  );
}
