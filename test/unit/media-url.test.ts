import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { resolveMediaUrl } from '../../src/core/recording/media-url.js';
import { en } from '../../src/i18n/en.js';

const BASE = 'https://lessons.example.com/room/1234/result.json';

function accepted(raw: string, base = BASE): string {
  const result = resolveMediaUrl(raw, base);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be accepted, got: ${en.urlRefusal(result.refusal)}`);
  return result.url;
}

function refused(raw: string, base = BASE): string {
  const result = resolveMediaUrl(raw, base);
  if (result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused, got ${result.url}`);
  // The refusal is data; the catalogue words it.
  return en.urlRefusal(result.refusal);
}

describe('resolveMediaUrl', () => {
  describe('loads http:, https: and blob: URLs as they are', () => {
    it('keeps an absolute http: or https: URL', () => {
      expect(accepted('http://1253488539.vod2.myqcloud.com/oM86K7X3Ig8b.mp4')).to.equal(
        'http://1253488539.vod2.myqcloud.com/oM86K7X3Ig8b.mp4',
      );
      expect(accepted('https://cdn.example.com/a/b.m3u8?sign=x#t')).to.equal('https://cdn.example.com/a/b.m3u8?sign=x#t');
    });

    it('keeps a blob: URL', () => {
      const blob = 'blob:https://lessons.example.com/6b1c6c2e-5f7a-4c3b-9a57-1f0d1e2a3b4c';
      expect(accepted(blob)).to.equal(blob);
    });

    it('reads the scheme case-insensitively', () => {
      expect(accepted('HTTPS://CDN.example.com/A.mp4')).to.equal('https://cdn.example.com/A.mp4');
    });

    it('trims whitespace around the URL', () => {
      expect(accepted('  \n https://cdn.example.com/a.mp4\t ')).to.equal('https://cdn.example.com/a.mp4');
      expect(accepted(' cam.mp4 ')).to.equal('https://lessons.example.com/room/1234/cam.mp4');
    });
  });

  describe('resolves a relative URL against the base', () => {
    it('resolves a file name next to the base', () => {
      expect(accepted('cam.mp4')).to.equal('https://lessons.example.com/room/1234/cam.mp4');
    });

    it('resolves ../, /-rooted and //-protocol-relative paths', () => {
      expect(accepted('../media/cam.mp4')).to.equal('https://lessons.example.com/room/media/cam.mp4');
      expect(accepted('/media/cam.mp4')).to.equal('https://lessons.example.com/media/cam.mp4');
      expect(accepted('//cdn.example.com/cam.mp4')).to.equal('https://cdn.example.com/cam.mp4');
    });

    it('keeps query and fragment', () => {
      expect(accepted('cam.mp4?t=1#x')).to.equal('https://lessons.example.com/room/1234/cam.mp4?t=1#x');
    });

    it('allows a relative URL whatever the base scheme is (a result opened from disk plays its files from disk)', () => {
      expect(accepted('cam.mp4', 'file:///home/teacher/lesson/result.json')).to.equal('file:///home/teacher/lesson/cam.mp4');
    });

    it('refuses a relative URL when the base cannot have relative URLs', () => {
      expect(refused('cam.mp4', 'about:blank')).to.equal('it cannot be resolved against about:blank');
    });
  });

  describe('refuses every other scheme, naming it', () => {
    const cases: Array<[string, string]> = [
      ['javascript:alert(1)', 'javascript:'],
      ['JavaScript:alert(1)', 'javascript:'],
      ['data:video/mp4;base64,AAAA', 'data:'],
      ['file:///etc/passwd', 'file:'],
      ['ftp://example.com/a.mp4', 'ftp:'],
      ['rtmp://live.example.com/app/stream', 'rtmp:'],
      ['ws://example.com/a', 'ws:'],
      ['vbscript:msgbox(1)', 'vbscript:'],
    ];
    for (const [raw, scheme] of cases) {
      it(`refuses ${raw}`, () => {
        expect(refused(raw)).to.equal(
          `the ${scheme} scheme is not allowed (only http:, https:, blob: and relative URLs are loaded)`,
        );
      });
    }

    it('refuses a scheme hidden by tabs or newlines, which the URL parser drops', () => {
      expect(refused('java\nscript:alert(1)')).to.contain('the javascript: scheme is not allowed');
      expect(refused('jav\tascript:alert(1)')).to.contain('the javascript: scheme is not allowed');
    });

    it('refuses a disallowed scheme even against a file: base', () => {
      expect(refused('file:///etc/passwd', 'file:///home/result.json')).to.contain('the file: scheme');
    });
  });

  describe('refuses what is not a URL', () => {
    it('refuses an empty or blank string', () => {
      expect(refused('')).to.equal('the URL is empty');
      expect(refused('   \n')).to.equal('the URL is empty');
    });

    it('refuses an absolute URL that does not parse', () => {
      expect(refused('http://')).to.equal('it is not a valid URL');
      expect(refused('http://[::1/a.mp4')).to.equal('it is not a valid URL');
    });
  });

  it('never accepts a URL that ends up with a scheme other than http:, https: or blob: (except relative ones)', () => {
    const head = fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom('javascript:', 'data:', 'file:', 'blob:'));
    fc.assert(
      fc.property(head, fc.string(), (start, rest) => {
        const raw = start + rest;
        const result = resolveMediaUrl(raw, BASE);
        if (!result.ok) return;
        const protocol = new URL(result.url).protocol;
        expect(['http:', 'https:', 'blob:']).to.include(protocol);
      }),
    );
  });
});
