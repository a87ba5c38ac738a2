// The page around Radicula's WebAssembly: it hands the app the files a person picks or drops
// and their touch gestures, and takes back downloads, the clipboard and the settings kept in
// local storage. Nothing is sent anywhere.
"use strict";

const canvas = document.getElementById("canvas");
const statusBox = document.getElementById("status");
const picker = document.getElementById("picker");
const kSettingsKey = "radicula-settings";
// FileAction values of src/ui/interface_model.h.
const kOpenScenario = 0, kOpenModel = 2, kOpenMriReport = 4;

function call(name, types, args) {
  return Module.ccall(name, "void", types, args);
}

// Writes a picked or dropped file into the app's uploads folder and opens it there.
async function openFile(file, action) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const name = file.name.replace(/[\/\\]/g, "_");
  const path = "/uploads/" + name;
  Module.FS.writeFile(path, bytes);
  const ext = name.toLowerCase().split(".").pop();
  if (action === undefined) {
    action = ext === "txt" ? kOpenMriReport : ext === "json" ? kOpenScenario : kOpenModel;
  }
  call("radicula_open", ["string", "number"], [path, action]);
}

const radiculaPage = {
  settings() {
    try {
      return localStorage.getItem(kSettingsKey) || "";
    } catch (e) {
      return "";  // storage switched off: defaults
    }
  },
  keepSettings(text) {
    try {
      localStorage.setItem(kSettingsKey, text);
    } catch (e) {
      // Storage full or switched off: the settings last for this visit.
    }
  },
  download(path) {
    const bytes = Module.FS.readFile(path);
    const name = path.split("/").pop();
    const type = name.endsWith(".json") ? "application/json"
               : name.endsWith(".png") ? "image/png" : "application/octet-stream";
    const url = URL.createObjectURL(new Blob([bytes], {type}));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  },
  pick(action) {
    picker.accept = action === kOpenMriReport ? ".txt,text/plain"
                  : action === kOpenModel ? ".glb,.gltf" : ".json,application/json";
    picker.onchange = () => {
      if (picker.files.length > 0) openFile(picker.files[0], action);
      picker.value = "";
    };
    picker.click();
  },
  copyLink(link) {
    const url = location.origin + location.pathname + "#" + link;
    history.replaceState(null, "", "#" + link);
    if (navigator.clipboard) navigator.clipboard.writeText(url).catch(() => {});
  },
  firstFrame() {
    window.radiculaFirstFrameMs = performance.now();
    statusBox.remove();
    canvas.focus();
  },
  fail(message) {
    statusBox.textContent = "Radicula cannot start: " + message;
    statusBox.className = "failed";
  },
};
window.radiculaPage = radiculaPage;

var Module = {
  canvas,
  print: (text) => console.log(text),
  // The app's own notes (a setting it could not read) are not page errors.
  printErr: (text) => console.warn(text),
  setStatus: (text) => {
    if (text && statusBox.isConnected) statusBox.textContent = "Radicula is loading… " + text;
  },
  onAbort: (what) => radiculaPage.fail(String(what)),
};
window.Module = Module;

// Text pasted with Ctrl+V or the browser's menu (a report copied from another window) is typed
// into the field that has the cursor.
document.addEventListener("paste", (e) => {
  const text = e.clipboardData ? e.clipboardData.getData("text") : "";
  if (text) {
    e.preventDefault();
    call("radicula_paste", ["string"], [text]);
  }
});

// Files dropped on the page open as they would from the File menu.
window.addEventListener("dragover", (e) => e.preventDefault());
window.addEventListener("drop", (e) => {
  e.preventDefault();
  if (e.dataTransfer.files.length > 0) openFile(e.dataTransfer.files[0]);
});

// Touch: one finger turns, two fingers pinch to zoom and move together to move, a tap picks
// (sent on as a click).
let touches = new Map();
let moved = false;
function centre(list) {
  let x = 0, y = 0;
  for (const t of list) { x += t.x; y += t.y; }
  return {x: x / list.length, y: y / list.length};
}
function spread(list) {
  return Math.hypot(list[0].x - list[1].x, list[0].y - list[1].y);
}
function point(t) {
  const r = canvas.getBoundingClientRect();
  return {x: t.clientX - r.left, y: t.clientY - r.top};
}
canvas.addEventListener("touchstart", (e) => {
  e.preventDefault();
  for (const t of e.changedTouches) touches.set(t.identifier, point(t));
  moved = false;
}, {passive: false});
canvas.addEventListener("touchmove", (e) => {
  e.preventDefault();
  const before = [...touches.values()];
  for (const t of e.changedTouches) touches.set(t.identifier, point(t));
  const after = [...touches.values()];
  if (after.length === 1 && before.length === 1) {
    const dx = after[0].x - before[0].x, dy = after[0].y - before[0].y;
    if (Math.abs(dx) + Math.abs(dy) > 0) moved = true;
    call("radicula_orbit", ["number", "number"], [dx, dy]);
  } else if (after.length >= 2 && before.length >= 2) {
    moved = true;
    const a = centre(before.slice(0, 2)), b = centre(after.slice(0, 2));
    const factor = spread(before) / Math.max(1, spread(after));
    call("radicula_zoom", ["number", "number", "number"], [factor, b.x, b.y]);
    call("radicula_pan", ["number", "number"], [b.x - a.x, b.y - a.y]);
  }
}, {passive: false});
canvas.addEventListener("touchend", (e) => {
  e.preventDefault();
  const ended = [...e.changedTouches];
  if (!moved && touches.size === 1 && ended.length === 1) {
    const t = ended[0];
    for (const type of ["mousemove", "mousedown", "mouseup"]) {
      canvas.dispatchEvent(new MouseEvent(type, {clientX: t.clientX, clientY: t.clientY,
                                                 button: 0, bubbles: true}));
    }
  }
  for (const t of ended) touches.delete(t.identifier);
}, {passive: false});
