/** The Tillwise mark (the same drawing as app/icon.svg, the favicon): a receipt on the brand green. */
export function BrandMark({ className = 'size-10' }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#147f49" />
      <path d="M9 6h14v20l-2.33-1.75L18.33 26 16 24.25 13.67 26l-2.34-1.75L9 26z" fill="#fff" />
      <path d="M12 11h8M12 15h8M12 19h5" stroke="#147f49" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
