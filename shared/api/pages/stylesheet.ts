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
input[type=email], input[type=text], textarea, select { width: 100%; font: inherit; padding: .5rem; border: 2px solid #5c5c5c; border-radius: 4px; background: #fff; color: #1a1a1a; }
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
`;
