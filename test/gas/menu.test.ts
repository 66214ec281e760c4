/** onOpen and onInstall of the built bundle, against a recording SpreadsheetApp.getUi(). */
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../support/bundle';

function recordingUi(locale: string) {
  const added: string[][] = [];
  const alerts: string[][] = [];
  const menu = {
    addItem(label: string, handler: string) {
      added.push([label, handler]);
      return menu;
    },
    addSeparator() {
      added.push(['---', '']);
      return menu;
    },
    addToUi() {
      added.push(['<shown>', '']);
    },
  };
  const ui = {
    ButtonSet: { OK: 'OK' },
    createAddonMenu: () => menu,
    createMenu: () => menu,
    alert: (title: string, body: string) => {
      alerts.push([title, body]);
      return 'OK';
    },
  };
  const globals = {
    SpreadsheetApp: {
      getUi: () => ui,
      getActiveSpreadsheet: () => ({ getSpreadsheetLocale: () => locale }),
    },
  };
  return { globals, added, alerts };
}

describe('the add-on menu', () => {
  it('lists every item in English, each bound to a top-level function of the bundle', () => {
    const { globals, added } = recordingUi('en_GB');
    const lib = loadBundle(globals);
    lib.onOpen({});
    const items = added.filter(([label]) => label !== '---' && label !== '<shown>');
    expect(items.map(([label]) => label)).toEqual([
      'Import files…',
      'Build daily report',
      'Build ranking',
      'Build payroll',
      'Build all reports',
      'Generate schedule',
      'Settings',
      'Fit settings to my shop',
      'Apply ticked proposals',
      'Help',
    ]);
    for (const [, handler] of items) expect(typeof lib[handler], handler).toBe('function');
    expect(added[added.length - 1][0]).toBe('<shown>');
  });

  it('speaks Chinese in a Chinese spreadsheet', () => {
    const { globals, added } = recordingUi('zh_CN');
    loadBundle(globals).onOpen({});
    expect(added.map(([label]) => label)).toContain('生成日报');
    expect(added.map(([label]) => label)).toContain('适配本店设置');
  });

  it('shows the menu on install too', () => {
    const { globals, added } = recordingUi('en_US');
    loadBundle(globals).onInstall({});
    expect(added.some(([, handler]) => handler === 'showHelp')).toBe(true);
  });

  it('answers Help with a dialog that names the custom functions', () => {
    const { globals, alerts } = recordingUi('en_US');
    loadBundle(globals).showHelp();
    expect(alerts[0][1]).toContain('=INQUIRY_CONVERSION(');
  });
});
