/** The Waypoint mark: a compass needle in a rounded square (same shape as the app icon). */
export function Logo({ size = 22 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden focusable="false" className="logo">
      <rect width="32" height="32" rx="8" fill="var(--accent)" />
      <path d="M16 5 L20.5 16 L16 27 L11.5 16 Z" fill="var(--on-accent)" opacity="0.35" />
      <path d="M16 5 L20.5 16 L11.5 16 Z" fill="var(--on-accent)" />
      <circle cx="16" cy="16" r="2.2" fill="var(--accent)" />
    </svg>
  );
}
