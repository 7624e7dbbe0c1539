// The globus-timer dashboard: plain browser JavaScript over the service's own Timers API.
// Every text from the service goes through textContent, never innerHTML.
"use strict";

const state = { session: null, refresh: null, listQuery: { status: "", name: "", search: "", everyone: false } };

// ---------- small helpers ----------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function show(...nodes) {
  const main = document.getElementById("main");
  main.replaceChildren(...nodes);
}

function notice(text, isError) {
  const box = document.getElementById("notice");
  box.className = "notice" + (isError ? " error" : "");
  box.textContent = text || "";
}

class ApiFailure extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (method !== "GET") {
    headers["X-CSRF-Token"] = state.session ? state.session.csrf_token : "";
  }
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    method,
    headers,
    credentials: "same-origin",
    cache: "no-store",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    throw new ApiFailure(response.status, errorMessage(json) || "the service answered " + response.status);
  }
  return json;
}

function errorMessage(json) {
  if (!json) return null;
  if (json.error && json.error.detail) return json.error.detail;
  if (Array.isArray(json.detail) && json.detail.length) {
    return json.detail.map((d) => (d.loc ? d.loc.join(".") + ": " : "") + d.msg).join("; ");
  }
  return null;
}

function formatTime(iso) {
  if (!iso) return "—";
  const date = new Date(iso);
  if (isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, {
    year: "numeric", month: "short", day: "numeric",
    hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "short",
  });
}

function formatSeconds(total) {
  if (total === null || total === undefined || isNaN(total)) return "—";
  let seconds = Math.round(Number(total));
  if (seconds < 1) return Number(total) > 0 ? "under 1 s" : "0 s";
  const parts = [];
  for (const [unit, size] of [["d", 86400], ["h", 3600], ["min", 60], ["s", 1]]) {
    if (seconds >= size) {
      parts.push(Math.floor(seconds / size) + " " + unit);
      seconds %= size;
    }
  }
  return parts.slice(0, 2).join(" ");
}

function formatBytes(bytes) {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = Number(bytes) || 0;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return (unit === 0 ? value : value.toFixed(1)) + " " + units[unit];
}

// ---------- what the documents mean ----------

function scheduleWords(job) {
  const s = job.schedule || {};
  if (s.type === "once") return "once at " + formatTime(s.datetime);
  if (s.type === "recurring") {
    let words = "every " + formatSeconds(s.interval_seconds) + " from " + formatTime(s.start);
    if (s.end && s.end.condition === "time") words += " until " + formatTime(s.end.datetime);
    if (s.end && s.end.condition === "iterations") words += ", " + s.end.count + " times";
    return words;
  }
  if (s.type === "cron") return job.schedule_description || "cron " + s.expression + " (" + s.timezone + ")";
  return s.type || "—";
}

const ACTIVE = ["new", "loaded", "updated"];

function statusOf(job) {
  const status = (job.status || "").toLowerCase();
  if (ACTIVE.includes(status)) return { key: "active", words: "Active", reason: null };
  if (status === "inactive") return { key: "inactive", words: "Paused", reason: inactiveReason(job.inactive_reason) };
  if (status === "ended") return { key: "ended", words: "Ended", reason: null };
  if (status.startsWith("delete")) return { key: "deleted", words: "Deleted", reason: null };
  return { key: "other", words: status || "unknown", reason: null };
}

function inactiveReason(reason) {
  if (!reason) return null;
  if (reason.cause === "user") return "paused by its owner";
  if (reason.cause === "globus_auth_requirements") {
    const message = reason.detail && reason.detail.authorization_parameters
      && reason.detail.authorization_parameters.session_message;
    return "needs new credentials" + (message ? ": " + message : "");
  }
  const detail = typeof reason.detail === "string" ? reason.detail : null;
  return detail || reason.cause;
}

const DONE = ["SUCCEEDED", "SUCCESS", "COMPLETE", "COMPLETED"];
const BUSY = ["ACTIVE", "INACTIVE", "RUNNING", "SUBMITTING", "SUBMITTED", "PENDING", "RETRYING"];

