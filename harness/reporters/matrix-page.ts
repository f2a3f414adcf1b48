/** The matrix page's stylesheet and script: one static file, readable at 1280 px, printable. */
export const MATRIX_CSS = `
body{font:14px system-ui,sans-serif;margin:24px;color:#1b1f24;max-width:1600px}
header .totals span{display:inline-block;padding:2px 10px;margin:0 6px 6px 0;border-radius:10px;font-weight:600}
table{border-collapse:collapse;margin-bottom:12px}th,td{border:1px solid #d0d7de;padding:3px 7px;text-align:center}
th[scope=row]{text-align:left;font-weight:normal;font-family:monospace;font-size:12px;max-width:520px;overflow-wrap:anywhere}
td.pass,.totals .pass{background:#d1f7d6}td.known,.totals .known{background:#fff3bf}td.fail,td.error,.totals .fail{background:#ffd6d6;font-weight:bold}
td.skip,.totals .skip{background:#eceff1;color:#57606a}td.none{color:#8c959f}td.new{outline:3px solid #cf222e}td.flaky{outline:3px dashed #8250df}
th.actor{background:#f6f8fa;font-style:italic}
td a{color:inherit}pre{background:#f6f8fa;padding:8px;overflow:auto;font-size:12px;white-space:pre-wrap}
nav.filters{position:sticky;top:0;background:#fff;padding:6px 0;border-bottom:1px solid #d0d7de;z-index:1}
nav.filters label{margin-right:10px;white-space:nowrap}
details.area>summary{font-size:16px;font-weight:600;margin:10px 0;cursor:pointer}
.legend span{display:inline-block;padding:2px 8px;margin-right:6px}
section.detail{border-top:1px solid #d0d7de;margin-top:12px}
@media print{nav.filters{display:none}body{margin:8mm}details.area>summary{list-style:none}pre{white-space:pre-wrap}}
`;

/**
 * Filters by status (rows) and column (engines, the catalog, the harness); a cell heading spans
 * only its visible columns. Printing opens every area.
 */
export const MATRIX_SCRIPT = `
(() => {
  const boxes = (kind) => [...document.querySelectorAll('nav.filters input[data-' + kind + ']')];
  const apply = () => {
    const hiddenStatus = boxes('status').filter((b) => !b.checked).map((b) => b.dataset.status);
    const hiddenColumns = boxes('column').filter((b) => !b.checked).map((b) => b.dataset.column);
    document.querySelectorAll('tr[data-status]').forEach((tr) => { tr.hidden = hiddenStatus.includes(tr.dataset.status); });
    document.querySelectorAll('[data-engine]').forEach((el) => { el.hidden = hiddenColumns.includes(el.dataset.engine); });
    document.querySelectorAll('th[data-cell-head]').forEach((th) => {
      const shown = th.closest('table').querySelectorAll('thead th[data-engine][data-cell="' + th.dataset.cellHead + '"]:not([hidden])').length;
      th.hidden = shown === 0;
      th.colSpan = Math.max(1, shown);
    });
  };
  document.querySelectorAll('nav.filters input').forEach((b) => b.addEventListener('change', apply));
  document.querySelectorAll('nav.filters button[data-areas]').forEach((b) => b.addEventListener('click', () => document.querySelectorAll('details.area').forEach((d) => { d.open = b.dataset.areas === 'open'; })));
  window.addEventListener('beforeprint', () => document.querySelectorAll('details.area').forEach((d) => { d.open = true; }));
  apply();
})();
`;
