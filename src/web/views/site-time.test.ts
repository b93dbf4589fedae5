import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatSiteDateTime, formatTeaserTime, siteTimeNow } from './site-time.js';

describe('site time', () => {
  const now = Date.parse('2026-03-10T15:20:30Z');
  it('says "N hours ago" for a story of today, in the site locale', () => {
    const t = siteTimeNow({ timeZone: 'UTC', locale: 'en-GB' }, now);
    assert.equal(formatTeaserTime(new Date('2026-03-10T13:05:00Z'), t), '2 hours ago');
    assert.equal(formatTeaserTime(new Date('2026-03-10T15:02:00Z'), t), '18 minutes ago');
    assert.equal(formatTeaserTime(new Date('2026-03-10T15:20:10Z'), t), 'this minute');
    const ar = siteTimeNow({ timeZone: 'UTC', locale: 'ar' }, now);
    assert.match(formatTeaserTime(new Date('2026-03-10T13:05:00Z'), ar), /ساعت|ساعة/);
  });
  it('gives the date for yesterday, judged in the site time zone', () => {
    const utc = siteTimeNow({ timeZone: 'UTC', locale: 'en-GB' }, now);
    assert.equal(formatTeaserTime(new Date('2026-03-09T23:00:00Z'), utc), '9 Mar 2026');
    // 23:00 UTC is 03:00 on the 10th in Dubai: the same day there as 19:20 local time.
    const dubai = siteTimeNow({ timeZone: 'Asia/Dubai', locale: 'en-GB' }, now);
    assert.equal(formatTeaserTime(new Date('2026-03-09T23:00:00Z'), dubai), '16 hours ago');
  });
  it('shows full times in the site zone, named', () => {
    const t = siteTimeNow({ timeZone: 'Asia/Dubai', locale: 'en-GB' }, now);
    assert.match(formatSiteDateTime(new Date('2026-03-10T13:05:00Z'), t), /10 Mar 2026, 17:05 (GST|GMT\+4)/);
  });
  it('rounds the clock down to the minute, so pages rendered within a minute match', () => {
    assert.equal(siteTimeNow({ timeZone: 'UTC', locale: 'en' }, now).now, Date.parse('2026-03-10T15:20:00Z'));
  });
});