function outcomeOf(result) {
  if (!result) return { key: "none", words: "Not run yet" };
  const action = String((result.data && result.data.status) || "").toUpperCase();
  const run = String(result.run_status || "").toUpperCase();
  const failed = (s) => s.includes("FAIL") || s === "ERROR" || s === "CANCELLED" || s === "TIMED_OUT";
  if (failed(action) || failed(run)) return { key: "failed", words: "Failed" };
  if (DONE.includes(action) || DONE.includes(run)) return { key: "succeeded", words: "Succeeded" };
  if (BUSY.includes(action) || BUSY.includes(run)) {
    return { key: "running", words: run === "RETRYING" ? "Retrying" : "Running" };
  }
  const http = Number(result.status || 0);
  const errors = Array.isArray(result.errors) && result.errors.length > 0;
  return http >= 400 || errors ? { key: "failed", words: "Failed" } : { key: "running", words: "Running" };
}

function progressOf(result) {
  const details = result && result.data && result.data.details;
  if (!details || details.files === undefined) return null;
  return {
    files: Number(details.files) || 0,
    done: (Number(details.files_transferred) || 0) + (Number(details.files_skipped) || 0),
    bytes: Number(details.bytes_transferred) || 0,
    seconds: details.duration_seconds === undefined ? null : Number(details.duration_seconds),
    rate: Number(details.effective_bytes_per_second) || 0,
    words: details.nice_status || null,
  };
}

function resultText(result) {
  if (!result) return "";
  const data = result.data || {};
  const details = data.details || {};
  const progress = progressOf(result);
  let why = details.description || null;
  if (!why && Array.isArray(result.errors) && result.errors.length) {
    const first = result.errors[0];
    why = typeof first === "string" ? first : first.description || first.detail || first.message || JSON.stringify(first);
  }
  if (!why && typeof data.description === "string") why = data.description;
  if (!why) why = data.display_status || null;
  if (progress) {
    const speed = progress.seconds === null ? "" :
      " in " + progress.seconds.toFixed(1) + " s (" + formatBytes(progress.rate) + "/s)";
    return progress.done + "/" + progress.files + " files, " + formatBytes(progress.bytes) + speed + (why ? ", " + why : "");
  }
  return why || "";
}

function outcomeBadge(outcome) {
  return el("span", { class: "outcome " + outcome.key, text: outcome.words });
}

function durationOf(result) {
  if (!result || !result.ran_at) return null;
  const end = result.end_timestamp ? new Date(result.end_timestamp) : new Date();
  return Math.max(0, (end - new Date(result.ran_at)) / 1000);
}

// ---------- views ----------

function stopRefresh() {
  if (state.refresh) {
    clearInterval(state.refresh);
    state.refresh = null;
  }
}

async function route() {
  stopRefresh();
  const hash = location.hash || "#/";
  const [path, query] = hash.slice(1).split("?");
  const params = new URLSearchParams(query || "");
  if (!state.session || !state.session.signed_in || path === "/signin") {
    await loadSession();
  }
  if (!state.session.signed_in) {
    return signInView(params.get("message"));
  }
  const timer = path.match(/^\/timers\/([0-9a-fA-F-]{36})$/);
  try {
    if (timer) await timerView(timer[1]);
    else await listView();
  } catch (e) {
    failed(e);
  }
}

function failed(e) {
  if (e instanceof ApiFailure && e.status === 401) {
    state.session = null;
    location.hash = "#/signin?message=" + encodeURIComponent("Your session has ended; sign in again.");
    return;
  }
  notice(e.message, true);
}

async function loadSession() {
  state.session = await api("GET", "/dashboard/session");
  const who = document.getElementById("who");
  who.hidden = !state.session.signed_in;
  document.getElementById("who-name").textContent = state.session.signed_in
    ? "Signed in as " + state.session.username + (state.session.admin ? " (administrator)" : "")
    : "";
}

