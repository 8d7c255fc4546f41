// Keeps every keystroke typed into a Streamlit data editor (Glide Data Grid).
//
// Typing on a selected cell opens the cell's editor with that first key, but the editor's input
// appears a frame or more later; after Enter or Tab the old editor takes a few milliseconds to close,
// during which keys land in it (lost) or on the grid (which then opens an editor that never saves);
// and an editor that opens just as the app's rerun after a saved cell arrives can lose its text. So
// "Juridisk" was saved as "idisk", and a fast typist lost whole cells. This script holds the keys of
// a burst and hands them over in order: the first to the grid (again, if no editor opened), the rest
// to the editor's input once it has focus; a held Enter or Tab commits there, and the keys after it
// wait until that editor is gone and the rerun is over, then start the next cell the same way.
// It reads no page content and sends nothing anywhere; it only delivers the user's own keystrokes.
(() => {
  const root = window.parent && window.parent !== window ? window.parent : window;
  if (root.__teknologiradarKeepKeys) return;
  root.__teknologiradarKeepKeys = true;
  const doc = root.document;
  const TICK_MS = 15; // how often a closing editor is checked
  const RETRY_MS = 120; // no editor yet: give the first key to the grid again
  const GIVE_UP_MS = 5000; // no editor at all (a read-only cell), or no end of a rerun: drop the held keys
  const NO_RERUN_MS = 400; // a commit that changed nothing causes no rerun
  const COMMITS = new Set(["Enter", "Tab"]);
  const KEY_CODES = { Enter: 13, Tab: 9, Escape: 27 };

  let queue = []; // keys not yet delivered, in order
  let waiting = null; // {key, since, timer}: a first key given to the grid, its editor not open yet
  let closing = null; // {input, since}: an editor committed by Enter/Tab that is still on the page

  const inGrid = (el) => !!(el && el.closest && el.closest("[data-testid='stDataFrame']"));
  // A cell's editor: an input in the grid's overlay (Glide puts it in a portal outside the grid).
  const isEditor = (el) => !!(el && el.closest && el.closest("[id^='gdg-overlay-']")) && ["TEXTAREA", "INPUT"].includes(el.tagName);
  const printable = (key) => key.length === 1;
  const typed = (e) => !e.ctrlKey && !e.metaKey && !e.altKey && (printable(e.key) || COMMITS.has(e.key) || e.key === "Escape");
  const gridFocus = () => (inGrid(doc.activeElement) ? doc.activeElement : null);

  const press = (target, key) =>
    target.dispatchEvent(
      new root.KeyboardEvent("keydown", {
        key,
        code: key,
        keyCode: KEY_CODES[key] || key.toUpperCase().charCodeAt(0),
        bubbles: true,
        cancelable: true,
      }),
    );
  const setValue = (input, value) => {
    const proto = input.tagName === "TEXTAREA" ? root.HTMLTextAreaElement.prototype : root.HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, "value").set.call(input, value);
    input.dispatchEvent(new root.Event("input", { bubbles: true }));
  };
  const hold = (e) => {
    queue.push(e.key);
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  const reset = () => {
    if (waiting) root.clearTimeout(waiting.timer);
    queue = [];
    waiting = null;
    closing = null;
  };

  // A first key went to the grid: give it again while no editor has opened, up to GIVE_UP_MS.
  const watch = (key, since) => {
    waiting = { key, since, timer: root.setTimeout(retry, RETRY_MS) };
  };
  function retry() {
    if (!waiting) return;
    if (Date.now() - waiting.since > GIVE_UP_MS) return reset();
    const target = gridFocus();
    if (target) press(target, waiting.key);
    waiting.timer = root.setTimeout(retry, RETRY_MS);
  }

  // The next cell: the grid opens its editor with the first held character.
  const startCell = () => {
    while (queue.length && !printable(queue[0])) queue.shift(); // a commit with no cell open commits nothing
    const target = gridFocus();
    if (!queue.length || !target) return;
    const key = queue.shift();
    watch(key, Date.now());
    press(target, key);
  };

  // The app reruns after each saved cell (the editor sends its edits about 150 ms after a commit). An
  // editor that opens while that rerun arrives can lose what is typed in it, so the next cell waits for it.
  const appState = () => (doc.querySelector("[data-testid='stApp']") || doc.body).getAttribute("data-test-script-state");
  const appBusy = () => ["running", "rerunRequested"].includes(appState());

  // An editor was committed: once it is gone, the rerun it causes is over and the grid has focus,
  // the held keys start the next cell.
  const committed = (input) => {
    closing = { input, since: Date.now(), rerun: false };
    const check = () => {
      if (!closing) return;
      const age = Date.now() - closing.since;
      if (age > GIVE_UP_MS) return reset();
      if (appBusy()) closing.rerun = true;
      const settled = closing.rerun ? !appBusy() : age > NO_RERUN_MS;
      if (!closing.input.isConnected && settled && gridFocus()) {
        closing = null;
        return startCell();
      }
      root.setTimeout(check, TICK_MS);
    };
    root.setTimeout(check, TICK_MS);
  };

  // Replay a held Enter, Tab or Escape in the editor once React has seen the text; again while it stays open.
  const replayCommit = (input, key, since) => {
    root.setTimeout(() => {
      if (!input.isConnected || doc.activeElement !== input || Date.now() - since > GIVE_UP_MS) return;
      press(input, key);
      replayCommit(input, key, since);
    }, RETRY_MS / 2);
  };

  // The cell's editor has focus: type the held characters into it, then its held commit, if any.
  const fillEditor = (input) => {
    if (waiting) root.clearTimeout(waiting.timer);
    waiting = null;
    let text = "";
    while (queue.length && printable(queue[0])) text += queue.shift();
    if (text) {
      setValue(input, input.value + text);
      if (input.setSelectionRange) input.setSelectionRange(input.value.length, input.value.length);
    }
    if (queue.length) {
      const key = queue.shift();
      if (COMMITS.has(key)) committed(input);
      replayCommit(input, key, Date.now());
    }
  };

  doc.addEventListener(
    "keydown",
    (e) => {
      if (!e.isTrusted || !typed(e)) return;
      if (closing || waiting || queue.length) {
        if (isEditor(e.target) || inGrid(e.target) || e.target === doc.body) hold(e); // elsewhere: not ours
        return;
      }
      if (isEditor(e.target)) {
        if (COMMITS.has(e.key) && !e.shiftKey) committed(e.target); // the keys after it belong to the next cell
      } else if (inGrid(e.target) && printable(e.key)) {
        watch(e.key, Date.now()); // the first key of a cell goes to the grid as usual
      }
    },
    true,
  );

  doc.addEventListener(
    "focusin",
    (e) => {
      if (isEditor(e.target) && waiting) root.requestAnimationFrame(() => fillEditor(e.target));
    },
    true,
  );
})();
