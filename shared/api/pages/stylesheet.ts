/**
 * The one stylesheet. Colours keep at least 4.5:1 contrast (WCAG AA) and every control shows a clear focus
 * ring, so the pages work by keyboard alone.
 */
export const STYLESHEET = `
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font: 1.0625rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fafafa; }
header { display: flex; justify-content: space-between; align-items: center; padding: .75rem 1.25rem; background: #12355b; color: #fff; }
header a { color: #fff; }
.brand { font-weight: 700; }
main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.2; }
a { color: #0b4f9c; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: .5rem; background: #fff; color: #000; padding: .5rem; z-index: 1; }
label, legend { display: block; font-weight: 600; margin-bottom: .25rem; }
fieldset { border: 1px solid #8a8a8a; border-radius: 4px; margin: 0 0 1.25rem; padding: .75rem 1rem; }
fieldset label { font-weight: 400; display: inline; }
.field { margin-bottom: 1.25rem; }
.choice { display: flex; gap: .5rem; align-items: baseline; margin: .25rem 0; }
.hint { color: #4a4a4a; font-size: .95rem; margin: 0 0 .35rem; }
input[type=email], input[type=text], input[type=password], textarea, select { width: 100%; font: inherit; padding: .5rem; border: 2px solid #5c5c5c; border-radius: 4px; background: #fff; color: #1a1a1a; }
textarea { min-height: 6rem; }
button { font: inherit; font-weight: 600; padding: .6rem 1.2rem; border: 2px solid #0b4f9c; border-radius: 4px; background: #0b4f9c; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #8b1a1a; border-color: #8b1a1a; }
:focus-visible { outline: 3px solid #c25e00; outline-offset: 2px; }
[aria-invalid=true] { border-color: #b00020; }
.error { color: #b00020; font-weight: 600; margin: .25rem 0; }
.errors { border: 2px solid #b00020; border-radius: 4px; padding: .75rem 1rem; margin-bottom: 1.25rem; background: #fff; }
.notice { border-left: 4px solid #12355b; background: #eef3f9; padding: .75rem 1rem; }
.success { border-left-color: #1b6e20; background: #edf7ee; }
section { margin-top: 2.5rem; }
.notice.problem { border-left-color: #b00020; background: #fdecea; }
/* The operator's console (body.console): wide pages of tables. */
body.console main { max-width: 100rem; }
body.console header { flex-wrap: wrap; gap: .5rem 1.5rem; justify-content: flex-start; }
body.console header > nav:last-child { margin-left: auto; }
.console-name { font-weight: 600; opacity: .9; }
.sections ul { display: flex; flex-wrap: wrap; gap: .25rem 1.1rem; list-style: none; margin: 0; padding: 0; }
.sections a { text-decoration: none; padding: .2rem 0; border-bottom: 3px solid transparent; }
.sections a:hover { border-bottom-color: #9fc0e6; }
.sections a[aria-current=page] { font-weight: 700; border-bottom-color: #fff; }
.session { display: flex; gap: .75rem; align-items: center; font-size: .875rem; }
button.link-button { background: transparent; border: 1px solid #fff; color: #fff; padding: .2rem .6rem; font-size: .875rem; }
form.inline { display: inline-block; margin: 0 .35rem .35rem 0; }
button.small { padding: .25rem .6rem; font-size: .875rem; }
.table-wrap { overflow-x: auto; margin-bottom: .5rem; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: .9375rem; border: 1px solid #d0d0d0; }
/* Every console table sits under a heading that says the same; the caption is for screen readers. */
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
td time, td .nowrap { white-space: nowrap; }
body.console .notice { margin-bottom: 1.25rem; }
ul.counts li { white-space: nowrap; }
th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid #d9d9d9; }
thead th { background: #eef3f9; border-bottom: 2px solid #12355b; white-space: nowrap; }
tbody tr:nth-child(even) { background: #f7f9fb; }
td .title { display: block; max-width: 34rem; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 3px; border: 1px solid; font-size: .8125rem; font-weight: 600; white-space: nowrap; }
.badge.ok { color: #1b5e20; background: #e8f5e9; border-color: #1b6e20; }
.badge.bad { color: #8b1a1a; background: #fdecea; border-color: #b00020; }
.badge.warn { color: #6b4400; background: #fff4e0; border-color: #a86200; }
.badge.neutral { color: #333; background: #f0f0f0; border-color: #8a8a8a; }
.detail { color: #4a4a4a; font-size: .875rem; }
.empty { color: #4a4a4a; font-style: italic; }
.toolbar { display: flex; flex-wrap: wrap; gap: .75rem 1rem; align-items: flex-end; margin: 0 0 1.25rem; padding: .75rem 1rem; background: #fff; border: 1px solid #d0d0d0; border-radius: 4px; }
.toolbar .field { margin: 0; }
.toolbar .hint { font-size: .875rem; }
.toolbar input, .toolbar select { width: auto; min-width: 12rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1.25rem; margin: 0 0 1rem; padding: .75rem 1rem; background: #fff; border: 1px solid #d0d0d0; border-radius: 4px; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.pager { display: flex; gap: 1.5rem; margin: .75rem 0 1.5rem; }
.actions { margin: .5rem 0; }
pre { white-space: pre-wrap; word-break: break-all; margin: 0; font-size: .8125rem; }
ul.counts, ul.hits { margin: 0 0 .25rem; padding-left: 1.1rem; }
.event-number { font-variant-numeric: tabular-nums; color: #4a4a4a; }
.result { margin-top: 1rem; padding: .75rem 1rem; background: #fff; border: 1px solid #d0d0d0; border-radius: 4px; }
body.console section { margin-top: 1.75rem; }
`;
