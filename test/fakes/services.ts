/** Fakes of the Apps Script services around the spreadsheet: Ui, HtmlService output, LockService, PropertiesService. */
import { LIMIT_MESSAGES, LIMITS, utf8Bytes } from './cost';

export class FakeUi {
  alerts: string[][] = [];
  sidebars: FakeHtmlOutput[] = [];
  ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
  /** Answers of the next prompts; null = the user pressed Cancel. */
  promptAnswers: (string | null)[] = [];
  alert(...args: unknown[]) {
    this.alerts.push(args.filter((a) => typeof a === 'string' && !(a in this.ButtonSet)) as string[]);
    return 'OK';
  }
  prompt(...args: unknown[]) {
    this.alerts.push(args.filter((a) => typeof a === 'string') as string[]);
    const answer = this.promptAnswers.shift();
    const text = answer ?? '';
    return { getResponseText: () => text, getSelectedButton: () => (answer === null ? 'CANCEL' : 'OK') };
  }
  showSidebar(html: FakeHtmlOutput) {
    this.sidebars.push(html);
  }
  showModalDialog(html: FakeHtmlOutput) {
    this.sidebars.push(html);
  }
  dialogs: { html: FakeHtmlOutput; title: string }[] = [];
  showModelessDialog(html: FakeHtmlOutput, title: string) {
    this.dialogs.push({ html, title });
  }
  /** The labels of every menu item added, in order. */
  menuItems: string[] = [];
  createAddonMenu() {
    const menu = {
      addItem: (label: string) => (this.menuItems.push(label), menu),
      addSeparator: () => menu,
      addToUi: () => undefined,
    };
    return menu;
  }
}

export class FakeHtmlOutput {
  title = '';
  width: number | null = null;
  height: number | null = null;
  constructor(
    readonly file: string,
    readonly content: string | null = null,
  ) {}
  setHeight(height: number) {
    this.height = height;
    return this;
  }
  setTitle(title: string) {
    this.title = title;
    return this;
  }
  getTitle() {
    return this.title;
  }
  setWidth(width: number) {
    this.width = width;
    return this;
  }
  getContent() {
    if (this.content !== null) return this.content;
    return `<!-- ${this.file} -->`;
  }
}

export class FakeLock {
  log: string[] = [];
  held = false;
  /** Make the next waitLock time out, like another run holding the lock. */
  busy = false;
  waitLock(ms: number) {
    this.log.push(`waitLock(${ms})`);
    if (this.busy) throw new Error('Lock timeout: another process was holding the lock for too long.');
    this.held = true;
  }
  tryLock(ms: number) {
    this.log.push(`tryLock(${ms})`);
    if (this.busy) return false;
    this.held = true;
    return true;
  }
  hasLock() {
    return this.held;
  }
  releaseLock() {
    this.log.push('releaseLock');
    this.held = false;
  }
}

export class FakeProperties {
  store = new Map<string, string>();
  getProperty(key: string) {
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string) {
    const text = String(value);
    if (utf8Bytes(text) > LIMITS.propertyValueBytes) throw new Error(LIMIT_MESSAGES.propertyValue);
    const others = this.bytes() - (this.store.has(key) ? utf8Bytes(key) + utf8Bytes(this.store.get(key)!) : 0);
    if (others + utf8Bytes(key) + utf8Bytes(text) > LIMITS.propertyTotalBytes) throw new Error(LIMIT_MESSAGES.propertyTotal);
    this.store.set(key, text);
    return this;
  }
  /** Bytes of every key and value held (the 500 kB quota counts these). */
  bytes(): number {
    let n = 0;
    for (const [k, v] of this.store) n += utf8Bytes(k) + utf8Bytes(v);
    return n;
  }
  deleteProperty(key: string) {
    this.store.delete(key);
    return this;
  }
  getProperties() {
    return Object.fromEntries(this.store);
  }
}

/** One fake world: a spreadsheet, its UI, lock, properties and HTML service, with one call counter. */
