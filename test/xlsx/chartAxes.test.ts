/** Axis titles in the xlsx chart (issue 10.3), placed where the schema wants them. */
import { describe, expect, test } from 'vitest';
import { chartXml, type ChartData } from '../../src/xlsx/chartXml';

const data: ChartData = {
  title: 'Trend',
  axisTitles: { bottom: 'Date', left: 'Inquiry conversion', right: 'Inquiries' },
  categories: { ref: "'Daily'!$A$2:$A$3", values: [46000, 46001], numFmt: 'yyyy-mm-dd' },
  series: [
    { name: 'Inquiry conversion', ref: "'Daily'!$B$2:$B$3", values: [0.3, 0.4], axis: 'left', formatCode: '0.00%' },
    { name: 'Inquiries', ref: "'Daily'!$C$2:$C$3", values: [10, 12], axis: 'right', formatCode: '0' },
  ],
};

describe('chart axis titles', () => {
  const xml = chartXml(data);
  test('each value axis and the category axis carries its title, before its number format', () => {
    const valAxes = xml.match(/<c:valAx>.*?<\/c:valAx>/g)!;
    expect(valAxes).toHaveLength(2);
    expect(valAxes[0]).toMatch(/<c:title>.*<a:t>Inquiry conversion<\/a:t>.*<\/c:title><c:numFmt/);
    expect(valAxes[1]).toMatch(/<c:title>.*<a:t>Inquiries<\/a:t>.*<\/c:title><c:numFmt/);
    expect(xml.match(/<c:catAx>.*?<\/c:catAx>/g)![0]).toMatch(/<a:t>Date<\/a:t>/);
  });
  test('titles are escaped text', () => {
    expect(chartXml({ ...data, axisTitles: { left: '<b>&' } })).toContain('<a:t>&lt;b&gt;&amp;</a:t>');
  });
});
