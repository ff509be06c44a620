/** Digits of a tariff code as typed: "8517.13.00.00", "8517 13 00", "851713" -> "85171300...". */
export function codeDigits(text: string): string {
  return text.replace(/[\s.\-]/g, '');
}

/** Dotted form of a code's digits: 4 digits, then pairs, then the 2-digit statistical suffix ("8517.13.00.00"). */
export function formatCode(digits: string): string {
  const parts = [digits.slice(0, 4)];
  for (let i = 4; i < digits.length; i += 2) parts.push(digits.slice(i, i + 2));
  return parts.join('.');
}

/** True when `code` starts with `prefix` (both digits). */
export function covers(prefix: string, code: string): boolean {
  return code.startsWith(prefix);
}
