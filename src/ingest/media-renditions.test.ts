import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headlineFromCaption, playableRendition, type Rendition } from './media-renditions.js';

const r = (href: string, type: string, width: number | null = null): Rendition => ({ href, type, width, height: null });

describe('media renditions', () => {
  it('takes a headline from a caption: its first sentence or list entry, cut at a word', () => {
    assert.equal(headlineFromCaption('Ships wait outside the port. Then they sail in.'), 'Ships wait outside the port');
    assert.equal(headlineFromCaption('- Ana Lima, mayor - Jo Ng, harbour master'), 'Ana Lima, mayor');
    assert.equal(headlineFromCaption('U.S. Navy ships wait'), 'U.S. Navy ships wait');
    const long = headlineFromCaption(`${'word '.repeat(40)}end`)!;
    assert.ok(long.length <= 111 && long.endsWith('word…'), long);
    assert.equal(headlineFromCaption(' - 12 - '), null);
    assert.equal(headlineFromCaption(null), null);
  });

  it('plays what browsers play: MP4/WebM before video/mpeg, the smallest of those, never MPEG-2 or QuickTime', () => {
    assert.equal(playableRendition([r('a.mpg', 'video/mpeg-2', 720), r('b.mp4', 'video/mp4-1920x1080', 1920), r('c.mp4', 'video/mp4', 1280)], 'video')?.href, 'c.mp4');
    assert.equal(playableRendition([r('a', 'video/mpeg', 1920), r('b', 'video/mpeg', 640)], 'video')?.href, 'b');
    assert.equal(playableRendition([r('a.mov', 'video/quicktime', 640), r('b.mpg', 'video/mpeg-2', 720)], 'video'), null);
    assert.equal(playableRendition([r('a.mp3', 'audio/mpeg')], 'audio')?.href, 'a.mp3');
  });
});
