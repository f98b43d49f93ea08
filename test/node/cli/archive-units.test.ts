// The rules under `archive` and `serve-callback` that need no process: safe names, address checks, playlists.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { rewritePlaylist } from '../../../src/node/archive/hls-playlist.js';
import { NameAllocator, pathInside } from '../../../src/node/archive/safe-name.js';
import { isNonPublicAddress } from '../../../src/node/net/address-guard.js';
import { parseS3Target, regionFor } from '../../../src/node/s3/s3-target.js';

describe('safe local names', () => {
  test('any VideoId becomes one plain, short, unique path segment', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 300 }), { maxLength: 20 }), (ids) => {
        const names = new NameAllocator();
        const given = ids.map((id) => names.allocate(id, '.mp4'));
        for (const name of given) {
          assert.match(name, /^[A-Za-z0-9][A-Za-z0-9._-]*\.mp4$/);
          assert.ok(name.length <= 84, name);
          assert.doesNotThrow(() => pathInside('/archive', `media/${name}`));
        }
        assert.equal(new Set(given.map((name) => name.toLowerCase())).size, given.length);
      }),
    );
  });

  test('plain ids stay readable; the same ids give the same names on every run', () => {
    const first = new NameAllocator();
    const second = new NameAllocator();
    const ids = ['5285890781570653827', 'cam-a', '../../x', 'cam-a'];
    assert.deepEqual(ids.map((id) => first.allocate(id, '.mp4')), ids.map((id) => second.allocate(id, '.mp4')));
    assert.equal(new NameAllocator().allocate('5285890781570653827', '.mp4'), '5285890781570653827.mp4');
  });

  test('pathInside refuses to leave the folder', () => {
    assert.throws(() => pathInside('/archive', '../x'));
    assert.throws(() => pathInside('/archive', '/etc/passwd'));
    assert.throws(() => pathInside('/archive', ''));
    assert.equal(pathInside('/archive', 'media/a.mp4'), '/archive/media/a.mp4');
  });
});

describe('address guard', () => {
  test('loopback, private, link-local, CGNAT and mapped addresses are not public', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-ip']) {
      assert.equal(isNonPublicAddress(address), true, address);
    }
    for (const address of ['1.1.1.1', '119.29.29.29', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
      assert.equal(isNonPublicAddress(address), false, address);
    }
  });
});

describe('HLS playlists', () => {
  test('segments, keys and variants are renamed to local files; the same URL keeps one name', () => {
    const master = '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nhigh/index.m3u8\n#EXT-X-MEDIA:TYPE=AUDIO,URI="https://cdn.test/audio.m3u8"\n';
    const rewrittenMaster = rewritePlaylist(master, 'https://cdn.test/v/master.m3u8', (_url, isPlaylist) => (isPlaylist ? 'p.m3u8' : 'x'));
    assert.deepEqual(rewrittenMaster.references.map((reference) => [reference.url, reference.isPlaylist]), [
      ['https://cdn.test/v/high/index.m3u8', true],
      ['https://cdn.test/audio.m3u8', true],
    ]);

    const media = '#EXTM3U\n#EXT-X-KEY:METHOD=AES-128,URI="key.bin"\n#EXTINF:2,\n#EXT-X-BYTERANGE:100@0\nall.ts?sig=1\n#EXTINF:2,\n#EXT-X-BYTERANGE:100@100\nall.ts?sig=1\n#EXT-X-ENDLIST\n';
    let n = 0;
    const rewritten = rewritePlaylist(media, 'https://cdn.test/v/index.m3u8', () => `f${n++}`);
    assert.equal(rewritten.text, '#EXTM3U\n#EXT-X-KEY:METHOD=AES-128,URI="f0"\n#EXTINF:2,\n#EXT-X-BYTERANGE:100@0\nf1\n#EXTINF:2,\n#EXT-X-BYTERANGE:100@100\nf1\n#EXT-X-ENDLIST\n');
    assert.equal(rewritten.references.length, 2);
    assert.throws(() => rewritePlaylist('<html>', 'https://cdn.test/', () => 'x'), /not an HLS playlist/);
  });
});

describe('S3 targets', () => {
  test('s3://bucket/prefix, and the region of a COS endpoint', () => {
    assert.deepEqual(parseS3Target('s3://class-records/2026/spring/'), { bucket: 'class-records', prefix: '2026/spring' });
    assert.deepEqual(parseS3Target('s3://class-records'), { bucket: 'class-records', prefix: '' });
    assert.throws(() => parseS3Target('https://bucket/x'));
    assert.throws(() => parseS3Target('s3://bucket/../x'));
    assert.equal(regionFor({ endpoint: 'https://cos.ap-guangzhou.myqcloud.com' }, {}), 'ap-guangzhou');
    assert.equal(regionFor({ endpoint: 'https://cos.ap-guangzhou.myqcloud.com' }, { AWS_REGION: 'eu-west-1' }), 'eu-west-1');
    assert.equal(regionFor({}, {}), 'us-east-1');
  });
});
