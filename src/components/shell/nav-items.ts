import { Boxes, Database, LayoutDashboard, MessageSquare, Receipt, Rocket, Settings, SlidersHorizontal, type LucideIcon } from "lucide-react";

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
  { href: "/settings", label: "Settings", icon: Settings },
];

/** "/" is only active on the chat pages; other items own their whole subtree. */
export function isActive(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/" || pathname.startsWith("/chat");
  return pathname === href || pathname.startsWith(`${href}/`);
}
