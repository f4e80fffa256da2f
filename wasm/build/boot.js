(async function () {
  "use strict";
  const app = document.getElementById("app");
  function fail(msg) {
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.textContent = msg;
    app.replaceChildren(p);
  }
  if (typeof WebAssembly !== "object" || typeof DecompressionStream !== "function") {
    fail("This browser cannot run partnerkit: it lacks WebAssembly or DecompressionStream. Please open this file in a current version of Chrome, Edge, Firefox or Safari.");
    return;
  }
  try {
    performance.mark("pk-decode-start");
    const b64 = window.pkWasm; delete window.pkWasm;
    const gz = typeof Uint8Array.fromBase64 === "function"
      ? Uint8Array.fromBase64(b64, { alphabet: "base64url" })
      : Uint8Array.from(atob(b64.replace(/-/g, "+").replace(/_/g, "/")), c => c.charCodeAt(0));
    performance.mark("pk-decode-end");
    const go = new Go();
    const wasm = new Blob([gz]).stream().pipeThrough(new DecompressionStream("gzip"));
    let instance;
    if (typeof WebAssembly.instantiateStreaming === "function") {
      // Compile while decompressing.
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
