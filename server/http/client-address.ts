// The address a request came from, for login throttling and session records: the socket's peer, or — behind
// trusted reverse proxies — the entry the outermost trusted proxy appended to X-Forwarded-For. Entries further
// left were written by the client itself and are never trusted.

/**
 * Which address does the login throttle key on? With `trustedHops` proxies in front, the client is the entry
 * `trustedHops` places from the right of X-Forwarded-For; without proxies (or without the header) the socket peer.
 * @example clientAddress('10.0.0.2', 'forged, 203.0.113.9', 1) // '203.0.113.9' (appended by the one trusted proxy)
 */
export function clientAddress(socketAddress: string, forwardedFor: string | undefined, trustedHops: number): string {
  if (trustedHops <= 0 || !forwardedFor) return socketAddress;
  const entries = forwardedFor.split(',').map((e) => e.trim()).filter(Boolean);
  if (!entries.length) return socketAddress;
  return entries[Math.max(0, entries.length - trustedHops)]!;
}
