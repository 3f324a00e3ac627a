import { describe, expect, it } from 'vitest';
import { preferredEncoding } from './accept_encoding.js';

describe('choosing the encoding a reader accepts', () => {
  const both = ['br', 'gzip'] as const;
  it('serves brotli before gzip when the reader takes both at the same weight', () => {
    expect(preferredEncoding('gzip, deflate, br', both)).toBe('br');
    expect(preferredEncoding('br;q=0.5, gzip;q=0.5', both)).toBe('br');
  });
  it('never serves a coding the reader refused with q=0, however it is spelt', () => {
    expect(preferredEncoding('gzip;q=0', both)).toBeUndefined();
    expect(preferredEncoding('gzip; q=0.000, br;q=0', both)).toBeUndefined();
    expect(preferredEncoding('br;q=0, gzip', both)).toBe('gzip');
    expect(preferredEncoding('*;q=0', both)).toBeUndefined();
    expect(preferredEncoding('*, br;q=0', both)).toBe('gzip');
  });
  it('follows the weights, and what only the wildcard admits', () => {
    expect(preferredEncoding('br;q=0.2, gzip;q=0.8', both)).toBe('gzip');
    expect(preferredEncoding('*', both)).toBe('br');
    expect(preferredEncoding('x-gzip', both)).toBe('gzip');
  });
  it('does not read a coding inside another name or a malformed weight', () => {
    expect(preferredEncoding('brotli, gzipx', both)).toBeUndefined();
    expect(preferredEncoding('identity', both)).toBeUndefined();
    expect(preferredEncoding('gzip;q=2', both)).toBeUndefined();
    expect(preferredEncoding('gzip;q=abc', both)).toBeUndefined();
    expect(preferredEncoding(undefined, both)).toBeUndefined();
  });
  it('offers only what is stored', () => {
    expect(preferredEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(preferredEncoding('br', ['gzip'])).toBeUndefined();
  });
});
