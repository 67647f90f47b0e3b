// The dashboard's browser scripts (plain ES5, no build step): the theme chosen with the header's
// toggle, live refresh of #live, local times, dialogs, and JSON fields checked as you type.

/** Runs in <head> before anything paints, so a chosen theme never flashes the other one. */
export const THEME_SCRIPT = `try { var t = localStorage.getItem("runner-theme"); if (t === "light" || t === "dark") document.documentElement.dataset.theme = t; } catch (e) {}`;

export const SCRIPT = `
(function () {
  var root = document.documentElement;
  var live = document.getElementById("live");
  var auto = document.getElementById("auto");
  var every = Number(live.dataset.refresh || 0);

  function effectiveTheme() {
    return root.dataset.theme || (matchMedia("(prefers-color-scheme: light)").matches ? "light" : "dark");
  }
  var themeButton = document.getElementById("theme");
  function labelTheme() {
    var next = effectiveTheme() === "dark" ? "light" : "dark";
    themeButton.textContent = next === "light" ? "☀" : "☾";
    themeButton.title = "Switch to the " + next + " theme";
    themeButton.setAttribute("aria-label", themeButton.title);
  }
  labelTheme();
  themeButton.addEventListener("click", function () {
    root.dataset.theme = effectiveTheme() === "dark" ? "light" : "dark";
    try { localStorage.setItem("runner-theme", root.dataset.theme); } catch (e) {}
    labelTheme();
  });

  try { auto.checked = localStorage.getItem("runner-live") !== "off"; } catch (e) {}
  auto.addEventListener("change", function () { try { localStorage.setItem("runner-live", auto.checked ? "on" : "off"); } catch (e) {} });

  function localTimes(scope) {
    scope.querySelectorAll("time[data-ts]").forEach(function (t) {
      var d = new Date(Number(t.dataset.ts));
      var today = new Date().toDateString() === d.toDateString();
      t.textContent = today ? d.toLocaleTimeString() : d.toLocaleString();
    });
  }
  localTimes(document);

  // A JSON field: must parse, and to an object when data-json="object"; the form cannot be sent otherwise.
  function checkJson(area) {
    var error = "";
    try {
      var value = JSON.parse(area.value);
      if (area.dataset.json === "object" && (value === null || typeof value !== "object" || Array.isArray(value))) error = "Must be a JSON object: { … }";
      else if (area.dataset.json === "object" && "data" in value && (value.data === null || typeof value.data !== "object" || Array.isArray(value.data))) error = "\\"data\\" must be an object";
    } catch (e) { error = "Not valid JSON: " + e.message; }
    area.setAttribute("aria-invalid", error ? "true" : "false");
    var out = area.form && area.form.querySelector("[data-json-error]");
    if (out) out.textContent = error;
    var submit = area.form && area.form.querySelector("button[type=submit]");
    if (submit) submit.disabled = Boolean(error);
    return !error;
  }
  document.addEventListener("input", function (e) { if (e.target.matches && e.target.matches("textarea[data-json]")) checkJson(e.target); });
  document.addEventListener("submit", function (e) {
    var area = e.target.querySelector && e.target.querySelector("textarea[data-json]");
    if (area && !checkJson(area)) { e.preventDefault(); area.focus(); }
  });
  document.addEventListener("click", function (e) {
    var opener = e.target.closest && e.target.closest("[data-open-dialog]");
    if (opener) {
      var dialog = document.getElementById(opener.dataset.openDialog);
      if (dialog) { dialog.showModal(); var area = dialog.querySelector("textarea"); if (area) { checkJson(area); area.focus(); } }
    }
    var closer = e.target.closest && e.target.closest("[data-close-dialog]");
    if (closer) closer.closest("dialog").close();
  });

  if (!every) return;
  var busy = false;
  var lastRaw = null;
  function busyUser() {
    var a = document.activeElement;
    if (document.querySelector("dialog[open]")) return true;
    return a && (a.tagName === "TEXTAREA" || a.tagName === "INPUT" && a.type === "text" || a.tagName === "SELECT");
  }
  setInterval(function () {
    if (!auto.checked || busy || document.hidden || busyUser()) return;
    busy = true;
    fetch(location.href, { headers: { "x-partial": "1" } }).then(function (r) { return r.text(); }).then(function (text) {
      var doc = new DOMParser().parseFromString(text, "text/html");
      var next = doc.getElementById("live");
      if (!next) return;
      var open = {};
      live.querySelectorAll("details[data-key]").forEach(function (d) { open[d.dataset.key] = d.open; });
      next.querySelectorAll("details[data-key]").forEach(function (d) { if (d.dataset.key in open) d.open = open[d.dataset.key]; });
      var rawHtml = next.innerHTML;
      if (rawHtml !== lastRaw) { lastRaw = rawHtml; live.innerHTML = rawHtml; localTimes(live); }
    }).catch(function () {}).finally(function () { busy = false; });
  }, every);
})();
`;
