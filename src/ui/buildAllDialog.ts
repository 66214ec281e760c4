/**
 * The *Build all reports* dialog: a small modeless page that first calls
 * keepReportDays (the warm-up) until no day remains to keep, or a call keeps
 * none, or MAX_KEEP_CALLS are made (then the groups compute what is left, and
 * the page says so), the first call with no clock and every later one with
 * the clock it answered; then buildReportGroup once per group in order
 * (google.script.run, one Apps Script execution each), the first with no day
 * so the server picks the default, every later one with the day the first
 * answered, all with the warm-up's clock. It shows the warm-up's and each
 * group's progress, stops at the first failure (the calls after it are not
 * made), and ends with the owner's message, selected for copying.
 *
 * Every text is the i18n table's in the spreadsheet's language. Server answers
 * (tab names, reasons, the owner's message) are set as text, never as markup.
 */
import { t, type Language, type MessageKey } from '../i18n';
import { GROUP_ORDER, MAX_KEEP_CALLS } from '../reports/reportGroups';

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** JSON safe inside a <script> element (no `</script>`, no `<!--`). */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The page's script, plain ES5 so every browser Sheets supports runs it as written. */
const SCRIPT = `
(function (config) {
  var texts = config.texts;
  var groups = config.groups;
  var rows = document.querySelectorAll('#groups li .status');
  var keepRow = document.getElementById('keep');
  var end = document.getElementById('end');
  var fixed = { date: null, now: null };
  var owner = [];
  function fill(template, values) {
    return template.replace(/\\{(\\w+)\\}/g, function (whole, key) { return key in values ? String(values[key]) : whole; });
  }
  function show(i, state, text) {
    rows[i].className = 'status ' + state;
    rows[i].textContent = text;
  }
  function reasonOf(error) {
    return error && error.message ? error.message : String(error);
  }
  function stop(i, message) {
    for (var j = i; j < groups.length; j++) show(j, 'skipped', texts.skipped);
    end.className = 'error';
    end.textContent = message;
  }
  function finish() {
    end.className = 'done';
    end.textContent = fill(texts.finished, { date: fixed.date });
    if (owner.length === 0) return;
    var hint = document.createElement('p');
    hint.textContent = texts.ownerHint;
    var box = document.createElement('textarea');
    box.id = 'owner';
    box.readOnly = true;
    box.rows = owner.length + 1;
    box.value = owner.join('\\n');
    end.parentNode.appendChild(hint);
    end.parentNode.appendChild(box);
    box.focus();
    box.select();
  }
  function keep(calls, kept) {
    google.script.run
      .withSuccessHandler(function (json) {
        var result = JSON.parse(json);
        fixed.now = result.now;
        kept += result.kept;
        if (result.remaining === 0) {
          keepRow.className = 'status done';
          keepRow.textContent = fill(texts.keepDone, { kept: kept });
          return run(0);
        }
        if (result.kept === 0 || calls + 1 >= config.maxKeepCalls) {
          keepRow.className = 'status failed';
          keepRow.textContent = fill(texts.keepStuck, { left: result.remaining });
          return run(0);
        }
        keepRow.textContent = fill(texts.keepProgress, { kept: kept, left: result.remaining });
        keep(calls + 1, kept);
      })
      .withFailureHandler(function (error) {
        keepRow.className = 'status failed';
        keepRow.textContent = fill(texts.failed, { reason: reasonOf(error) });
        stop(0, texts.stopped);
      })
      .keepReportDays(null, fixed.now);
  }
  function run(i) {
    if (i === groups.length) return finish();
    show(i, 'running', texts.running);
    google.script.run
      .withSuccessHandler(function (json) {
        var result = JSON.parse(json);
        if (result.noData) {
          show(i, 'failed', texts.noData);
          return stop(i + 1, texts.noData);
        }
        if (i === 0) fixed.date = result.date;
        if (result.ownerMessage.length > 0) owner = result.ownerMessage;
        show(i, 'done', result.written.length > 0 ? fill(texts.done, { tabs: result.written.join(texts.separator) }) : texts.nothing);
        run(i + 1);
      })
      .withFailureHandler(function (error) {
        show(i, 'failed', fill(texts.failed, { reason: reasonOf(error) }));
        stop(i + 1, texts.stopped);
      })
      .buildReportGroup(groups[i], fixed.date, fixed.now);
  }
  keepRow.className = 'status running';
  keepRow.textContent = texts.keepRunning;
  keep(0, 0);
})`;

const STYLE =
  'body{font:13px sans-serif;margin:8px}ol{padding-left:20px}li{margin:6px 0}.status{display:block;color:#5f6368}' +
  '.running{color:#1a73e8}.done{color:#188038}.failed,.error{color:#d93025}.skipped{color:#80868b}textarea{width:100%;font:13px sans-serif}';

export function buildAllDialogHtml(lang: Language): string {
  const texts = {
    running: t(lang, 'buildAll.running'),
    done: t(lang, 'buildAll.done'),
    nothing: t(lang, 'buildAll.nothing'),
    failed: t(lang, 'buildAll.failed'),
    keepRunning: t(lang, 'buildAll.keep.running'),
    keepProgress: t(lang, 'buildAll.keep.progress'),
    keepDone: t(lang, 'buildAll.keep.done'),
    keepStuck: t(lang, 'buildAll.keep.stuck'),
    skipped: t(lang, 'buildAll.skipped'),
    stopped: t(lang, 'buildAll.stopped'),
    finished: t(lang, 'buildAll.finished'),
    noData: t(lang, 'sheets.noData'),
    ownerHint: t(lang, 'sheets.owner.hint'),
    separator: lang === 'zh' ? '、' : ', ',
  };
  const items = GROUP_ORDER.map(
    (group) => `<li>${escapeHtml(t(lang, `buildAll.group.${group}` as MessageKey))}<span class="status waiting">${escapeHtml(t(lang, 'buildAll.waiting'))}</span></li>`,
  ).join('');
  return (
    `<!DOCTYPE html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><style>${STYLE}</style></head><body>` +
    `<p>${escapeHtml(t(lang, 'buildAll.keepOpen'))}</p>` +
    `<p>${escapeHtml(t(lang, 'buildAll.keep'))}<span id="keep" class="status waiting">${escapeHtml(t(lang, 'buildAll.waiting'))}</span></p>` +
    `<ol id="groups">${items}</ol><p id="end" role="status"></p>` +
    `<script>${SCRIPT}(${scriptJson({ texts, groups: GROUP_ORDER, maxKeepCalls: MAX_KEEP_CALLS })});</script></body></html>`
  );
}
