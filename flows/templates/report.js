// warta's report: tables (DataTables), charts (SVG on month axes), one filter bar, detail views, deep links.
// State for tests and tools is written to the DOM: body[data-ready], [data-render-ms], [data-clipped];
// each table's wrapper [data-shown] (rows after filters and search) and each chart [data-total].
"use strict";
(async () => {
  const D = JSON.parse(document.getElementById("warta-data").textContent);
  const ART = D.articles;                 // [id, title, url, outlet, date, region, is_original]
  const outletName = (s) => D.outlets[s] || s;
  const esc = (v) => String(v ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  const short = (text, n) => text.length > n ? text.slice(0, n - 1).trimEnd() + "…" : text;
  const articleLink = (k, n = 300) => {
    const a = ART[k];
    return a ? `<a href="${esc(a[2])}" title="${esc(a[1])} — ${esc(outletName(a[3]))}, ${esc(a[4] || "")}">${esc(short(a[1], n))}</a>` : "";
  };
  const articleItem = (k) => { const a = ART[k]; return a ? `<li>${articleLink(k)} <span class="muted">— ${esc(outletName(a[3]))}, ${esc(a[4] || "tanpa tanggal")}</span></li>` : ""; };

  // --- filters ---------------------------------------------------------------------------------------------------
  const F = {region: "", outlet: "", from: "", to: ""};
  const within = (first, last) => (!F.from || (last || first || "") >= F.from) && (!F.to || (first || last || "9") <= F.to);
  const byOutlet = (refs) => !F.outlet || refs.some((k) => ART[k] && ART[k][3] === F.outlet);
  const pass = {
    innovations: (r) => (!F.region || r.region === F.region) && byOutlet(r.articles) && within(r.first_seen, r.last_seen),
    persons: (r) => (!F.region || r.regions.includes(F.region)) && byOutlet(r.articles) && within(r.first_seen, r.last_seen),
    events: (e) => (!F.region || e[4] === F.region) && (!F.outlet || (ART[e[5]] && ART[e[5]][3] === F.outlet)) && within(e[0], e[0]),
    articles: (a) => (!F.region || a[5] === F.region) && (!F.outlet || a[3] === F.outlet) && within(a[4], a[4]),
  };
  const fill = (id, values) => {
    const sel = document.getElementById(id);
    for (const [v, label] of values) sel.add(new Option(label, v));
  };
  fill("f-region", [...new Set(ART.map((a) => a[5]).filter(Boolean))].sort().map((r) => [r, r]));
  fill("f-outlet", [...new Set(ART.map((a) => a[3]).filter(Boolean))].sort().map((s) => [s, outletName(s)]));

  // --- tables ----------------------------------------------------------------------------------------------------
  const bundle = await import(URL.createObjectURL(new Blob([window.WARTA_DATATABLES], {type: "text/javascript"})));
  const DataTable = bundle.default;
  const tables = {};
  const make = (id, data, columns, key, options = {}) => {
    const dt = new DataTable("#" + id, {data, columns, deferRender: true, pageLength: 10, lengthMenu: [10, 25, 100], autoWidth: false,
      language: {search: "Cari:", lengthMenu: "_MENU_ per halaman", info: "_START_–_END_ dari _TOTAL_",
                 infoEmpty: "0 baris", infoFiltered: "(dari _MAX_)", zeroRecords: "Tidak ada yang cocok", emptyTable: "Belum ada data"},
      ...options});
    tables[id] = {dt, key};
    return dt;
  };
  DataTable.ext.search.push((settings, _cells, index) => {
    const t = tables[settings.nTable.id];
    return !t || !t.key || pass[t.key](settings.aoData[index]._aData);
  });
  const dateCol = (title, data) => ({title, data, className: "date", defaultContent: "-"});
  const more = (refs, kind, id) => refs.slice(0, 3).map((k) => articleLink(k, 48)).join("<br>") +
    (refs.length > 3 ? `<br><a class="more" href="#${kind}=${esc(id)}">+${refs.length - 3} lainnya</a>` : "");

  make("t-innovations", D.innovations, [
    {title: "Nama", data: "name", render: (v, t, r) => t === "display" ? `<a href="#inovasi=${esc(r.id)}">${esc(v)}</a>` : v},
    {title: "Kepanjangan", data: "expansion", defaultContent: ""}, {title: "Sektor", data: "sector", defaultContent: ""},
    {title: "Wilayah", data: "region", defaultContent: ""}, dateCol("Pertama terlihat", "first_seen"),
    {title: "Berita", data: "stories"}, {title: "Instansi", data: "agency", defaultContent: ""},
    {title: "Sumber", data: "articles", orderable: false, className: "dt-left", render: (v, t, r) => t === "display" ? more(v, "inovasi", r.id) : v.length},
  ], "innovations", {order: [[5, "desc"]]});
  make("t-persons", D.persons, [
    {title: "Nama", data: "name", render: (v, t, r) => t === "display" ? `<a href="#pejabat=${esc(r.id)}">${esc(v)}</a>` : v},
    {title: "Jabatan terakhir", data: "title", defaultContent: ""}, {title: "Wilayah", data: "region", defaultContent: ""},
    {title: "Berita", data: "stories"}, dateCol("Pertama", "first_seen"), dateCol("Terakhir", "last_seen"),
    {title: "Sumber", data: "articles", orderable: false, className: "dt-left", render: (v, t, r) => t === "display" ? more(v, "pejabat", r.id) : v.length},
  ], "persons", {order: [[3, "desc"]]});
  make("t-events", D.events, [
    dateCol("Tanggal", 0), {title: "Jenis", data: 1, render: (v) => esc(D.kinds[v] ? D.kinds[v].name : v)},
    {title: "Kegiatan", data: 2, render: (v, t, e) => t === "display" && ART[e[5]] ? `<a href="${esc(ART[e[5]][2])}" title="${esc(ART[e[5]][1])}">${esc(v)}</a>` : v},
    {title: "Tempat", data: 3, defaultContent: ""}, {title: "Wilayah", data: 4, defaultContent: ""},
    {title: "Artikel", data: 5, render: (k, t) => ART[k] ? (t === "display" ? `${esc(outletName(ART[k][3]))}, ${esc(ART[k][4] || "")}` : ART[k][1]) : ""},
  ], "events");
  make("t-articles", ART, [
    {title: "Judul", data: 1, render: (v, t, a) => t === "display" ? `<a href="${esc(a[2])}">${esc(v)}</a>` : v},
    {title: "Media", data: 3, render: (v) => esc(outletName(v))}, dateCol("Terbit", 4),
    {title: "Wilayah", data: 5, defaultContent: ""}, {title: "Asli", data: 6, render: (v) => v ? "ya" : "salinan"},
  ], "articles", {order: [[2, "desc"]]});
  make("t-sources", D.sources, [
    {title: "Media", data: "name"}, {title: "Status", data: "failing", render: (v, t, r) => v ? `<span class="bad" title="failing ${r.streak} runs in a row">gagal ${r.streak}×</span>` : r.streak ? `<span title="failed the last ${r.streak} run(s)">gagal terakhir ${r.streak}×</span>` : '<span class="ok">sehat</span>'},
    {title: "Terakhir berhasil", data: "last_ok", className: "date"}, {title: "Halaman", data: "pages"},
    {title: "Artikel baru", data: "new"}, {title: "Galat per alasan", data: "errors"}, {title: "Ditemukan lewat", data: "discovery"}]);
  make("t-syndication", D.syndication, [
    {title: "Media", data: "source"}, {title: "Berita asli", data: "stories_originated"}, {title: "Salinan", data: "stories_copied"},
    {title: "Disalin media lain", data: "copied_by_others"}, {title: "Menyalin dari", data: "copies_from"}]);
  make("t-copies", D.copies, [{title: "Berita", data: "story_title"}, {title: "Salinan", data: "copies"}, {title: "Media", data: "outlets"}]);
  make("t-runs", D.runs, [
    {title: "Proses", data: "run"}, {title: "Status", data: "status"}, {title: "Mulai", data: "started", className: "date"},
    {title: "Lama", data: "took"}, {title: "Halaman", data: "pages"}, {title: "Baru", data: "new"}, {title: "Diperbarui", data: "updated"},
    {title: "Fakta", data: "facts"}, {title: "Tanpa fakta", data: "no_facts"}, {title: "Galat", data: "errors"}], null, {order: [[2, "desc"]]});

  // --- charts ----------------------------------------------------------------------------------------------------
  const MONTHS = D.months;
  const kindNames = Object.fromEntries(Object.entries(D.kinds).map(([k, v]) => [k, v.name]));
  const monthRange = (keys) => {                 // every month from the first to the last: empty ones included
    if (!keys.length) return [];
    const sorted = [...keys].sort();
    let [y, m] = sorted[0].split("-").map(Number);
    const [ly, lm] = sorted[sorted.length - 1].split("-").map(Number);
    const out = [];
    while (y < ly || (y === ly && m <= lm)) { out.push(`${y}-${String(m).padStart(2, "0")}`); m += 1; if (m > 12) { m = 1; y += 1; } }
    return out;
  };
  const svgNS = "http://www.w3.org/2000/svg";
  const monthChart = (box, series, colours, legend) => {
    // series: {month: {group: n}}; bars stacked by group on a continuous month axis
    box.querySelectorAll("svg,.legend,p").forEach((n) => n.remove());
    const months = monthRange(Object.keys(series));
    const total = months.reduce((s, mo) => s + Object.values(series[mo] || {}).reduce((a, b) => a + b, 0), 0);
    box.dataset.total = total;
    box.dataset.months = months.length;
    if (!months.length) { box.insertAdjacentHTML("beforeend", '<p class="muted">belum ada data</p>'); return; }
    const W = 900, H = 230, L = 40, R = 12, T = 10, B = 42;
    const top = Math.max(1, ...months.map((mo) => Object.values(series[mo] || {}).reduce((a, b) => a + b, 0)));
    const step = (W - L - R) / months.length;
    const every = Math.max(1, Math.ceil(months.length / 12));
    let s = `<svg xmlns="${svgNS}" viewBox="0 0 ${W} ${H}" role="img">`;
    for (const f of [0, 0.5, 1]) {
      const y = T + (H - T - B) * (1 - f);
      s += `<line x1="${L}" x2="${W - R}" y1="${y}" y2="${y}" stroke="#e3e7eb"/><text x="${L - 6}" y="${y + 4}" text-anchor="end">${Math.round(top * f)}</text>`;
    }
    months.forEach((mo, i) => {
      let y = H - B;
      for (const [g, n] of Object.entries(series[mo] || {})) {
        const h = (H - T - B) * n / top;
        y -= h;
        s += `<rect x="${(L + i * step + step * 0.1).toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, step * 0.8).toFixed(1)}" height="${h.toFixed(1)}" fill="${colours(g)}"><title>${mo} · ${esc(legend ? legend[g] || g : g)}: ${n}</title></rect>`;
      }
      if (i % every === 0) {
        const [yy, mm] = mo.split("-");
        const x = L + i * step + step / 2;
        s += `<line x1="${x}" x2="${x}" y1="${H - B}" y2="${H - B + 4}" stroke="#52606d"/><text x="${x}" y="${H - B + 16}" text-anchor="middle">${MONTHS[Number(mm) - 1]}</text>`;
        if (mm === "01" || i === 0) s += `<text x="${x}" y="${H - B + 30}" text-anchor="middle" font-weight="600">${yy}</text>`;
      }
    });
    box.insertAdjacentHTML("beforeend", s + "</svg>");
    if (legend) {
      const groups = [...new Set(months.flatMap((mo) => Object.keys(series[mo] || {})))].sort();
      box.insertAdjacentHTML("beforeend", '<div class="legend">' + groups.map((g) => `<span><i style="background:${colours(g)}"></i>${esc(legend[g] || g)}</span>`).join("") + "</div>");
    }
  };
  const barChart = (box, counts, limit, colour) => {
    box.querySelectorAll(".bars,p").forEach((n) => n.remove());
    const rows = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
    box.dataset.total = rows.reduce((s, r) => s + r[1], 0);
    if (!rows.length) { box.insertAdjacentHTML("beforeend", '<p class="muted">belum ada data</p>'); return; }
    const top = rows[0][1];
    box.insertAdjacentHTML("beforeend", '<div class="bars">' + rows.map(([label, n]) =>
      `<span class="bar-label">${esc(label)}</span><span><span class="bar" style="display:block;width:${(100 * n / top).toFixed(1)}%;background:${colour}" title="${esc(label)}: ${n}"></span></span><span>${n}</span>`).join("") + "</div>");
  };
  const drawCharts = () => {
    const inv = D.innovations.filter(pass.innovations);
    const perMonth = {};
    for (const r of inv) if (r.first_seen) { const mo = r.first_seen.slice(0, 7); perMonth[mo] = {inovasi: (perMonth[mo]?.inovasi || 0) + 1}; }
    monthChart(document.getElementById("c-innovations-month"), perMonth, () => "#0b84a5", null);
    const perRegion = {};
    for (const r of inv) if (r.region) perRegion[r.region] = (perRegion[r.region] || 0) + 1;
    barChart(document.getElementById("c-innovations-region"), perRegion, 15, "#ca472f");
    const ev = {};
    for (const e of D.events.filter(pass.events)) if (e[0]) { const mo = e[0].slice(0, 7); (ev[mo] ||= {})[e[1]] = (ev[mo][e[1]] || 0) + 1; }
    monthChart(document.getElementById("c-events-month"), ev, (g) => (D.kinds[g] || D.kinds.other).colour, kindNames);
    const stories = {};
    for (const a of ART.filter(pass.articles)) if (a[5] && a[6]) stories[a[5]] = (stories[a[5]] || 0) + 1;
    barChart(document.getElementById("c-regions"), stories, 20, "#6f4e7c");
  };

  // --- detail views ----------------------------------------------------------------------------------------------
  const dialog = document.getElementById("detail");
  const showDetail = (kind, id) => {
    let html = "";
    if (kind === "inovasi") {
      const r = D.innovations.find((x) => x.id === id); if (!r) return;
      html = `<h2>${esc(r.name)}</h2><p>${esc(r.expansion || "")}</p><p class="muted">Wilayah: ${esc(r.region || "-")} · Instansi: ${esc(r.agency || "-")} · Sektor: ${esc(r.sector || "-")} · ${esc(r.first_seen || "")} – ${esc(r.last_seen || "")}</p>` +
        (r.names.length > 1 ? `<p>Juga ditulis: ${r.names.map(esc).join(", ")}</p>` : "") +
        `<h3>${r.articles.length} artikel</h3><ul>${r.articles.map(articleItem).join("")}</ul>`;
    } else if (kind === "pejabat") {
      const p = D.persons.find((x) => x.id === id); if (!p) return;
      html = `<h2>${esc(p.name)}</h2>` + (p.variants.length > 1 ? `<p>Juga ditulis: ${p.variants.map(esc).join(", ")}</p>` : "") +
        "<h3>Jabatan dari waktu ke waktu</h3><table class=\"display\"><thead><tr><th>Jabatan</th><th>Wilayah</th><th class=\"date\">Pertama</th><th class=\"date\">Terakhir</th><th>Artikel</th></tr></thead><tbody>" +
        p.tenures.map((t) => `<tr><td>${esc(t.title || "-")}</td><td>${esc(t.region || "-")}</td><td class="date">${esc(t.first_seen || "-")}</td><td class="date">${esc(t.last_seen || "-")}</td><td>${t.articles.length}</td></tr>`).join("") +
        `</tbody></table><h3>${p.articles.length} artikel</h3><ul>${p.articles.map(articleItem).join("")}</ul>`;
    }
    document.getElementById("detail-body").innerHTML = html;
    dialog.dataset.kind = kind;
    if (!dialog.open) dialog.showModal();
  };
  document.getElementById("detail-close").addEventListener("click", () => { dialog.close(); history.replaceState(null, "", "#"); });

  // --- state: filters, search, hash ------------------------------------------------------------------------------
  const refresh = () => {
    for (const t of Object.values(tables)) t.dt.draw();
    drawCharts();
    const n = Object.values(F).filter(Boolean).length;
    document.getElementById("f-summary").value = n ? `${n} filter aktif` : "";
  };
  for (const [key, id] of [["region", "f-region"], ["outlet", "f-outlet"], ["from", "f-from"], ["to", "f-to"]]) {
    document.getElementById(id).addEventListener("change", (ev) => { F[key] = ev.target.value; refresh(); });
  }
  document.getElementById("filters").addEventListener("reset", () => { setTimeout(() => { for (const k in F) F[k] = ""; refresh(); }); });
  for (const [id, t] of Object.entries(tables)) {
    t.dt.on("draw", () => { document.getElementById(id).closest(".dt-container").dataset.shown = t.dt.rows({search: "applied"}).count(); });
  }
  const applyHash = () => {
    const h = new URLSearchParams(location.hash.slice(1));
    for (const [key, id] of [["region", "f-region"], ["outlet", "f-outlet"], ["from", "f-from"], ["to", "f-to"]]) {
      if (h.has(key)) { F[key] = h.get(key); document.getElementById(id).value = F[key]; }
    }
    if (h.has("q")) for (const t of Object.values(tables)) if (t.key) t.dt.search(h.get("q"));
    refresh();
    for (const kind of ["inovasi", "pejabat"]) if (h.has(kind)) showDetail(kind, h.get(kind));
  };
  window.addEventListener("hashchange", applyHash);
  applyHash();

  // --- self-check: labels within their boxes ---------------------------------------------------------------------
  const clipped = [];
  for (const el of document.querySelectorAll(".bar-label, td.date, th, header p, nav a, .legend span")) {
    if (el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1) clipped.push(el.textContent.slice(0, 40));
  }
  for (const svg of document.querySelectorAll(".chart svg")) {
    const w = svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll("text")) { const b = t.getBBox(); if (b.x < -1 || b.x + b.width > w + 1) clipped.push(t.textContent); }
  }
  document.body.dataset.clipped = clipped.length;
  document.body.dataset.clippedLabels = JSON.stringify(clipped.slice(0, 10));
  document.body.dataset.renderMs = Math.round(performance.now());
  document.body.dataset.ready = "1";
})().catch((err) => { document.body.dataset.error = String(err && err.stack || err); throw err; });