function signInView(message) {
  document.title = "Sign in · globus-timer";
  const methods = state.session.sign_in || {};
  const parts = [el("h1", { text: "Sign in" })];
  if (message) notice(message, true);
  if (methods.token) {
    const input = el("input", { id: "token", name: "token", type: "password", autocomplete: "off", required: true, "aria-describedby": "token-help" });
    const form = el("form", { id: "token-form", onsubmit: (event) => signInWithToken(event, input) },
      el("label", { for: "token", text: "Access token" }),
      input,
      el("p", { id: "token-help", class: "sub" }, "For the local service, ", el("code", { text: "globus-timer server token" }), " prints it."),
      el("div", {}, el("button", { type: "submit", class: "primary", text: "Sign in" })));
    parts.push(form);
  }
  if (methods.oidc_issuer) {
    parts.push(el("p", {}, el("a", { class: "button primary", href: "/dashboard/login", id: "oidc-sign-in" },
      "Sign in with " + hostOf(methods.oidc_issuer))));
  }
  if (!methods.token && !methods.oidc_issuer) {
    parts.push(el("p", { text: "This service offers no way to sign in to the dashboard." }));
  }
  show(el("section", { class: "signin", "aria-labelledby": "signin-title" }, ...parts));
  const first = document.getElementById("token") || document.getElementById("oidc-sign-in");
  if (first) first.focus();
}

function hostOf(url) {
  try {
    return new URL(url).host;
  } catch (e) {
    return url;
  }
}

async function signInWithToken(event, input) {
  event.preventDefault();
  try {
    await api("POST", "/dashboard/session", { token: input.value });
    input.value = "";
    notice("");
    await loadSession();
    location.hash = "#/";
    await route();
  } catch (e) {
    notice(e.message, true);
    input.focus();
  }
}

async function signOut() {
  try {
    await api("DELETE", "/dashboard/session");
  } catch (e) {
    // already signed out
  }
  state.session = null;
  notice("You are signed out.");
  location.hash = "#/signin";
  await route();
}

async function listView() {
  document.title = "Timers · globus-timer";
  const q = state.listQuery;
  const statusSelect = el("select", { id: "filter-status", name: "status" },
    ...[["", "Any status"], ["active", "Active"], ["inactive", "Paused"], ["ended", "Ended"], ["deleted", "Deleted"]]
      .map(([value, words]) => el("option", { value, selected: q.status === value, text: words })));
  const nameInput = el("input", { id: "filter-name", name: "name", type: "text", value: q.name, autocomplete: "off" });
  const searchInput = el("input", { id: "search", name: "search", type: "search", value: q.search, autocomplete: "off", placeholder: "name, id, URL…" });
  const filters = el("form", { class: "filters", role: "search", "aria-label": "Filter timers", onsubmit: (e) => e.preventDefault() },
    el("div", {}, el("label", { for: "filter-status", text: "Status" }), statusSelect),
    el("div", {}, el("label", { for: "filter-name", text: "Name contains" }), nameInput),
    el("div", {}, el("label", { for: "search", text: "Search" }), searchInput));
  let everyone = null;
  if (state.session.admin) {
    everyone = el("input", { id: "everyone", type: "checkbox", checked: q.everyone });
    filters.append(el("div", { class: "check" }, everyone, el("label", { for: "everyone", text: "Everyone's timers" })));
  }
  const holder = el("div", { id: "timers" });
  show(el("h1", { text: "Timers" }), filters, holder);

  let debounce = null;
  const reload = () => {
    q.status = statusSelect.value;
    q.name = nameInput.value;
    q.search = searchInput.value;
    q.everyone = everyone ? everyone.checked : false;
    clearTimeout(debounce);
    debounce = setTimeout(() => fillList(holder).catch(failed), 250);
  };
  statusSelect.addEventListener("change", reload);
  nameInput.addEventListener("input", reload);
  searchInput.addEventListener("input", reload);
  if (everyone) everyone.addEventListener("change", reload);
  await fillList(holder);
  state.refresh = setInterval(() => fillList(holder).catch(failed), 10000);
}

