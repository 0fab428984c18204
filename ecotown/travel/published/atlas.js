/* The published atlas (python -m ecotown publish): the overview, the area and the province
 * cards of one dataset version, run in the reader's browser. The URL is the view, with the
 * app's own parameters. Rows per year (and change classes per pair of years) come computed
 * from the data (ecotown/travel/publish.py); this script filters and counts them as
 * ecotown.analysis.filters.apply_filters, ecotown.analysis.summary.summarise and
 * ecotown.present.legend.map_legend do. Every data string reaches the page as text
 * (textContent), or as HTML the publisher escaped (the cards). */
(function () {
  "use strict";
  var body = document.body;
  var ROOT = body.getAttribute("data-root") || "";
  var PAGE = body.getAttribute("data-page") || "index";
  var A = null;       // the payload
  var SHAPES = null;  // the province GeoJSON
  var renderCount = 0;

  // --- small helpers -------------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) { return; }
      if (k === "text") { node.textContent = v; } else if (k === "html") { node.innerHTML = v; }
      else { node.setAttribute(k, v === true ? "" : String(v)); }
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); }
    });
    return node;
  }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }
  function tr(key, lang, fields) {
    var table = A.labels[lang];
    var text = table[key];
    if (text === undefined) { return key; }
    if (fields && String(fields.n) === "1" && table[key + "__one"] !== undefined) { text = table[key + "__one"]; }
    return text.replace(/\{(\w+)\}/g, function (m, name) {
      return fields && fields[name] !== undefined ? String(fields[name]) : m;
    });
  }
  function pct(known, total) {  // Python's f"{x:.0%}": halves round to even
    if (!total) { return "0%"; }
    var q = Math.floor(known * 100 / total), r = known * 100 - q * total;
    if (2 * r > total || (2 * r === total && q % 2 === 1)) { q += 1; }
    return q + "%";
  }
  function levelKey(level) { return level === null ? "none" : String(level); }

  // --- the URL as the view (ecotown.analysis.urlstate.parse_view) ---------------------
  var THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";
  var YEAR_RE = /^(ปีงบประมาณ|ปีงบฯ?|ปี|fy|b\.?\s?e\.?|c\.?\s?e\.?|พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)?\s*(พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)?\s*([0-9]{4})$/i;
  function parseYear(text) {
    var raw = String(text).trim().replace(/[๐-๙]/g, function (d) { return String(THAI_DIGITS.indexOf(d)); });
    var m = YEAR_RE.exec(raw);
    if (!m) { return null; }
    var number = parseInt(m[3], 10);
    var prefix = [m[1], m[2]].filter(Boolean).join(" ").toLowerCase();
    var saysBE = /พ|b/.test(prefix), saysCE = /ค|c|fy/.test(prefix);
    if (number >= 2010 + 543 && number <= 2037 + 543 && !saysCE) { return number - 543; }
    if (number >= 2010 && number <= 2037 && !saysBE) { return number; }
    return null;
  }
  function shown40(s) { s = String(s); return s.length > 41 ? s.slice(0, 40) + "…" : s; }

  function parseView(search) {
    var params = new URLSearchParams(search);
    var raw = {}, notices = [];
    params.forEach(function (value, key) { raw[key] = value; });  // the last value wins
    Object.keys(raw).forEach(function (key) {
      if (A.params.indexOf(key) < 0) { notices.push(shown40(key) + "=" + shown40(raw[key])); }
    });
    function oneOf(name, allowed, dflt) {
      var v = raw[name];
      if (v === undefined || v === "") { return dflt; }
      if (allowed.indexOf(v) >= 0) { return v; }
      notices.push(name + "=" + shown40(v));
      return dflt;
    }
    function pickList(name, allowed, keepCase) {
      var chosen = [];
      String(raw[name] || "").split(",").forEach(function (part) {
        part = keepCase ? part.trim() : part.trim().toLowerCase();
        if (!part) { return; }
        if (allowed.indexOf(part) >= 0) { if (chosen.indexOf(part) < 0) { chosen.push(part); } }
        else { notices.push(name + "=" + shown40(part)); }
      });
      return chosen.sort(function (a, b) { return allowed.indexOf(a) - allowed.indexOf(b); });
    }
    var view = {
      lang: oneOf("lang", ["th", "en"], "th"),
      color: oneOf("color", ["level", "phase", "count"], "level"),
      phases: pickList("phase", ["1", "2", "3"]).map(Number),
      levels: pickList("level", ["1", "2", "3", "4", "5", "none"]),
      minLevel: parseInt(oneOf("minlevel", ["1", "2", "3", "4", "5"], "0"), 10),
      regions: pickList("region", A.regions.map(function (r) { return r.key; })),
      provinces: pickList("province", A.provinces.map(function (p) { return p.code; }), true),
      q: String(raw.q || "").trim(),
      sel: raw.sel || "", present: raw.present || "",
      year: null, since: null, asked: raw.dataset || "",
      area: String(raw.area || "").trim().slice(0, 60),
      code: String(raw.code || "").trim().slice(0, 60)
    };
    if (view.q.length > A.max_query) { notices.push("q=" + shown40(view.q)); view.q = view.q.slice(0, A.max_query); }
    ["year", "since"].forEach(function (name) {
      var v = String(raw[name] || "").trim();
      if (!v) { return; }
      var y = parseYear(v);
      if (y === null) { notices.push(name + "=" + shown40(v)); } else { view[name] = y; }
    });
    if (view.since !== null && view.year !== null && view.since >= view.year) {
      notices.push("since=" + shown40(raw.since)); view.since = null;
    }
    // fit_years: keep year and since within the dataset's years
    if (view.year !== null && A.years.indexOf(view.year) < 0) { notices.push("year=" + view.year); view.year = null; }
    var last = view.year !== null ? view.year : A.last_year;
    if (view.since !== null && (A.years.indexOf(view.since) < 0 || view.since >= last)) {
      notices.push("since=" + view.since); view.since = null;
    }
    view.notices = notices;
    return view;
  }

  function encodeView(view, extra) {
    var p = new URLSearchParams();
    if (A.dataset.name !== "public") { p.set("dataset", A.dataset.name); }
    if (view.lang !== "th") { p.set("lang", view.lang); }
    if (view.color !== "level") { p.set("color", view.color); }
    if (view.phases.length) { p.set("phase", view.phases.join(",")); }
    if (view.levels.length) { p.set("level", view.levels.join(",")); }
    if (view.minLevel) { p.set("minlevel", String(view.minLevel)); }
    if (view.regions.length) { p.set("region", view.regions.join(",")); }
    if (view.provinces.length) { p.set("province", view.provinces.join(",")); }
    if (view.q) { p.set("q", view.q); }
    if (view.year !== null) { p.set("year", String(view.year)); }
    if (view.since !== null) { p.set("since", String(view.since)); }
    Object.keys(extra || {}).forEach(function (k) { p.set(k, extra[k]); });
    var s = p.toString();
    return s ? "?" + s : "";
  }
  function active(view) {
    return !!(view.phases.length || view.levels.length || view.regions.length ||
              view.provinces.length || view.q || view.minLevel);
  }

  // --- the view's rows and counts ------------------------------------------------------
  function normalise(text) {
    return String(text).normalize("NFC").toLowerCase().replace(/[\s\-_.,()]/g, "");
  }
  function yearOf(view) { return view.year !== null ? view.year : A.last_year; }
  function rowsOf(view) {
    var year = yearOf(view);
    var rows = A.by_year[String(year)] || [];
    var change = view.since !== null ? A.change[String(year)][String(view.since)] : null;
    return rows.map(function (r, i) {
      return {area: A.areas[r[0]], level: r[1], asOf: r[2] === 1, change: change ? change[i] : null};
    });
  }
  function applyFilters(rows, view) {
    var needle = view.q ? normalise(view.q) : "";
    return rows.filter(function (r) {
      if (view.phases.length && view.phases.indexOf(r.area.phase) < 0) { return false; }
      if (view.levels.length && view.levels.indexOf(levelKey(r.level)) < 0) { return false; }
      if (view.minLevel && !(r.level !== null && r.level >= view.minLevel)) { return false; }
      if (view.regions.length && view.regions.indexOf(r.area.region) < 0) { return false; }
      if (view.provinces.length && view.provinces.indexOf(r.area.province) < 0) { return false; }
      if (needle && r.area.search.indexOf(needle) < 0) { return false; }
      return true;
    });
  }
  function countClass(n) {
    if (n <= 0) { return ["0", A.colours.no_area]; }
    for (var i = 0; i < A.colours.count.length; i++) {
      var c = A.colours.count[i], low = c[0], high = c[1];
      if (high === null || n <= high) { return [high === low ? String(low) : low + "+", c[2]]; }
    }
    return ["0", A.colours.no_area];
  }
  function provinceClasses(shown, mode) {
    var stats = {};
    shown.forEach(function (r) {
      var s = stats[r.area.province] || (stats[r.area.province] = {n: 0, high: null, phase: 9, best: null});
      s.n += 1;
      if (r.level !== null && (s.high === null || r.level > s.high)) { s.high = r.level; }
      if (r.area.phase < s.phase) { s.phase = r.area.phase; }
      if (r.change !== null) {
        var rank = A.change_classes.indexOf(r.change);
        if (s.best === null || rank < s.best) { s.best = rank; }
      }
    });
    var classes = {};
    A.provinces.forEach(function (p) {
      var s = stats[p.code];
      if (!s) { classes[p.code] = [A.colours.empty, A.colours.no_area]; }
      else if (mode === "change") {
        var key = s.best === null ? "unknown" : A.change_classes[s.best];
        classes[p.code] = [key, key === "unknown" ? A.colours.no_level : A.colours.change[key]];
      } else if (mode === "level") {
        classes[p.code] = s.high === null ? ["none", A.colours.no_level] : [String(s.high), A.colours.level[String(s.high)]];
      } else if (mode === "phase") {
        classes[p.code] = [String(s.phase), A.colours.phase[String(s.phase)]];
      } else { classes[p.code] = countClass(s.n); }
    });
    return classes;
  }
  function counts(shown) {
    var c = {areas: shown.length, provinces: 0, by_level: {}, by_phase: {}, known: 0};
    var seen = {};
    ["1", "2", "3", "4", "5", "none"].forEach(function (k) { c.by_level[k] = 0; });
    A.phases.forEach(function (p) { c.by_phase[String(p.key)] = 0; });
    shown.forEach(function (r) {
      c.by_level[levelKey(r.level)] += 1;
      c.by_phase[String(r.area.phase)] += 1;
      if (r.level !== null) { c.known += 1; }
      if (!seen[r.area.province]) { seen[r.area.province] = 1; c.provinces += 1; }
    });
    return c;
  }
  function legend(shown, classes, mode, view) {
    var spec = A.legend[view.lang];
    var provinceCounts = {};
    Object.keys(classes).forEach(function (code) {
      var k = classes[code][0]; provinceCounts[k] = (provinceCounts[k] || 0) + 1;
    });
    function areasIn(key) {
      if (key === A.colours.empty || key.indexOf("count") === 0) { return 0; }
      return shown.filter(function (r) {
        if (mode === "change" && A.change_classes.indexOf(key) >= 0) { return r.change === key; }
        if (key.indexOf("phase") === 0) { return "phase" + r.area.phase === key; }
        return levelKey(r.level) === key;
      }).length;
    }
    function provincesIn(key) {
      var k = key.indexOf("phase") === 0 ? key.slice(5) : key.indexOf("count") === 0 ? key.slice(5) : key;
      return provinceCounts[k] || 0;
    }
    var sections = spec.modes[mode].map(function (s, i) {
      var title = s.title;
      if (mode === "change" && i === 0) { title = spec.change_titles[String(view.since)]; }
      return {title: title, shape: s.shape, inline: s.inline, rows: s.rows.map(function (r) {
        return {key: r.key, label: r.label, colour: r.colour, outline: r.outline, dashed: r.dashed,
                count: areasIn(r.key), provinces: r.provinces ? provincesIn(r.key) : null};
      })};
    });
    if (mode !== "change") {
      var carried = shown.filter(function (r) { return r.asOf; }).length;
      if (carried) {
        sections.push({title: spec.as_of.title, shape: "round", inline: false, rows: [
          {key: spec.as_of.key, label: spec.as_of.label, colour: spec.as_of.colour,
           outline: spec.as_of.outline, dashed: true, count: carried, provinces: null}]});
      }
    }
    return sections;
  }

  // --- what every screen has ----------------------------------------------------------
  function header(view, words) {
    var lang = view.lang, other = lang === "th" ? "en" : "th";
    var otherView = Object.assign({}, view, {lang: other});
    var extra = PAGE === "area" ? {area: view.area} : PAGE === "province" ? {code: view.code} : {};
    var synthetic = A.dataset.synthetic;
    return el("header", {}, [
      el("h1", {text: tr("app_title", lang)}),
      el("span", {"class": "badge " + (synthetic ? "synthetic" : "public"), "data-testid": "pub-badge",
                  text: A.dataset.badge[lang]}),
      el("a", {"class": "lang", href: encodeView(otherView, extra) || "?lang=th", hreflang: other,
               lang: other, text: tr("pub_other_lang", lang)}),
      el("p", {"class": "what", "data-testid": "pub-view", text: words})
    ]);
  }
  function sourceLines(shown, lang) {
    var lines = [tr("brief_source_geo", lang)];
    if (A.dataset.synthetic) {
      lines.push(tr("brief_source_synthetic", lang, {seed: A.dataset.seed})); return lines;
    }
    var hosts = {};
    shown.forEach(function (r) { r.area.hosts.forEach(function (h) { hosts[h] = (hosts[h] || 0) + 1; }); });
    var ranked = Object.keys(hosts).sort(function (a, b) { return hosts[b] - hosts[a] || (a < b ? -1 : a > b ? 1 : 0); });
    if (!ranked.length) { lines.push(tr("brief_source_public_none", lang)); return lines; }
    var named = ranked.slice(0, 3).join(", ");
    if (ranked.length > 3) { named += " " + tr("pub_more_sources", lang, {n: ranked.length - 3}); }
    lines.push(tr("brief_source_public", lang, {sources: named}));
    return lines;
  }
  function footer(view, shown) {
    var lang = view.lang;
    return el("footer", {"data-testid": "pub-footer"}, [
      el("p", {text: A.dataset.data_date[lang][String(yearOf(view))] + " · " + A.dataset.title[lang]}),
      el("ul", {"data-testid": "pub-sources"}, sourceLines(shown, lang).map(function (s) { return el("li", {text: s}); })),
      el("p", {text: tr("pub_readonly", lang, {version: body.getAttribute("data-release")})})
    ]);
  }
  function noticeBox(view) {
    var lang = view.lang, items = [];
    if (view.asked && view.asked !== A.dataset.name) {
      items.push(el("p", {text: tr("pub_other_dataset", lang, {name: A.dataset.name, asked: shown40(view.asked)})}));
    }
    if (view.notices.length) { items.push(el("p", {text: tr("pub_ignored", lang, {items: view.notices.join(", ")})})); }
    return items.length ? el("div", {"class": "notice", role: "status", "data-testid": "pub-notice"}, items) : null;
  }
  function filterWords(view) {
    var lang = view.lang, words = [];
    if (view.phases.length) { words.push(view.phases.map(function (p) { return A.phases[p - 1][lang]; }).join(", ")); }
    if (view.levels.length) { words.push(view.levels.map(function (k) { return A.levels[lang][k]; }).join(", ")); }
    if (view.minLevel) { words.push(tr("pub_minlevel_n", lang, {n: view.minLevel})); }
    if (view.regions.length) { words.push(view.regions.map(function (k) { return A.regions.filter(function (r) { return r.key === k; })[0][lang]; }).join(", ")); }
    if (view.provinces.length) { words.push(view.provinces.map(function (c) { return provinceOf(c)[lang]; }).join(", ")); }
    if (view.q) { words.push(tr("pub_search_words", lang, {q: view.q})); }
    var year = A.year_text[lang][String(yearOf(view))];
    var head = view.since !== null ? tr("pub_change_of", lang, {since: A.year_text[lang][String(view.since)], year: year})
      : tr("pub_levels_of", lang, {year: year});
    return head + " · " + (words.length ? tr("pub_filters_words", lang, {words: words.join(" · ")}) : tr("pub_all_areas", lang));
  }
  function provinceOf(code) { return A.provinces.filter(function (p) { return p.code === code; })[0]; }
  function areaName(a, lang) { return lang === "th" ? a.name_th : a.name_en; }

  // --- the overview --------------------------------------------------------------------
  var map = null, provinceLayer = null, markerLayer = null, provinceBounds = {};
  function overview(view) {
    var root = document.getElementById("atlas");
    root.textContent = "";
    var lang = view.lang;
    document.documentElement.lang = lang;
    document.title = tr("app_title", lang) + " · " + A.dataset.title[lang];
    var main = el("main", {id: "main"});
    root.appendChild(el("a", {"class": "skip", href: "#map", text: tr("map_label", lang)}));
    root.appendChild(header(view, ""));
    root.appendChild(main);
    var notice = noticeBox(view);
    if (notice) { main.appendChild(notice); }
    var figures = el("div", {"data-testid": "pub-figures"});
    main.appendChild(figures);
    var grid = el("div", {"class": "grid"});
    var mapBox = el("div", {id: "map", role: "region", "aria-label": tr("map_label", lang), "data-testid": "pub-map"});
    var side = el("div", {"class": "side"});
    grid.appendChild(el("div", {}, [mapBox, el("p", {text: tr("pub_map_note", lang)})]));
    grid.appendChild(side);
    main.appendChild(grid);
    var form = filterForm(view);
    var legendBox = el("div", {"class": "legend", "data-testid": "pub-legend"});
    side.appendChild(legendBox);
    side.appendChild(form);
    var list = el("section", {"data-testid": "pub-areas"});
    main.appendChild(list);
    var foot = el("div");
    root.appendChild(foot);
    buildMap(view);
    function render() {
      var shown = applyFilters(rowsOf(view), view);
      var mode = view.since !== null ? "change" : view.color;
      var classes = provinceClasses(shown, mode);
      var c = counts(shown);
      root.querySelector("[data-testid=pub-view]").textContent = filterWords(view);
      root.querySelector("a.lang").setAttribute("href", encodeView(Object.assign({}, view, {lang: lang === "th" ? "en" : "th"})) || "?lang=th");
      drawFigures(figures, view, c);
      drawLegend(legendBox, legend(shown, classes, mode, view));
      drawList(list, view, shown);
      drawMap(view, shown, classes, mode);
      foot.textContent = ""; foot.appendChild(footer(view, shown));
      history.replaceState(null, "", location.pathname + encodeView(view));
      renderCount += 1;
      body.setAttribute("data-rendered", String(renderCount));
    }
    form.addEventListener("change", function () { readForm(form, view); render(); });
    var typing = null;
    form.querySelector("input[type=search]").addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(function () { readForm(form, view); render(); }, 250);
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.querySelector("button[data-reset]").addEventListener("click", function () {
      view.phases = []; view.levels = []; view.minLevel = 0; view.regions = []; view.provinces = []; view.q = "";
      fillForm(form, view); render();
    });
    render();
  }
  function drawFigures(box, view, c) {
    var lang = view.lang;
    box.textContent = "";
    if (A.headline && !active(view)) {
      var h = A.headline[lang];
      box.appendChild(el("div", {"class": "kpis", "data-testid": "pub-programme"}, h.figures.map(function (f) {
        return el("div", {"class": "kpi", "data-programme": f[0]}, [el("div", {"class": "label", text: f[1]}), el("div", {"class": "value", text: f[2]})]);
      })));
      box.appendChild(el("p", {"class": "headline", text: h.text}));
    }
    var kpis = [["areas", tr("areas", lang), fmt(c.areas), c.areas],
                ["provinces", tr("provinces", lang), fmt(c.provinces), c.provinces],
                ["known", tr("share_known_level", lang), pct(c.known, c.areas), c.known]];
    var row = el("div", {"class": "kpis", "data-testid": "pub-kpis"});
    if (A.headline && !active(view)) { row.appendChild(el("div", {"class": "kpi"}, [el("div", {"class": "label", text: " "}), el("div", {"class": "value", style: "font-size:1rem", text: tr("vh_record", lang)})])); }
    kpis.forEach(function (k) {
      row.appendChild(el("div", {"class": "kpi", "data-kpi": k[0], "data-value": k[3]}, [el("div", {"class": "label", text: k[1]}), el("div", {"class": "value", text: k[2]})]));
    });
    var chips = el("div", {"class": "chips", "data-testid": "pub-chips"});
    ["1", "2", "3", "4", "5", "none"].forEach(function (k) {
      var fill = k === "none" ? "#ffffff" : A.colours.level[k];
      chips.appendChild(el("span", {"class": "chip", "data-level": k, "data-count": c.by_level[k], style: "--fill:" + fill + ";--ring:" + (k === "none" ? A.colours.no_level : fill),
        text: (k === "none" ? tr("no_level", lang) : tr("level_n", lang, {n: k})) + " " + fmt(c.by_level[k])}));
    });
    A.phases.forEach(function (p) {
      var n = c.by_phase[String(p.key)];
      chips.appendChild(el("span", {"class": "chip", "data-phase": p.key, "data-count": n, style: "--fill:#ffffff;--ring:" + A.colours.phase[String(p.key)], text: p[lang] + " " + fmt(n)}));
    });
    row.appendChild(chips);
    box.appendChild(row);
  }
  function drawLegend(box, sections) {
    box.textContent = "";
    sections.forEach(function (s) {
      var ul = el("ul");
      s.rows.forEach(function (r) {
        var swatch = el("span", {"class": "sw " + s.shape, "aria-hidden": "true"});
        swatch.style.background = s.shape === "ring" ? "#ffffff" : r.colour;
        swatch.style.borderColor = r.outline || (s.shape === "ring" ? r.colour : "transparent");
        if (r.dashed) { swatch.style.borderStyle = "dashed"; }
        var n = fmt(r.count) + (r.provinces !== null ? " · " + tr("pub_province_count", A.lang, {n: r.provinces}) : "");
        if (s.shape === "square") { n = tr("pub_province_count", A.lang, {n: r.provinces}); }
        ul.appendChild(el("li", {"class": s.inline ? "inline" : null, "data-key": r.key, "data-count": r.count,
          "data-provinces": r.provinces === null ? null : r.provinces}, [swatch, el("span", {"class": "label", text: r.label}), el("span", {"class": "n", text: n})]));
      });
      box.appendChild(el("section", {"data-title": s.title}, [el("h2", {text: s.title}), ul]));
    });
  }
  function drawList(box, view, shown) {
    var lang = view.lang;
    box.textContent = "";
    box.appendChild(el("h2", {text: tr("pub_areas_list", lang, {n: fmt(shown.length)})}));
    if (!shown.length) { box.appendChild(el("p", {text: tr("no_areas_in_view", lang)})); return; }
    var ul = el("ul", {"class": "areas"});
    shown.slice().sort(function (a, b) { return a.area.id < b.area.id ? -1 : 1; }).forEach(function (r) {
      ul.appendChild(el("li", {"data-area": r.area.id}, [
        el("a", {href: ROOT + "area/" + encodeView(view, {area: r.area.id}), text: areaName(r.area, lang)}),
        " · " + (lang === "th" ? r.area.province_th : r.area.province_en) + " · " + A.levels[lang][levelKey(r.level)]
      ]));
    });
    box.appendChild(ul);
  }
  function buildMap(view) {
    map = L.map("map", {zoomSnap: 0.25, preferCanvas: false, attributionControl: true});
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(tr("brief_source_geo", view.lang));
    provinceLayer = L.geoJSON(SHAPES, {style: function () { return {weight: 0.8, color: A.colours.border, fillOpacity: 0.9}; }});
    provinceLayer.eachLayer(function (layer) {
      var code = layer.feature.properties.province_code;
      provinceBounds[code] = layer.getBounds();
      layer.on("click", function () {
        location.href = ROOT + "province/" + encodeView(view, {code: code});
      });
    });
    provinceLayer.addTo(map);
    markerLayer = L.layerGroup().addTo(map);
  }
  function drawMap(view, shown, classes, mode) {
    var lang = view.lang;
    provinceLayer.eachLayer(function (layer) {
      var code = layer.feature.properties.province_code, cls = classes[code], p = provinceOf(code);
      layer.setStyle({fillColor: cls[1]});
      layer.bindTooltip(p[lang] + " · " + classLabel(cls[0], mode, lang), {sticky: true});
    });
    markerLayer.clearLayers();
    shown.forEach(function (r) {
      var fill = r.level === null ? "#ffffff" : A.colours.level[String(r.level)];
      if (mode === "change") { fill = A.colours.change[r.change] || "#ffffff"; }
      var carried = r.asOf && mode !== "change";
      var m = L.circleMarker([r.area.lat, r.area.lon], {className: "pub-marker", radius: 6, color: A.colours.phase[String(r.area.phase)], weight: 2,
        opacity: 1, fillColor: fill, fillOpacity: carried ? A.colours.as_of_opacity : 1, dashArray: carried ? "2 2" : null});
      m.bindTooltip(areaName(r.area, lang) + " · " + (lang === "th" ? r.area.province_th : r.area.province_en) + " · " + A.levels[lang][levelKey(r.level)]);
      m.on("click", function () { location.href = ROOT + "area/" + encodeView(view, {area: r.area.id}); });
      m.addTo(markerLayer);
    });
    document.getElementById("map").setAttribute("data-markers", String(shown.length));
    var bounds = null;
    if (active(view) && shown.length) {
      shown.forEach(function (r) { var b = provinceBounds[r.area.province]; if (b) { bounds = bounds ? bounds.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast()); } });
    }
    map.fitBounds(bounds || provinceLayer.getBounds(), {padding: [8, 8], animate: false});
  }
  function classLabel(key, mode, lang) {
    if (key === A.colours.empty) { return tr("no_area", lang); }
    if (mode === "change") { return tr("change_" + key, lang); }
    if (mode === "level") { return A.levels[lang][key]; }
    if (mode === "phase") { return A.phases[Number(key) - 1][lang]; }
    return tr("n_areas", lang, {n: key});
  }

  function filterForm(view) {
    var lang = view.lang;
    function boxes(name, legendText, options) {
      return el("fieldset", {}, [el("legend", {text: legendText})].concat(options.map(function (o) {
        return el("label", {}, [el("input", {type: "checkbox", name: name, value: o[0]}), " " + o[1]]);
      })));
    }
    function select(name, labelText, options, multiple) {
      var s = el("select", {name: name, id: "f-" + name, multiple: multiple || null}, options.map(function (o) { return el("option", {value: o[0], text: o[1]}); }));
      return el("div", {}, [el("label", {"for": "f-" + name, text: labelText}), s]);
    }
    var yearOptions = A.years.slice().reverse().map(function (y) { return [String(y), A.year_text[lang][String(y)]]; });
    var form = el("form", {"aria-label": tr("pub_filters", lang), "data-testid": "pub-filters"}, [
      el("h2", {text: tr("pub_filters", lang)}),
      select("year", tr("pub_year", lang), yearOptions),
      select("since", tr("pub_since", lang), [["", tr("pub_since_none", lang)]].concat(yearOptions)),
      boxes("phase", tr("pub_phase", lang), A.phases.map(function (p) { return [String(p.key), p[lang]]; })),
      boxes("level", tr("pub_level", lang), ["1", "2", "3", "4", "5", "none"].map(function (k) { return [k, k === "none" ? tr("no_level", lang) : tr("level_n", lang, {n: k})]; })),
      select("minlevel", tr("pub_minlevel", lang), [["0", tr("pub_minlevel_any", lang)]].concat(["1", "2", "3", "4", "5"].map(function (k) { return [k, tr("pub_minlevel_n", lang, {n: k})]; }))),
      boxes("region", tr("pub_region", lang), A.regions.map(function (r) { return [r.key, r[lang]]; })),
      select("province", tr("pub_province", lang), A.provinces.slice().sort(function (a, b) { return a[lang].localeCompare(b[lang], lang); }).map(function (p) { return [p.code, p[lang]]; }), true),
      el("div", {}, [el("label", {"for": "f-q", text: tr("pub_search", lang)}), el("input", {type: "search", id: "f-q", name: "q", maxlength: A.max_query})]),
      select("color", tr("pub_colour", lang), ["level", "phase", "count"].map(function (m) { return [m, tr("color_" + m, lang)]; })),
      el("button", {type: "button", "class": "linkish", "data-reset": "1", text: tr("pub_reset", lang)})
    ]);
    fillForm(form, view);
    return form;
  }
  function fillForm(form, view) {
    Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]"), function (b) {
      var list = b.name === "phase" ? view.phases.map(String) : b.name === "level" ? view.levels : view.regions;
      b.checked = list.indexOf(b.value) >= 0;
    });
    form.elements.year.value = String(yearOf(view));
    form.elements.since.value = view.since === null ? "" : String(view.since);
    form.elements.minlevel.value = String(view.minLevel);
    Array.prototype.forEach.call(form.elements.province.options, function (o) { o.selected = view.provinces.indexOf(o.value) >= 0; });
    form.elements.q.value = view.q;
    form.elements.color.value = view.color;
    form.elements.color.disabled = view.since !== null;
  }
  function readForm(form, view) {
    function checked(name) {
      return Array.prototype.filter.call(form.querySelectorAll("input[name=" + name + "]"), function (b) { return b.checked; }).map(function (b) { return b.value; });
    }
    view.phases = checked("phase").map(Number);
    view.levels = checked("level");
    view.regions = checked("region");
    view.minLevel = parseInt(form.elements.minlevel.value, 10) || 0;
    view.provinces = Array.prototype.filter.call(form.elements.province.options, function (o) { return o.selected; }).map(function (o) { return o.value; })
      .sort(function (a, b) { return a < b ? -1 : 1; });
    view.q = form.elements.q.value.trim().slice(0, A.max_query);
    var year = parseInt(form.elements.year.value, 10);
    view.year = year === A.last_year ? null : year;
    var since = form.elements.since.value ? parseInt(form.elements.since.value, 10) : null;
    view.since = since !== null && since < year ? since : null;
    view.color = form.elements.color.value;
    fillForm(form, view);
  }

  // --- the cards -----------------------------------------------------------------------
  function cardPage(view, build) {
    var root = document.getElementById("atlas");
    root.textContent = "";
    var lang = view.lang;
    document.documentElement.lang = lang;
    root.appendChild(header(view, filterWords(view)));
    var main = el("main", {id: "main", "class": "card"});
    root.appendChild(main);
    var notice = noticeBox(view);
    if (notice) { main.appendChild(notice); }
    main.appendChild(el("p", {}, [el("a", {href: ROOT + encodeView(view) || ROOT + "./", "data-testid": "pub-back", text: tr("pub_back", lang)})]));
    var shown = build(main);
    root.appendChild(footer(view, shown));
    renderCount += 1;
    body.setAttribute("data-rendered", String(renderCount));
  }
  function areaCard(view) {
    var lang = view.lang, year = yearOf(view);
    cardPage(view, function (main) {
      var area = A.areas.filter(function (a) { return a.id === view.area; })[0];
      if (!area) {
        main.appendChild(el("p", {"class": "notice", role: "alert", "data-testid": "pub-missing", text: tr("pub_unknown_area", lang, {id: shown40(view.area)})}));
        return [];
      }
      document.title = areaName(area, lang) + " · " + tr("app_title", lang);
      var row = rowsOf(view).filter(function (r) { return r.area.id === area.id; })[0];
      var yearWords = A.year_text[lang][String(year)];
      var levelLine = row ? tr("pub_area_level", lang, {year: yearWords, level: A.levels[lang][levelKey(row.level)]}) : tr("pub_not_in_year", lang, {year: yearWords});
      var p = provinceOf(area.province);
      main.appendChild(el("h2", {"data-testid": "pub-area", "data-area": area.id, text: areaName(area, lang)}));
      main.appendChild(el("p", {}, [
        el("a", {href: ROOT + "province/" + encodeView(view, {code: area.province}), text: p[lang]}), " · ",
        el("b", {"data-testid": "pub-area-level", "data-level": row ? levelKey(row.level) : "", text: levelLine})]));
      main.appendChild(el("div", {html: area.card[lang]}));  // escaped by the publisher
      return row ? [row] : [];
    });
  }
  function provinceCard(view) {
    var lang = view.lang, year = yearOf(view);
    cardPage(view, function (main) {
      var p = provinceOf(view.code);
      if (!p) {
        main.appendChild(el("p", {"class": "notice", role: "alert", "data-testid": "pub-missing", text: tr("pub_unknown_province", lang, {code: shown40(view.code)})}));
        return [];
      }
      document.title = p[lang] + " · " + tr("app_title", lang);
      var region = A.regions.filter(function (r) { return r.key === p.region; })[0];
      var heading = p.code === "10" ? p[lang] + " · " + region[lang]  // Bangkok is no province
        : tr("pub_province_card", lang, {name: p[lang], region: region[lang]});
      main.appendChild(el("h2", {"data-testid": "pub-province", "data-code": p.code, text: heading}));
      var rows = rowsOf(view).filter(function (r) { return r.area.province === p.code; });
      var yearWords = A.year_text[lang][String(year)];
      if (!rows.length) { main.appendChild(el("p", {text: tr("pub_province_none", lang, {year: yearWords})})); return rows; }
      main.appendChild(el("h3", {text: tr("pub_province_areas", lang, {year: yearWords, n: fmt(rows.length)})}));
      var ul = el("ul", {"data-testid": "pub-province-areas"});
      rows.forEach(function (r) {
        ul.appendChild(el("li", {"data-area": r.area.id}, [
          el("a", {href: ROOT + "area/" + encodeView(view, {area: r.area.id}), text: areaName(r.area, lang)}),
          " · " + A.phases[r.area.phase - 1][lang] + " · " + A.levels[lang][levelKey(r.level)] +
          (r.asOf ? " " + tr("pub_carried", lang) : "")]));
      });
      main.appendChild(ul);
      return rows;
    });
  }

  // --- start ---------------------------------------------------------------------------
  function fail(lang) {
    var status = document.getElementById("status");
    if (status) { status.textContent = A ? tr("pub_failed", lang) : body.getAttribute("data-failed-text"); }
    body.setAttribute("data-failed", "1");
  }
  function get(url) {
    return fetch(url, {credentials: "same-origin"}).then(function (r) {
      if (!r.ok) { throw new Error(url + ": " + r.status); }
      return r.json();
    });
  }
  Promise.all([get(body.getAttribute("data-data")), get(body.getAttribute("data-shapes"))]).then(function (got) {
    A = got[0]; SHAPES = got[1];
    var view = parseView(location.search);
    A.lang = view.lang;
    if (PAGE === "area") { areaCard(view); } else if (PAGE === "province") { provinceCard(view); } else { overview(view); }
    window.ecotownAtlas = {view: view, map: map};
  }).catch(function (e) { if (window.console) { console.error(e); } fail("th"); });
})();
