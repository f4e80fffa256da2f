(function () {
  "use strict";
  // decode85 reads the text the build writes (wasm/build/text85.go): five
  // characters for every four bytes, the last group padded with the highest digit.
  function decode85(s, n) {
    const alphabet = "!#%()*+,-.0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~";
    const index = new Uint8Array(128);
    for (let i = 0; i < 85; i++) index[alphabet.charCodeAt(i)] = i;
    // The text is ASCII: the browser turns it into bytes far faster than
    // charCodeAt can read it one character at a time.
    const c = new TextEncoder().encode(s);
    const out = new Uint8Array(Math.ceil(n / 4) * 4);
    const full = c.length - c.length % 5;
    let o = 0, i = 0;
    for (; i < full; i += 5) {
      const v = (((index[c[i]] * 85 + index[c[i + 1]]) * 85 +
        index[c[i + 2]]) * 85 + index[c[i + 3]]) * 85 + index[c[i + 4]];
      out[o++] = v >>> 24; out[o++] = (v >>> 16) & 255; out[o++] = (v >>> 8) & 255; out[o++] = v & 255;
    }
    if (i < c.length) {
      let v = 0;
      for (let j = 0; j < 5; j++) v = v * 85 + (i + j < c.length ? index[c[i + j]] : 84);
      out[o++] = v >>> 24; out[o++] = (v >>> 16) & 255; out[o++] = (v >>> 8) & 255; out[o++] = v & 255;
    }
    return out.subarray(0, n);
  }
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
  function fail(msg) {
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.textContent = msg;
    app.replaceChildren(p);
  }
  if (typeof WebAssembly !== "object" || typeof DecompressionStream !== "function") {
    fail("This browser cannot run partnerkit: it lacks WebAssembly or DecompressionStream. Please open this file in a current version of Chrome, Edge, Firefox or Safari.");
    window.pkChunk = function () {};
    return;
  }
  // The compiled app arrives in pieces, each a script that hands its text to
  // pkChunk as the browser reads the page; the pieces are decompressed and
  // compiled while the rest of the page is still being read.
  performance.mark("pk-decode-start");
  let push, done, got = 0;
  const pieces = new ReadableStream({ start(c) { push = b => c.enqueue(b); done = () => c.close(); } });
  window.pkChunk = function (s, size) {
    try {
      const n = size === undefined ? s.length / 5 * 4 : size - got;
      const b = decode85(s, n);
      got += b.length;
      push(b);
      if (size !== undefined) {
        done();
        delete window.pkChunk;
        performance.mark("pk-decode-end");
      }
    } catch (e) {
      fail("partnerkit could not start: " + e);
    }
  };
  (async function () {
    try {
      const go = new Go();
      const wasm = pieces.pipeThrough(new DecompressionStream("gzip"));
      let instance;
      if (typeof WebAssembly.instantiateStreaming === "function") {
        ({ instance } = await WebAssembly.instantiateStreaming(
          new Response(wasm, { headers: { "Content-Type": "application/wasm" } }), go.importObject));
      } else {
        ({ instance } = await WebAssembly.instantiate(await new Response(wasm).arrayBuffer(), go.importObject));
      }
      performance.mark("pk-instantiate-end");
      go.run(instance);
    } catch (e) {
      fail("partnerkit could not start: " + e);
    }
  })();
})();
