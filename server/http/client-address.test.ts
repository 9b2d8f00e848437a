import { describe, it, expect } from 'vitest';
import { clientAddress } from './client-address.ts';

describe('clientAddress', () => {
  it('uses the socket peer when no proxy is trusted, whatever the header says', () => {
    expect(clientAddress('198.51.100.7', '203.0.113.9', 0)).toBe('198.51.100.7');
  });
  it('takes the entry the outermost trusted proxy appended, never a client-written one', () => {
    // nginx appends the real peer: "<client-sent junk>, <real client>"
    expect(clientAddress('10.0.0.2', 'forged-by-client, 203.0.113.9', 1)).toBe('203.0.113.9');
    // CDN → nginx → app: the CDN appended the client, nginx appended the CDN
    expect(clientAddress('10.0.0.2', 'forged, 203.0.113.9, 192.0.2.50', 2)).toBe('203.0.113.9');
  });
  it('falls back to the socket when the header is missing or empty, and to the leftmost entry when short', () => {
    expect(clientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', ' , ', 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', '203.0.113.9', 3)).toBe('203.0.113.9');
  });
});
