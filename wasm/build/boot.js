(function () {
  "use strict";
  // decode reads a piece of the app's text, base64 (wasm/build/page.go):
  // the browser's own decoder where it has one, which is many times faster
  // than a loop over the characters.
  const decode = typeof Uint8Array.fromBase64 === "function" ? s => Uint8Array.fromBase64(s) : function (s) {
    const t = atob(s), out = new Uint8Array(t.length);
    for (let i = 0; i < t.length; i++) out[i] = t.charCodeAt(i);
    return out;
  };
  // pkBuild makes the elements of a part of the page in one call from the
  // app (wasm/dom/render.go, createAll), instead of one call per element and
  // attribute. spec is JSON: in document order, [tag, text, [name, value,
  // ...], number of children], tag "" for a text node. Text is only ever set
  // as text. It returns the nodes made, in the same order.
  window.pkBuild = function (json) {
    const spec = JSON.parse(json), nodes = [];
    let i = 0;
    function make() {
      const [tag, text, attrs, kids] = spec[i++];
      if (tag === "") {
        const t = document.createTextNode(text);
        nodes.push(t);
        return t;
      }
      const el = document.createElement(tag);
      nodes.push(el);
      for (let a = 0; a < attrs.length; a += 2) {
        const name = attrs[a], value = attrs[a + 1];
        if (name === "value") { el.value = value; continue; }
        if (name === "checked" || name === "selected") el[name] = true;
        el.setAttribute(name, value);
      }
      if (kids === 0) {
        if (text !== "") el.textContent = text;
      } else {
        for (let k = 0; k < kids; k++) el.appendChild(make());
      }
      return el;
    }
    make();
    return nodes;
  };
  const app = document.getElementById("app");
  let loader = document.getElementById("pk-loader");
  const parts = Number(app.getAttribute("data-pk-parts")) || 1;
  const html = document.documentElement;
  function say(text) {
    if (loader) loader.textContent = text;
  }
  // The messages when partnerkit cannot start or stops: what happened and
  // what to do, in plain words.
  const old = "This browser is too old to run partnerkit. Open this file in a current version of Chrome, Edge, Firefox or Safari (it needs WebAssembly). Nothing you enter is sent anywhere.";
  const memory = "This device did not give partnerkit enough memory to start. Close other tabs and apps, then reload this page. Your work saved on this device is kept.";
  const blocked = "A setting of this browser or of your organization blocked partnerkit: it needs WebAssembly, which is turned off here. Ask your IT staff to allow WebAssembly for this file, or open it in another current browser.";
  const stopped = "partnerkit could not start in this browser. Reload the page; if it happens again, open this file in a current version of Chrome, Edge, Firefox or Safari. Your work saved on this device is kept.";
  function why(e) {
    const s = String((e && e.message) || e);
    if (e instanceof RangeError || /memory|allocat/i.test(s)) return memory;
    if (/unsafe-eval|content security|csp|refused|not allowed|disallowed|blocked/i.test(s)) return blocked;
    // The browser's own words help whoever debugs it, in the console; the
    // person using the page is told what to do.
    console.error("partnerkit could not start:", e);
    return stopped;
  }
  let failed = false;
  // problem says msg in the page's one alert of the start-up: in place of
  // the page (whole), or above what the app last drew. A second problem
  // replaces the first one's words instead of adding a paragraph.
  function problem(msg, whole) {
    failed = true;
    let p = document.getElementById("pk-boot-problem");
    if (!p) {
      p = document.createElement("p");
      p.id = "pk-boot-problem";
      p.setAttribute("role", "alert");
      p.className = "pk-loader-problem";
    }
    p.textContent = msg;
    if (whole) app.replaceChildren(p);
    else if (p.parentNode !== app || app.firstChild !== p) app.prepend(p);
    html.setAttribute("data-pk-failed", "true");
  }
  // fail shows the message in place of the page.
  function fail(msg) {
    problem(msg, true);
  }

  // The first screen is in the page already: the Start screen. A device that
  // keeps a workspace shows the frame and "Opening your workspace…" with its
  // name instead; an embedded rater view shows only the progress line.
  const embed = /(?:^|&)view=rubric(?:&|$)/.test(location.search.replace(/^\?/, "") + "&" + location.hash.replace(/^#/, ""));
  const first = document.getElementById("pk-root");
  // The workspace open when the page was last closed: the list of the
  // device's workspaces names it, or an older page kept its one workspace.
  let returning = false, name = "";
  // keepsExample reports whether the list of the device's workspaces, ix,
  // may hold the example (or cannot be read).
  function keepsExample(ix) {
    return !!ix && (typeof ix !== "object" || !Array.isArray(ix.workspaces) || ix.workspaces.some(w => !w || w.id === example.getAttribute("data-pk-workspace")));
  }
  // The example's first frame comes with the page (pk-example), for a device
  // that can keep it and does not keep it yet: one that does opens its own
  // copy, which the app draws once it runs.
  const example = document.getElementById("pk-example");
  let preview = !!example && location.search === "" && location.hash === "";
  try {
    const list = localStorage.getItem(app.getAttribute("data-pk-index"));
    let ix = null;
    try {
      ix = list === null ? null : JSON.parse(list);
    } catch (e) {
      // Unreadable: the app makes the list again.
      preview = false;
    }
    if (preview && keepsExample(ix)) preview = false;
    if (ix && typeof ix === "object" && "partnerkitLocked" in ix) {
      returning = true; // locked with a passphrase: no name to show
    } else if (ix && typeof ix === "object") {
      const e = ix.current && Array.isArray(ix.workspaces) ? ix.workspaces.find(w => w && w.id === ix.current) : undefined;
      returning = !!ix.current;
      if (e && typeof e.name === "string") name = e.name.trim();
    } else {
      const saved = localStorage.getItem(app.getAttribute("data-pk-store"));
      returning = saved !== null;
      try {
        const w = returning ? JSON.parse(saved) : null, p = w && w.partnership;
        if (p && typeof p.name === "string") name = p.name.trim();
      } catch (e) {
        // Unreadable: the app says so, and keeps it aside.
      }
    }
  } catch (e) {
    // Storage turned off: the app says so once it runs.
    preview = false;
  }
  if (first && embed) {
    first.remove();
  } else if (first && returning) {
    const opening = document.getElementById("pk-opening");
    if (opening) {
      first.replaceWith(opening.content.cloneNode(true));
      if (name !== "") document.getElementById("pk-opening-name").textContent = name;
    }
  }

  // What is clicked, chosen or dropped before the app is ready is held, and
  // done once it is: the control says it is getting ready meanwhile.
  const ready = () => html.getAttribute("data-pk-ready") === "true";
  const held = [];
  let focused = "";
  function selector(el) {
    if (el.id) return "#" + CSS.escape(el.id);
    let s = "[data-on-click=\"" + CSS.escape(el.getAttribute("data-on-click") || "") + "\"]";
    if (el.hasAttribute("data-arg")) s += "[data-arg=\"" + CSS.escape(el.getAttribute("data-arg")) + "\"]";
    return s;
  }
  function hold(ev) {
    if (ready() || !ev.target.closest) return;
    const el = ev.target.closest(ev.type === "click" ? "[data-on-click]" : ev.type === "change" ? "input[type=file]" : "[data-on-drop]");
    if (ev.type === "dragover") {
      ev.preventDefault(); // or the browser would open the dropped file itself
      return;
    }
    if (!el || !app.contains(el)) return;
    if (ev.type === "click" && preview && el.id === "pk-start-example" && !keptNow()) {
      // The example shows at once, as the app will draw it; the app opens
      // it when it runs (wasm/app) and draws the same frame over this one.
      ev.preventDefault();
      ev.stopImmediatePropagation();
      preview = false;
      const root = document.getElementById("pk-root");
      if (!root) return;
      root.replaceWith(example.content.cloneNode(true));
      html.setAttribute("data-pk-preview", "example");
      // The frame's own line says it is checking, and takes the progress
      // line's words: the app draws no progress line above the frame, and
      // nothing moves when it takes over.
      const checking = document.getElementById("pk-review-checking");
      if (loader && checking) {
        loader.remove();
        loader = checking;
      }
      const main = document.getElementById("pk-main");
      if (main) {
        main.focus({ preventScroll: true }); // where the app puts the focus
        if (window.scrollY > 0 && main.getBoundingClientRect().top < 0) main.scrollIntoView({ block: "start" });
      }
      return;
    }
    if (ev.type === "click") {
      if (el.matches("input[type=file]")) return; // its file picker opens; the choice is held below
      ev.preventDefault();
      held.push({ sel: selector(el) });
    } else if (ev.type === "change") {
      held.push({ sel: selector(el), files: el.files });
    } else {
      ev.preventDefault();
      if (!ev.dataTransfer || ev.dataTransfer.files.length === 0) return;
      held.push({ sel: "[data-on-drop=\"" + CSS.escape(el.getAttribute("data-on-drop")) + "\"]", drop: [...ev.dataTransfer.files] });
    }
    ev.stopImmediatePropagation();
    el.setAttribute("aria-busy", "true");
    say("Getting ready: what you asked for will happen in a moment…");
  }
  // keptNow reports whether the device keeps the example now: another tab
  // may have saved it since the page was read.
  function keptNow() {
    try {
      return keepsExample(JSON.parse(localStorage.getItem(app.getAttribute("data-pk-index"))));
    } catch (e) {
      return true;
    }
  }
  const kinds = ["click", "change", "dragover", "drop"];
  for (const k of kinds) document.addEventListener(k, hold, true);
  // place names where el is, for the same element of what the app draws:
  // its id, or its place under the nearest element with one.
  function place(el) {
    const steps = [];
    for (let e = el; e && e !== html; e = e.parentElement) {
      if (e.id) {
        steps.unshift("#" + CSS.escape(e.id));
        return steps.join(" > ");
      }
      steps.unshift(":nth-child(" + (Array.prototype.indexOf.call(e.parentElement.children, e) + 1) + ")");
    }
    return "";
  }
  // What has the focus is put back once the app has drawn over the first
  // screen; focus that went nowhere (a click on text) is not.
  document.addEventListener("focusin", function track(ev) {
    if (!ready()) focused = app.contains(ev.target) ? place(ev.target) : "";
  }, true);
  document.addEventListener("focusout", function () {
    // The app's own drawing takes the focus away too: only a person's
    // moving it nowhere, seen once the event is over, forgets it.
    setTimeout(() => {
      if (!ready() && (document.activeElement === null || document.activeElement === document.body)) focused = "";
    }, 0);
  }, true);
  function replay() {
    for (const k of kinds) document.removeEventListener(k, hold, true);
    if (focused && (document.activeElement === null || document.activeElement === document.body)) {
      const el = document.querySelector(focused);
      if (el) el.focus({ preventScroll: true }); // as it was: the app drew the same
    }
    let i = 0;
    (function next() {
      if (i >= held.length) return;
      const h = held[i++], el = document.querySelector(h.sel);
      if (el && h.files) {
        el.files = h.files;
        el.dispatchEvent(new Event("change", { bubbles: true }));
      } else if (el && h.drop) {
        const dt = new DataTransfer();
        for (const f of h.drop) dt.items.add(f);
        el.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      } else if (el) {
        el.click();
      }
      setTimeout(next, 0); // each in its own task, after the app has drawn the last
    })();
  }
  new MutationObserver(function (_, obs) {
    if (ready()) {
      obs.disconnect();
      replay();
    }
  }).observe(html, { attributes: true, attributeFilter: ["data-pk-ready"] });
  setTimeout(function () {
    if (!ready() && !failed) say("partnerkit is taking longer than usual to start. Please wait a little; if nothing happens, close other tabs and reload this page.");
  }, 20000);

  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function" || typeof DecompressionStream !== "function") {
    fail(old);
    window.pkChunk = function () {};
    return;
  }
  // The compiled app arrives in pieces, each a script that hands its text to
  // pkChunk as the browser reads the page. A worker decompresses and
  // compiles the pieces while the page's thread still reads the rest of the
  // page and draws the first screen; where no worker can start or it fails,
  // the page's thread does it all itself, from the text it kept.
  performance.mark("pk-decode-start");
  // pipe is a stream of bytes that push adds to and end ends.
  function pipe() {
    let push, end;
    const stream = new ReadableStream({ start(c) { push = b => c.enqueue(b); end = () => c.close(); } });
    return { stream, push, end };
  }
  // compile decompresses and compiles the stream of the app's gzipped bytes.
  function compile(stream) {
    const wasm = stream.pipeThrough(new DecompressionStream("gzip"));
    return typeof WebAssembly.compileStreaming === "function" ?
      WebAssembly.compileStreaming(new Response(wasm, { headers: { "Content-Type": "application/wasm" } })) :
      new Response(wasm).arrayBuffer().then(b => WebAssembly.compile(b));
  }
  // compiler runs in the worker, given the two functions above: it takes
  // the pieces the page posts (null ends them) and posts back the compiled
  // module, or why it could not.
  function compiler(pipe, compile) {
    const p = pipe();
    onmessage = e => e.data === null ? p.end() : p.push(e.data);
    compile(p.stream).then(m => postMessage(m)).catch(e => postMessage(String((e && e.message) || e)));
  }
  // beside compiles in a worker; null when this browser cannot start one.
  function beside() {
    let w, url;
    try {
      url = URL.createObjectURL(new Blob(["(" + compiler + ")(" + pipe + ", " + compile + ")"], { type: "text/javascript" }));
      w = new Worker(url);
    } catch (e) {
      if (url) URL.revokeObjectURL(url);
      return null;
    }
    const module = new Promise(function (resolve, reject) {
      w.onmessage = e => e.data instanceof WebAssembly.Module ? resolve(e.data) : reject(e.data);
      w.onerror = e => reject(e.message);
    });
    const stop = () => { w.terminate(); URL.revokeObjectURL(url); };
    module.then(() => { stop(); performance.mark("pk-compiled-beside"); }, stop);
    // Each piece is handed over, not copied: the page keeps its text.
    return { push: b => w.postMessage(b, [b.buffer]), end: () => w.postMessage(null), module };
  }
  // here compiles on the page's thread.
  function here() {
    const p = pipe(), module = compile(p.stream);
    module.then(() => performance.mark("pk-compiled-here"), () => {});
    return { push: p.push, end: p.end, module };
  }
  const kept = [];
  let ended = false, pieces = 0, to = beside();
  let compiled;
  if (to) {
    compiled = to.module.catch(function () {
      to = here();
      for (const s of kept) to.push(decode(s));
      if (ended) to.end();
      return to.module;
    });
  } else {
    to = here();
    compiled = to.module;
  }
  window.pkChunk = function (s, last) {
    if (failed) return;
    try {
      kept.push(s);
      to.push(decode(s));
      pieces++;
      say("Getting partnerkit ready on this device… " + Math.round(pieces / parts * 70) + "%");
      if (last) {
        ended = true;
        to.end();
        delete window.pkChunk;
        performance.mark("pk-decode-end");
      }
    } catch (e) {
      fail(why(e));
    }
  };
  // The app's words, watched for its running out of memory (the runtime
  // says so before its stack trace).
  const outOfMemory = /out of memory|maximum memory|memory\.grow|grow memory|cannot allocate|allocation failed/i;
  let oom = false;
  for (const level of ["log", "error"]) {
    const write = console[level];
    console[level] = function (...args) {
      if (!oom && outOfMemory.test(args.join(" "))) oom = true;
      return write.apply(console, args);
    };
  }
  (async function () {
    let instance;
    const go = new Go();
    try {
      instance = await WebAssembly.instantiate(await compiled, go.importObject);
      kept.length = 0;
      performance.mark("pk-instantiate-end");
      // How much memory the app holds, for the tests and for the curious.
      window.pkMemory = () => instance.exports.mem.buffer.byteLength;
      say("Getting partnerkit ready on this device… 90%");
    } catch (e) {
      fail(why(e));
      return;
    }
    try {
      await go.run(instance);
    } catch (e) {
      if (outOfMemory.test(String(e))) oom = true;
    }
    // The app never ends on its own: it stopped.
    const msg = oom ?
      "partnerkit ran out of memory on this device and stopped. Your work saved at your last pause is kept on this device. Close other tabs and apps, then reload this page." :
      "partnerkit stopped because of an error. Your work saved at your last pause is kept on this device: reload this page to go on.";
    if (!ready()) {
      fail(oom ? memory : msg);
      return;
    }
    problem(msg, false);
  })();
})();