async function fillList(holder) {
  const q = state.listQuery;
  const params = new URLSearchParams({ result_count: "1" });
  if (q.status) params.set("filter_status", q.status);
  if (q.name.trim()) params.set("filter_name", q.name.trim());
  if (q.everyone) params.set("all_users", "true");
  const answer = await api("GET", "/jobs?" + params);
  const words = q.search.trim().toLowerCase();
  const jobs = (answer.jobs || []).filter((job) => !words
    || [job.name, job.job_id, job.callback_url, job.timer_type, job.owner].some((v) => v && String(v).toLowerCase().includes(words)));
  if (!jobs.length) {
    holder.replaceChildren(el("p", { id: "no-timers", text: answer.jobs && answer.jobs.length ? "No timer matches the search." : "No timers yet." }));
    return;
  }
  const mine = state.session.principal;
  const headers = ["Name", "Type", "Schedule", "Status", "Next run", "Last result"];
  if (q.everyone) headers.push("Owner");
  const rows = jobs.map((job) => {
    const status = statusOf(job);
    const last = job.results && job.results.data && job.results.data[0];
    const outcome = outcomeOf(last);
    const why = outcome.key === "failed" ? resultText(last) : "";
    const own = !job.owner || job.owner === mine;
    const name = job.name || "(no name)";
    return el("tr", { "data-job-id": job.job_id },
      el("td", {}, own ? el("a", { href: "#/timers/" + job.job_id, text: name }) : name, el("div", { class: "sub", text: job.job_id })),
      el("td", { text: job.timer_type || "" }),
      el("td", { text: scheduleWords(job) }),
      el("td", {}, el("span", { class: "status " + status.key, text: status.words }),
        status.reason ? el("div", { class: "sub reason", text: status.reason }) : null),
      el("td", { text: formatTime(job.next_run) }),
      el("td", { class: "last-result" }, outcomeBadge(outcome),
        last ? el("div", { class: "sub", text: formatTime(last.ran_at) }) : null,
        why ? el("div", { class: "sub error-text", text: why }) : null),
      q.everyone ? el("td", { class: "sub", text: job.owner || "" }) : null);
  });
  const table = el("table", { id: "timer-table" },
    el("caption", { text: jobs.length + (jobs.length === 1 ? " timer" : " timers") }),
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, rows));
  const shown = document.getElementById("timer-table");
  if (!shown || !shown.isEqualNode(table)) holder.replaceChildren(table);
}

async function timerView(id) {
  const load = async () => {
    const job = await api("GET", "/jobs/" + id + "?page_size=25");
    const upcoming = await api("GET", "/dashboard/api/timers/" + id + "/next-runs").catch(() => ({ next_runs: [] }));
    const sent = await api("GET", "/jobs/" + id + "/notifications").catch(() => ({ notifications: [] }));
    return [job, upcoming.next_runs || [], sent.notifications || []];
  };
  const [job, nextRuns, notifications] = await load();
  renderTimer(job, nextRuns, notifications);
  state.refresh = setInterval(async () => {
    try {
      const [fresh, upcoming, sent] = await load();
      renderTimer(fresh, upcoming, sent, true);
    } catch (e) {
      failed(e);
    }
  }, 2000);
}

function renderTimer(job, nextRuns, notifications, refreshing) {
  document.title = (job.name || job.job_id) + " · globus-timer";
  const status = statusOf(job);
  const results = (job.results && job.results.data) || [];
  const current = results.find((r) => outcomeOf(r).key === "running");
  const sections = [
    el("p", { id: "back" }, el("a", { href: "#/", text: "← All timers" })),
    el("h1", { id: "timer-name", tabindex: "-1", text: job.name || "(no name)" }),
    el("p", { id: "timer-status" },
      el("span", { class: "status " + status.key, text: status.words }),
      status.reason ? el("span", { class: "reason", text: " — " + status.reason }) : null),
    actionButtons(job, status),
    el("h2", { id: "current-run-title", text: "Current run" }), currentRun(job, current),
    el("h2", { id: "next-runs-title", text: "Next runs" }), nextRunList(nextRuns),
    el("h2", { id: "history-title", text: "Run history" }), timeline(results),
    el("h2", { id: "notifications-title", text: "Notifications" }), notificationList(notifications),
    el("h2", { id: "definition-title", text: "Definition" }), definition(job),
  ];
  if (!refreshing) {
    show(...sections);
    return;
  }
  // A refresh replaces only what changed, so focus, open details and a button about to be
  // pressed stay where they are.
  for (const fresh of sections) {
    const shown = document.getElementById(fresh.id);
    if (!shown) {
      show(...sections);
      return;
    }
    if (!shown.isEqualNode(fresh)) {
      const hadFocus = shown.contains(document.activeElement) && document.activeElement.id;
      shown.replaceWith(fresh);
      if (hadFocus && document.getElementById(hadFocus)) document.getElementById(hadFocus).focus();
    }
  }
}

