// Which address phone links use: PUBLIC_URL first; on a console opened on localhost this machine's LAN address
// (or a warning when it has none); otherwise the console's own address.
import { describe, expect, it } from 'vitest';
import { isLocalhost, phoneBase } from '../../../client/src/host/phoneBase.js';

const lan = { publicUrl: null, lanUrls: ['http://192.168.1.23:3000', 'http://10.0.0.5:3000'] };

describe('phone link base', () => {
  it('recognises localhost names', () => {
    for (const h of ['localhost', '127.0.0.1', '[::1]', 'game.localhost']) expect(isLocalhost(h)).toBe(true);
    for (const h of ['192.168.1.23', 'game.example.edu']) expect(isLocalhost(h)).toBe(false);
  });

  it('uses the first LAN address on localhost and lists the others', () => {
    expect(phoneBase('http://localhost:3000', true, lan)).toEqual({
      base: 'http://192.168.1.23:3000',
      note: 'lan',
      lanUrls: lan.lanUrls,
    });
  });

  it('warns on localhost without a LAN address, stays quiet until the server answered', () => {
    expect(phoneBase('http://localhost:3000', true, { publicUrl: null, lanUrls: [] }).note).toBe('noLan');
    expect(phoneBase('http://localhost:3000', true, null)).toEqual({
      base: 'http://localhost:3000',
      note: 'none',
      lanUrls: [],
    });
  });

  it('prefers PUBLIC_URL, and keeps the address of a console opened on the network', () => {
    const pub = { publicUrl: 'https://game.example.edu', lanUrls: [] };
    expect(phoneBase('http://localhost:3000', true, pub)).toMatchObject({ base: pub.publicUrl, note: 'public' });
    expect(phoneBase('http://192.168.1.23:3000', false, pub)).toMatchObject({ base: pub.publicUrl, note: 'none' });
    expect(phoneBase('http://192.168.1.23:3000', false, null)).toMatchObject({
      base: 'http://192.168.1.23:3000',
      note: 'none',
    });
  });
});
