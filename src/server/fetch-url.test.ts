import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBlockedAddress, parseIpv6 } from './fetch-url.js';

test('isBlockedAddress: non-public IPv4 ranges', () => {
  for (const ip of [
    '0.0.0.0', '127.0.0.1', '127.255.255.254', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.255',
    '192.168.0.1', '169.254.169.254', '100.64.0.1', '100.127.255.255', '192.0.0.8', '198.18.0.1', '224.0.0.1',
    '239.255.255.250', '240.0.0.1', '255.255.255.255', '192.0.2.1', '203.0.113.5',
  ]) assert.equal(isBlockedAddress(ip), true, ip);
  for (const ip of ['8.8.8.8', '1.1.1.1', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.0', '93.184.216.34', '11.0.0.1']) {
    assert.equal(isBlockedAddress(ip), false, ip);
  }
});

test('isBlockedAddress: IPv6 and embedded IPv4', () => {
  for (const ip of [
    '::', '::1', '0:0:0:0:0:0:0:1', 'fe80::1', 'fe80::1%eth0', 'fc00::1', 'fd12:3456::1', 'ff02::1', 'fec0::1',
    '::ffff:127.0.0.1', '::ffff:10.1.2.3', '::ffff:7f00:1', '::127.0.0.1', '64:ff9b::a00:1', '64:ff9b::10.0.0.1',
    '2002:0a00:0001::1', '2001:db8::1', '2001::1', 'not-an-ip', '',
  ]) assert.equal(isBlockedAddress(ip), true, ip);
  for (const ip of ['2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:0808:0808::1']) {
    assert.equal(isBlockedAddress(ip), false, ip);
  }
});

test('parseIpv6 expands every form', () => {
  assert.deepEqual(parseIpv6('::1'), [0, 0, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(parseIpv6('1:2:3:4:5:6:7:8'), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual(parseIpv6('::ffff:1.2.3.4'), [0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
  assert.deepEqual(parseIpv6('64:ff9b::1.2.3.4'), [0x64, 0xff9b, 0, 0, 0, 0, 0x102, 0x304]);
  assert.deepEqual(parseIpv6('1::'), [1, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(parseIpv6('1.2.3.4'), null);
  assert.equal(parseIpv6('1::2::3'), null);
});
