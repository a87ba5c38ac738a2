// The page around Radicula's WebAssembly: it hands the app the files a person picks or drops,
// their fingers and the mouse wheel, and takes back downloads, the clipboard, and the settings
// and the last scene kept in local storage. Nothing is sent anywhere.
"use strict";

const canvas = document.getElementById("canvas");
const statusBox = document.getElementById("status");
const picker = document.getElementById("picker");
const kSettingsKey = "radicula-settings";
const kSceneKey = "radicula-last-scene";
// A finger is the main way in (a phone, a tablet): the app gives every control a finger's size.
const coarse = window.matchMedia ? window.matchMedia("(pointer: coarse)") : null;
let ready = false;  // the app has drawn its first frame and takes input
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
  // The scene as it was left, opened again on a visit without a link: a tab closed, or the app
  // started from the home screen, loses nothing.
  lastScene() {
    try {
      return localStorage.getItem(kSceneKey) || "";
    } catch (e) {
      return "";
    }
  },
  keepScene(text) {
    try {
      localStorage.setItem(kSceneKey, text);
    } catch (e) {
      // Storage full or switched off: the scene lasts for this visit.
    }
  },
  touchFirst() {
    return coarse !== null && coarse.matches;
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
    ready = true;
    window.radiculaFirstFrameMs = performance.now();
    statusBox.remove();
    canvas.focus();
    setTimeout(keepOfflineCopy, 0);
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

// Where a touch or the mouse is on the canvas, in the canvas's device pixels (the app's
// window coordinates).
function canvasPoint(clientX, clientY) {
  const r = canvas.getBoundingClientRect();
  return {x: (clientX - r.left) * canvas.width / Math.max(1, r.width),
          y: (clientY - r.top) * canvas.height / Math.max(1, r.height)};
}

// Fingers go to the app, which reads the gestures (src/ui/touch_gestures.h): one finger turns,
// two pinch and move, a tap picks, a double tap centres, a long press names, and on the panels a
// drag scrolls. Caught on the way down (capture on the window), so the page never scrolls or
// zooms itself and emscripten's own touch-as-mouse handling never sees them. Not passive: the
// browser's own reading of the gesture is cancelled, which touch-action: none also says in CSS.
const kTouchPhase = {touchstart: 0, touchmove: 1, touchend: 2, touchcancel: 3};
for (const type of Object.keys(kTouchPhase)) {
  window.addEventListener(type, (e) => {
    if (e.target !== canvas) return;
    if (e.cancelable) e.preventDefault();
    e.stopPropagation();
    if (!ready) return;
    for (const t of e.changedTouches) {
      const p = canvasPoint(t.clientX, t.clientY);
      call("radicula_touch", ["number", "number", "number", "number", "number"],
           [kTouchPhase[type], t.identifier, p.x, p.y, e.timeStamp]);
    }
  }, {capture: true, passive: false});
}

// The mouse wheel in notches, as the desktop counts them (positive: turned away from the user,
// which zooms in): 100 CSS pixels or 3 lines a notch, as browsers send one notch. Emscripten's
// GLFW would hand the app the raw pixels, the other way round.
function wheelNotches(e, delta) {
  return e.deltaMode === 1 ? -delta / 3 : e.deltaMode === 2 ? -delta * 8 : -delta / 100;
}
window.addEventListener("wheel", (e) => {
  if (e.target !== canvas) return;
  if (e.cancelable) e.preventDefault();
  e.stopPropagation();
  if (!ready) return;
  call("radicula_wheel", ["number", "number"], [wheelNotches(e, e.deltaX), wheelNotches(e, e.deltaY)]);
}, {capture: true, passive: false});
window.addEventListener("mousewheel", (e) => {
  if (e.target === canvas) e.stopPropagation();
}, {capture: true, passive: true});

// Once the app has drawn, its files are kept for the next visit without a network (not before:
// the offline copy would fetch them again while the page itself still loads them).
function keepOfflineCopy() {
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  navigator.serviceWorker.register("sw.js").catch((e) => console.warn("offline copy: " + e));
}