function actionButtons(job, status) {
  const box = el("div", { id: "actions", class: "actions", role: "group", "aria-label": "Timer actions" });
  const id = job.job_id;
  const name = job.name || id;
  if (status.key === "active") {
    box.append(el("button", { type: "button", id: "run-now", onclick: () => act("Run " + name + " now?", "It runs once now, in addition to its schedule.", "POST", "/jobs/" + id + "/run", "Run started.") }, "Run now"));
    box.append(el("button", { type: "button", id: "pause", onclick: () => act("Pause " + name + "?", "It will not run until you resume it.", "POST", "/jobs/" + id + "/pause", "Paused.") }, "Pause"));
  }
  if (status.key === "inactive") {
    box.append(el("button", { type: "button", id: "resume", onclick: () => act("Resume " + name + "?", "It runs again at its next scheduled time.", "POST", "/jobs/" + id + "/resume?resume_policy=wait_for_next_scheduled", "Resumed.") }, "Resume"));
    box.append(el("button", { type: "button", id: "resume-run-now", onclick: () => act("Resume " + name + " and run it now?", "It runs once now, then on its schedule.", "POST", "/jobs/" + id + "/resume?resume_policy=run_once", "Resumed; it runs now.") }, "Resume and run now"));
  }
  if (status.key !== "deleted") {
    box.append(el("button", { type: "button", id: "delete", class: "danger", onclick: () => act("Delete " + name + "?", "It never runs again. Its history stays readable.", "DELETE", "/jobs/" + id, "Deleted.") }, "Delete"));
  }
  return box;
}

function confirmDialog(title, text) {
  const dialog = document.getElementById("confirm");
  document.getElementById("confirm-title").textContent = title;
  document.getElementById("confirm-text").textContent = text;
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok"), { once: true });
    dialog.returnValue = "cancel";
    dialog.showModal();
    document.getElementById("confirm-cancel").focus();
  });
}

async function act(title, text, method, path, done) {
  const trigger = document.activeElement;
  if (!(await confirmDialog(title, text))) {
    if (trigger) trigger.focus();
    return;
  }
  try {
    await api(method, path);
    notice(done);
    await route();
    const heading = document.getElementById("timer-name");
    if (heading) heading.focus();
  } catch (e) {
    failed(e);
  }
}

function currentRun(job, current) {
  if (!current) {
    const activity = job.activity || {};
    const words = (activity.code || activity.type) === "paused" ? "None: the timer is paused." : "None in progress.";
    return el("p", { id: "current-run", text: words });
  }
  const progress = progressOf(current);
  const parts = [
    el("p", {}, outcomeBadge(outcomeOf(current)), " since " + formatTime(current.ran_at) + " (" + formatSeconds(durationOf(current)) + ")"),
  ];
  if (progress) {
    const bar = el("progress", { id: "current-progress", max: String(Math.max(progress.files, 1)), value: String(progress.done), "aria-label": "Files done" });
    parts.push(el("p", {}, bar, " " + progress.done + " of " + progress.files + " files, " + formatBytes(progress.bytes)
      + (progress.words ? " — " + progress.words : "")));
  } else {
    const text = resultText(current);
    if (text) parts.push(el("p", { class: "sub", text }));
  }
  return el("div", { id: "current-run", "aria-live": "polite" }, ...parts);
}

function nextRunList(ticks) {
  if (!ticks.length) return el("p", { id: "next-runs", text: "None scheduled." });
  return el("ol", { id: "next-runs" }, ticks.map((t) => el("li", { text: formatTime(t) })));
}

