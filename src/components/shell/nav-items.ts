import {
  Boxes,
  Database,
  KeyRound,
  LayoutDashboard,
  type LucideIcon,
  MessageSquare,
  Receipt,
  Rocket,
  Settings,
  SlidersHorizontal,
} from "lucide-react";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Chat", icon: MessageSquare },
  { href: "/models", label: "Models", icon: Boxes },
  { href: "/deployments", label: "Deployments", icon: Rocket },
  { href: "/fine-tuning", label: "Fine-tuning", icon: SlidersHorizontal },
  { href: "/datasets", label: "Datasets", icon: Database },
  { href: "/dashboard", label: "Dashboard", icon: LayoutDashboard },
  { href: "/costs", label: "Costs", icon: Receipt },
  { href: "/settings/api-keys", label: "API keys", icon: KeyRound },
  { href: "/settings", label: "Settings", icon: Settings },
];

const owns = (href: string, pathname: string) => pathname === href || pathname.startsWith(`${href}/`);

/**
 * "/" is only active on the chat pages; other items own their whole subtree, except where a deeper
 * item owns part of it (/settings/api-keys is "API keys", not "Settings").
 */
export function isActive(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/" || pathname.startsWith("/chat");
  if (!owns(href, pathname)) return false;
  return !NAV_ITEMS.some((item) => item.href.length > href.length && owns(item.href, pathname));
}
