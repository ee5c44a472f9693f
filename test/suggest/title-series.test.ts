import { describe, expect, it } from 'vitest';
import { areOfDifferentSeries, areSeriesSiblings, countFrames, seriesFrames, type FramedTitle } from '../../src/suggest/title-series.ts';

/** A request by its title's terms and the other terms of its body. */
function request(title: string, body = ''): FramedTitle {
  const titleTerms = title.split(' ');
  return { titleTerms, weightOf: new Map([...titleTerms, ...body.split(' ').filter(Boolean)].map((term) => [term, 1])) };
}

/** Each term in 50 requests: common enough that no slot names something rare. */
function commonTerms(titles: readonly FramedTitle[]): Map<string, number> {
  return new Map(titles.flatMap((title) => [...title.weightOf.keys()].map((term) => [term, 50] as const)));
}

describe('series of sibling requests', () => {
  const starters = ['offici product land page starter templat', 'offici product changelog starter templat', 'offici blog starter templat', 'offici podcast starter templat'].map((title) =>
    request(title),
  );
  const frames = countFrames(starters.map((starter) => starter.titleTerms));

  it('calls two titles siblings when a shorter frame they both fill is a series', () => {
    // "Official product … starter template" has two titles only; "Official … starter template" has four.
    expect(areSeriesSiblings(starters[0]!, starters[1]!, frames, commonTerms(starters))).toBe(true);
    expect(areSeriesSiblings(starters[0]!, starters[2]!, frames, commonTerms(starters))).toBe(true);
  });

  it('does not call two titles siblings when their frame is no series and their slots are common words', () => {
    const pair = [request('improv build speed'), request('improv build perform')];
    expect(areSeriesSiblings(pair[0]!, pair[1]!, countFrames(pair.map((title) => title.titleTerms)), commonTerms(pair))).toBe(false);
  });
});

describe('requests of two different series', () => {
  const titles = [
    request('embed mastodon post shortcod', 'iframe script markdown'),
    request('embed youtub video shortcod'),
    request('embed codepen pen shortcod'),
    request('comment post mastodon repli', 'blog theme provid'),
    request('comment post giscus'),
    request('comment post utteranc'),
    request('deploi adapt netlifi', 'redirect header'),
    request('deploi adapt vercel'),
    request('deploi adapt render'),
    request('netlifi deploi adapt option', 'redirect header'),
    request('firebas deploi adapt option'),
    request('surg deploi adapt option'),
  ];
  const frames = countFrames(titles.map((title) => title.titleTerms));
  const framesOf = (title: FramedTitle) => seriesFrames(title.titleTerms, frames);
  const differentSeries = (a: FramedTitle, b: FramedTitle) => areOfDifferentSeries(a, framesOf(a), b, framesOf(b));

  it('finds the series frames a title fills', () => {
    expect(framesOf(titles[0]!)).toContainEqual(['embed', 'shortcod']);
    expect(framesOf(titles[3]!)).toContainEqual(['comment', 'post']);
  });

  it('tells apart an embed and comments about the same service: each series has a word the other request never uses', () => {
    expect(differentSeries(titles[0]!, titles[3]!)).toBe(true);
  });

  it('does not tell apart two requests when one of them uses every word of the other one’s series', () => {
    // "Netlify deploy adapter option" says "deploy adapter": the same request in other words.
    expect(framesOf(titles[9]!)).toContainEqual(['deploi', 'adapt', 'option']);
    expect(differentSeries(titles[6]!, titles[9]!)).toBe(false);
  });

  it('does not apply to a title that fills no series', () => {
    const lone = request('mastodon share button', 'post');
    expect(differentSeries(titles[0]!, lone)).toBe(false);
  });
});