function timeline(results) {
  if (!results.length) return el("p", { id: "history", text: "No runs yet." });
  const longest = Math.max(1, ...results.map((r) => durationOf(r) || 0));
  return el("ol", { id: "history", class: "timeline", "aria-label": "Runs, newest first" }, results.map((result) => {
    const outcome = outcomeOf(result);
    const duration = durationOf(result);
    const width = Math.max(1, Math.round(((duration || 0) / longest) * 100));
    const http = result.http_status_polled || result.http_status_submission || result.status;
    const text = resultText(result);
    const bar = el("div", { class: "bar " + outcome.key });
    bar.style.width = width + "%";
    return el("li", { class: "run " + outcome.key },
      el("div", {}, el("div", { text: formatTime(result.ran_at) }), outcomeBadge(outcome)),
      el("div", {},
        el("div", { class: "bar-track", "aria-hidden": "true" }, bar),
        el("div", { class: "sub" }, "took " + formatSeconds(duration) + (http ? " · HTTP " + http : "")),
        text ? el("div", { class: outcome.key === "failed" ? "error-text" : "sub", text }) : null));
  }));
}

function notificationList(notifications) {
  if (!notifications.length) return el("p", { id: "notifications", text: "None sent." });
  return el("table", { id: "notifications" },
    el("thead", {}, el("tr", {}, ["Event", "By", "Sent to", "State", "Attempts", "When", "Last error"].map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, notifications.map((n) => el("tr", {},
      el("td", { text: n.event }),
      el("td", { text: n.channel === "email" ? "email" : "webhook" }),
      el("td", { class: "sub", text: n.target }),
      el("td", {}, el("span", { class: "outcome " + (n.state === "delivered" ? "succeeded" : n.state === "failed" ? "failed" : "running"), text: n.state })),
      el("td", { text: String(n.attempts) }),
      el("td", { text: formatTime(n.delivered_at || n.next_attempt_at || n.created_at) }),
      el("td", { class: n.last_error ? "error-text" : "sub", text: n.last_error || "" })))));
}

function definition(job) {
  const stop = job.stop_after || {};
  const rows = [
    ["Job ID", job.job_id],
    ["Type", job.timer_type],
    ["Schedule", scheduleWords(job)],
    ["Ends", stop.date ? formatTime(stop.date) : stop.n_runs ? "after " + stop.n_runs + " runs" : "never"],
    ["Action URL", job.callback_url],
    ["Scope", job.scope || "—"],
    ["Resume policy", job.resume_policy],
    ["Overlap policy", (job.overlap_policy || "skip").replace("_", " ")],
    ["Catch-up policy", (job.catchup_policy || "one") + (job.catchup_window_seconds ? " within " + formatSeconds(job.catchup_window_seconds) : "")],
    ["Run timeout", job.run_timeout === null || job.run_timeout === undefined ? "the service's" : job.run_timeout === 0 ? "none" : formatSeconds(job.run_timeout)],
    ["Notify on", Array.isArray(job.notify_on) ? (job.notify_on.join(", ") || "nothing") : "the service's events"],
    ["E-mail to", Array.isArray(job.notify_emails) ? (job.notify_emails.join(", ") || "no one") : "the service's recipients"],
    ["Webhook", typeof job.notify_webhook_url === "string" ? (job.notify_webhook_url || "none") : "the service's"],
    ["Submitted", formatTime(job.submitted_at)],
    ["Last ran", formatTime(job.last_ran_at)],
    ["Runs", String(job.n_runs) + (job.n_errors ? " (" + job.n_errors + " failed)" : "") + (job.n_skipped ? ", " + job.n_skipped + " skipped" : "")],
  ];
  const body = job.body || job.callback_body;
  return el("div", { id: "definition" },
    el("dl", { class: "definition", id: "definition-list" }, rows.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v === null || v === undefined ? "—" : v })])),
    body ? el("details", {}, el("summary", { text: "Action body" }), el("pre", { text: JSON.stringify(body, null, 2) })) : null);
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("sign-out").addEventListener("click", signOut);
  window.addEventListener("hashchange", () => {
    notice("");
    route();
  });
  route();
});
