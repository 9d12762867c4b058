// A link full of bad values (issue 18 item 5): parseUrl keeps every default it could not replace,
// urlNotices names each parameter it ignored, with its value and why, one line each; good values
// give no notice; the size cap (?maxmb=) is read, written back and bounded; fetch-file.ts's HTML
// sniffing decides by content.
import { describe, expect, it } from 'vitest';
import { looksLikeHtml } from '../../src/app/fetch-file';
import { ignoredLine } from '../../src/app/notices';
import { DEFAULT_LAYERS, DEFAULT_PREDICT } from '../../src/app/store';
import { formatUrl, parseUrl, urlNotices } from '../../src/app/url';

const BAD =
  '?t=abc&sel=1.5&follow=yes&pair=1,2,3&off=lanes,nosuch&cam=1,2,x,4&model=gpt&split=nope&n=99' +
  '&seed=-3&force=7&backend=cuda&speed=3&stop=2&maxmb=-1&theme=neon&layout=%3Cb%3E&scene=';

describe('a link of bad values', () => {
  it('parses to the defaults', () => {
    const v = parseUrl(BAD);
    expect(v.t).toBeNull();
    expect(v.sel).toBeNull();
    expect(v.follow).toBe(false);
    expect(v.pair).toBeNull();
    expect(v.camera).toBeNull();
    expect(v.layers).toEqual({ ...DEFAULT_LAYERS, lanes: false });
    expect(v.predict).toEqual({
      variant: DEFAULT_PREDICT.variant,
      samplesPerMode: DEFAULT_PREDICT.samplesPerMode,
      seed: DEFAULT_PREDICT.seed,
      forcedMode: DEFAULT_PREDICT.forcedMode,
      backend: DEFAULT_PREDICT.backend,
    });
    expect(v.compare).toBeNull();
    expect(v.speed).toBe(1);
    expect(v.stop).toBeNull();
    expect(v.maxMb).toBeUndefined();
  });

  it('names every parameter it ignored, with its value, one line each', () => {
    const lines = urlNotices(BAD);
    const keys = lines.map((l) => /^ignored ([a-z]+)=/.exec(l)?.[1]);
    expect(keys.sort()).toEqual(
      [
        'scene', // empty
        'theme',
        'layout',
        't',
        'sel',
        'follow',
        'pair',
        'off',
        'cam',
        'model',
        'split',
        'n',
        'seed',
        'force',
        'backend',
        'speed',
        'stop',
        'maxmb',
      ].sort(),
    );
    expect(lines).toContain('ignored t=abc: not a step number (0 or more)');
    expect(lines).toContain(
      'ignored off=nosuch: no such layer (the layers: ' + Object.keys(DEFAULT_LAYERS).join(', ') + ')',
    );
    expect(lines).toContain(
      'ignored backend=cuda: no such backend (the backends: auto, webgpu, webgl, wasm, cpu)',
    );
    expect(lines).toContain('ignored theme=neon: not a parameter ModeScope reads');
    expect(lines).toContain('ignored stop=2: no tour= to stop in');
    expect(lines.every((l) => !l.includes('\n'))).toBe(true);
  });

  it('gives no notice for a good link, nor for a model that registers later (local:, sub:)', () => {
    const good =
      '?file=a.tfrecord&predictions=b.binproto&scene=s1&t=43.5&sel=7&follow=1&pair=1,2&off=lanes&on=graph' +
      '&cam=1,2,3,4&model=sub:other&split=local:mine&n=5&seed=3&backend=wasm&speed=2&tour=t.json&stop=2&maxmb=2048&list=main-thread';
    expect(urlNotices(good)).toEqual([]);
  });

  it('a long garbage value is cut in its notice', () => {
    const [line] = urlNotices(`?t=${'x'.repeat(500)}`);
    expect(line).toBe(`ignored t=${'x'.repeat(40)}…: not a step number (0 or more)`);
    expect(ignoredLine('scene', 'abc', 'why')).toBe('ignored scene=abc: why');
  });
});

describe('the size cap for files by link (?maxmb=)', () => {
  it('is read, written back, and bounded', () => {
    expect(parseUrl('?maxmb=2048').maxMb).toBe(2048);
    expect(parseUrl('?maxmb=0').maxMb).toBeUndefined();
    expect(parseUrl('?maxmb=1e9').maxMb).toBeUndefined();
    expect(formatUrl({ ...parseUrl('?scene=s'), maxMb: 2048 })).toBe('scene=s&maxmb=2048');
    expect(formatUrl({ ...parseUrl('?scene=s'), maxMb: 512 })).toBe('scene=s');
    expect(urlNotices('?maxmb=1e9')).toEqual(['ignored maxmb=1e9: not a size in MB above 0 and up to 16384']);
  });
});

describe('an HTML page instead of data (looksLikeHtml, by content)', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('finds a page after a BOM or spaces, in any case', () => {
    expect(looksLikeHtml(enc('<!DOCTYPE html><html>'))).toBe(true);
    expect(looksLikeHtml(enc('\uFEFF  \n<html lang="en">'))).toBe(true);
    expect(looksLikeHtml(enc('<!-- a host page --><p>'))).toBe(true);
  });
  it('never takes data for a page', () => {
    expect(looksLikeHtml(enc('{"scenarios": {}}'))).toBe(false);
    expect(looksLikeHtml(new Uint8Array([0x1f, 0x8b, 8, 0]))).toBe(false);
    expect(looksLikeHtml(new Uint8Array([0x3c, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]))).toBe(false); // a TFRecord of 60 bytes
  });
});
