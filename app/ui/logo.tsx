/** Kaba's mark: a water drop over a descending bar (arrears coming down). */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="logo">
      <rect width="32" height="32" rx="8" fill="#0b6e8a" />
      <path d="M16 5c-4.2 5.1-7 8.9-7 12.4A7 7 0 0 0 23 17.4C23 13.9 20.2 10.1 16 5z" fill="#e6f6fa" />
      <path d="M12 19.5h2.2v3H12zm3.4-1.6h2.2v4.6h-2.2zm3.4 2.6H21v2H18.8z" fill="#0b6e8a" />
    </svg>
  );
}
