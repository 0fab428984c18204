/* Eco Town Atlas: the map's behaviour in the browser, installed once per map page.
 *
 * - frame(view): fit the map to what the view shows, only when the view's key changes, so
 *   a user's own pan and zoom survives a rerun that does not change the filters;
 * - declutter(markers): size the markers to the zoom and push apart those that would
 *   overlap (each keeps its own marker; a thin leader line goes back to its true point);
 * - labels: province names where they fit inside the province, never overlapping each
 *   other or a marker;
 * - tooltips that never leave the map's frame.
 * Everything written into the page comes escaped from the server (ecotown.safe_html).
 */
(function () {
  if (window.ecotown) { return; }
  var E = window.ecotown = {frameKey: null, map: null, markers: null};
  var root = document.documentElement;

  /* Marker radius and ring width (px) for a zoom: small at the national zoom, so the
   * provinces' colours stay visible, larger when zoomed in. */
  E.size = function (zoom) {
    var r = Math.max(3, Math.min(8, 1.5 * zoom - 5.25));
    return {radius: r, weight: zoom < 6 ? 1 : zoom < 7 ? 1.5 : 2};
  };

  E.install = function (map, start) {
    if (E.map === map) { return; }
    E.map = map;
    if (start) { map.fitBounds(start, {animate: false}); }
    ["ecotownLeaders", "ecotownLabels"].forEach(function (name, i) {
      if (!map.getPane(name)) {
        var pane = map.createPane(name);
        pane.style.zIndex = i === 0 ? 390 : 395;
        pane.style.pointerEvents = "none";
      }
    });
    if (!map.getPane("ecotownHits")) {  /* above the drawn markers, below tooltips */
      map.createPane("ecotownHits").style.zIndex = 620;
      var style = document.createElement("style");
      style.textContent = ".ecotown-hit { background: transparent; border-radius: 50%; " +
        "cursor: pointer; }";
      document.head.appendChild(style);
    }
    E.labelLayer = L.layerGroup().addTo(map);
    E.leaders = L.layerGroup().addTo(map);
    map.on("zoomend", function () { E.layout(); });
    map.on("resize", function () {
      /* printing resizes the frame: show the same extent on paper, whole */
      if (E.lastView && window.matchMedia && window.matchMedia("print").matches) {
        map.fitBounds(E.lastView.bounds, {padding: [12, 12], animate: false});
      }
      E.fitPending();
    });
    E.localControls(map);
    map.on("moveend", function () { E.placeLabels(); });
    /* the user's own pan and zoom (pointer, wheel, touch, keys): a resize keeps them */
    ["mousedown", "wheel", "touchstart", "keydown"].forEach(function (type) {
      map.getContainer().addEventListener(type, function () { E.userMoved = true; },
                                          {passive: true});
    });
    E.keepPageStill(map);
    E.fitWindow();
    E.linkNames();
  };

  /* Pointing at an area's name beside the map (or focusing it) highlights its marker:
   * larger, drawn on top, its tooltip open. The page's links carry data-ecotown-area. */
  E.linkNames = function () {
    var host;
    try { host = window.parent; if (!window.frameElement) { return; } } catch (e) { return; }
    if (host === window || host.__ecotownNamesLinked) { return; }
    host.__ecotownNamesLinked = true;
    function marker(id) {
      var found = null;
      if (!E.markers) { return null; }
      E.markers.eachLayer(function (l) {
        if (l.feature && l.feature.properties.area_id === id) { found = l; }
      });
      return found;
    }
    function show(event, on) {
      var link = event.target && event.target.closest &&
        event.target.closest("[data-ecotown-area]");
      if (!link) { return; }
      var layer = marker(link.getAttribute("data-ecotown-area"));
      if (!layer) { return; }
      var size = E.size(E.map.getZoom());
      layer.setRadius(on ? size.radius * 2 + 2 : size.radius);
      layer.setStyle({weight: on ? size.weight + 2 : size.weight});
      if (on) { layer.bringToFront(); if (layer.openTooltip) { layer.openTooltip(); } }
      else if (layer.closeTooltip) { layer.closeTooltip(); }
      root.setAttribute("data-ecotown-highlight", on ? link.getAttribute("data-ecotown-area") : "");
    }
    ["mouseover", "focusin"].forEach(function (name) {
      host.document.addEventListener(name, function (e) { show(e, true); });
    });
    ["mouseout", "focusout"].forEach(function (name) {
      host.document.addEventListener(name, function (e) { show(e, false); });
    });
  };

  /* The scale and the credit in the page's language: "300 กม." on a Thai page, and the
   * map library credited by name, without a flag. */
  E.pageLang = function () {
    try { return window.parent.document.documentElement.lang || "th"; } catch (e) { return "th"; }
  };
  E.localControls = function (map) {
    var th = E.pageLang() === "th";
    var Scale = L.Control.Scale.extend({
      _updateMetric: function (maxMeters) {
        var meters = this._getRoundNum(maxMeters);
        var label = meters < 1000 ? meters + (th ? " ม." : " m")
          : (meters / 1000).toLocaleString(th ? "th-TH" : "en-GB") + (th ? " กม." : " km");
        this._updateScale(this._mScale, label, meters / maxMeters);
      }
    });
    new Scale({metric: true, imperial: false}).addTo(map);
    if (map.attributionControl) {
      /* plain text: the atlas links nowhere off its own origin */
      map.attributionControl.setPrefix(
        '<span title="' + (th ? "ไลบรารีแผนที่" : "map library") + '">Leaflet</span>');
    }
    root.setAttribute("lang", th ? "th" : "en");
  };

  /* The first click on the map must do what it says. Leaflet focuses the map on mouse-down
   * (for its keyboard handler); focusing an element scrolls every page around it to show
   * it, so a frame partly below the window jumped under the pointer and the click missed.
   * The same focus, without scrolling. */
  E.keepPageStill = function (map) {
    var keys = map.keyboard;
    if (!keys || !keys._onMouseDown) { return; }
    var wasOn = keys.enabled();
    if (wasOn) { keys.disable(); }
    keys._onMouseDown = function () {
      if (this._focused) { return; }
      try { this._map._container.focus({preventScroll: true}); } catch (e) { /* old */ }
    };
    if (wasOn) { keys.enable(); }
  };

  /* The map's frame ends inside the window: its height is what the window leaves below
   * the frame's top (at least MIN px; where the map starts below the first screen, as on
   * a phone, the window's height less a margin, so the whole map shows when scrolled
   * to). The page's own CSS sets a first guess; this measures. Same origin only. */
  /* After the frame changed size: fit the view again, unless the user has moved the map
   * since it was last fitted (their pan and zoom are theirs). */
  E.refit = function () {
    var map = E.map, view = E.lastView;
    if (!map) { return; }
    map.invalidateSize({animate: false});
    if (!view || E.userMoved) { return; }
    var pad = view.padding == null ? 28 : view.padding;
    map.fitBounds(view.bounds, {padding: [pad, pad], maxZoom: view.maxZoom || 10,
                                animate: false});
  };

  E.fitWindow = function () {
    var MIN = 360, host, frame;
    try { host = window.parent; frame = window.frameElement; } catch (e) { return; }
    if (!frame || !host || host === window) { return; }
    function fills() {  /* only a page that asks (ecotown.ui.layout.map_fills_page) */
      return host.getComputedStyle(host.document.documentElement)
        .getPropertyValue("--ecotown-map-fills").trim() === "1";
    }
    function fit() {
      if (!fills()) { root.setAttribute("data-ecotown-fitted", "none"); return; }
      if (host.matchMedia && host.matchMedia("print").matches) { return; }
      var top = frame.getBoundingClientRect().top + (host.scrollY || 0);
      /* a slide keeps its foot (data date, sources) inside the window too */
      var foot = host.document.querySelector(".ecotown-slide-foot");
      var reserve = foot ? foot.getBoundingClientRect().height + 24 : 0;
      var room = host.innerHeight - top - 10 - reserve;
      /* Thailand is about 1.9 times as tall as it is wide: no taller than that needs */
      var tallest = frame.getBoundingClientRect().width * 1.9 + 20;
      var height = room >= MIN ? room : Math.max(MIN, Math.min(host.innerHeight - 24, tallest));
      height = Math.round(height);
      /* a custom property the page's screen style reads (ecotown.ui.layout.map_fills_page):
       * the print style keeps its own height */
      if (frame.style.getPropertyValue("--ecotown-fit") !== height + "px") {
        frame.style.setProperty("--ecotown-fit", height + "px");
        E.refit();
      }
      root.setAttribute("data-ecotown-fitted", String(height));
    }
    fit();
    host.addEventListener("resize", fit);
    if (host.ResizeObserver) {  /* content above the map changed height (a notice, a rerun) */
      var above = host.document.querySelector("[data-testid='stMainBlockContainer']");
      if (above) { new host.ResizeObserver(fit).observe(above); }
    }
  };

  /* The frame as assistive technology meets it: one main landmark and one heading that
   * name the map, zoom allowed, and no tab stop per province or marker (the page lists the
   * shown areas as links below the map, the keyboard's and screen reader's way in). */
  E.accessible = function (label, zoomIn, zoomOut) {
    var map = E.map;
    if (!map) { return; }
    var box = map.getContainer();
    [[".leaflet-control-zoom-in", zoomIn], [".leaflet-control-zoom-out", zoomOut]].forEach(
      function (pair) {
        var button = box.querySelector(pair[0]);
        if (button && pair[1]) {
          button.setAttribute("title", pair[1]);
          button.setAttribute("aria-label", pair[1]);
        }
      });
    box.setAttribute("role", "main");
    box.setAttribute("aria-label", label);
    var heading = document.getElementById("ecotown-map-heading");
    if (!heading) {
      heading = document.createElement("h1");
      heading.id = "ecotown-map-heading";
      heading.className = "ecotown-sr-only";
      box.insertBefore(heading, box.firstChild);
    }
    heading.textContent = label;
    if (!E.observer && window.MutationObserver) {  /* provinces arrive after the markers */
      E.observer = new MutationObserver(function () { E.untab(); });
      E.observer.observe(box, {childList: true, subtree: true});
    }
    document.querySelectorAll('meta[name="viewport"]').forEach(function (viewport) {
      viewport.setAttribute("content", "width=device-width, initial-scale=1");
    });
    E.untab();
  };
  E.untab = function () {
    var box = E.map && E.map.getContainer();
    if (!box) { return; }
    box.querySelectorAll(".leaflet-interactive, .leaflet-marker-icon").forEach(function (el) {
      if (el.getAttribute("tabindex") !== "-1") { el.setAttribute("tabindex", "-1"); }
    });
    /* Leaflet's controls sit outside any landmark unless they are inside the map's main. */
    root.setAttribute("data-ecotown-tabstops",
      String(document.querySelectorAll('a[href], button, input, [tabindex]:not([tabindex="-1"])').length));
  };

  /* Fit the view's extent (with a margin) when its key is new; the first fit is instant.
   * A frame that has no size yet (still being laid out) fits as soon as it has one. */
  E.frame = function (view) {
    var map = E.map;
    if (!map || !view || view.key === E.frameKey) { return; }
    E.pending = view;
    E.fitPending();
  };
  E.fitPending = function () {
    var map = E.map, view = E.pending, size = map && map.getSize();
    if (!view || !size || size.x < 60 || size.y < 60) { return; }
    var first = E.frameKey === null;
    E.pending = null;
    E.frameKey = view.key;
    E.lastView = view;
    var pad = view.padding == null ? 28 : view.padding;
    map.fitBounds(view.bounds, {padding: [pad, pad], maxZoom: view.maxZoom || 10,
                                animate: !first});
    E.userMoved = false;
    root.setAttribute("data-ecotown-frame", JSON.stringify(view.bounds));
  };

  E.declutter = function (markers) {
    markers.on("add", function () {
      E.markers = markers;
      E.layout();
    });
    markers.on("remove", function () {
      if (E.markers === markers) {
        E.markers = null; E.leaders.clearLayers();
        if (E.hits) { E.hits.clearLayers(); }
      }
    });
    return markers;
  };

  E.layout = function () {
    var map = E.map, markers = E.markers;
    if (!map || !markers) { E.placeLabels(); E.untab(); return; }
    var zoom = map.getZoom(), size = E.size(zoom);
    var items = markers.getLayers().map(function (layer) {
      var c = layer.feature.geometry.coordinates, home = L.latLng(c[1], c[0]);
      layer.setRadius(size.radius);
      layer.setStyle({weight: size.weight});
      var p = map.project(home, zoom);
      return {layer: layer, home: home, hx: p.x, hy: p.y, x: p.x, y: p.y,
              r: size.radius + size.weight / 2};
    });
    for (var step = 0; step < 400; step++) {
      var worst = 0;
      for (var i = 0; i < items.length; i++) {
        for (var j = i + 1; j < items.length; j++) {
          var a = items[i], b = items[j], need = a.r + b.r + 1;
          var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy);
          if (d >= need) { continue; }
          if (d < 1e-6) { dx = Math.cos(2.4 * (i + j)); dy = Math.sin(2.4 * (i + j)); d = 1; }
          else { dx /= d; dy /= d; }
          var push = (need - d) / 2;
          a.x -= dx * push; a.y -= dy * push; b.x += dx * push; b.y += dy * push;
          worst = Math.max(worst, need - d);
        }
      }
      if (worst < 0.01) { break; }
    }
    E.leaders.clearLayers();
    var moved = 0;
    items.forEach(function (it) {
      var off = Math.sqrt((it.x - it.hx) * (it.x - it.hx) + (it.y - it.hy) * (it.y - it.hy));
      if (off < 0.5) { it.layer.setLatLng(it.home); return; }
      var shown = map.unproject(L.point(it.x, it.y), zoom);
      it.layer.setLatLng(shown);
      moved++;
      if (off > it.r) {
        L.polyline([it.home, shown], {pane: "ecotownLeaders", color: E.leaderColour, weight: 1,
                                       opacity: 0.9, interactive: false}).addTo(E.leaders);
      }
    });
    E.placeHits(items);
    root.setAttribute("data-ecotown-moved", String(moved));
    root.setAttribute("data-ecotown-layout-zoom", String(zoom));
    root.setAttribute("data-ecotown-marker-radius", String(size.radius));
    E.placeLabels();
    E.untab();
  };

  /* A drawn marker stays small (the provinces' colours must show), but the target a finger
   * or pointer must hit is at least 24x24 px (WCAG 2.2, 2.5.8), 40x40 on a touch screen:
   * an invisible round target over each marker passes its click and hover on to it. */
  E.hitSize = function () {
    var coarse = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;
    return coarse || (L.Browser && L.Browser.mobile) ? 40 : 24;
  };
  E.placeHits = function (items) {
    var map = E.map;
    if (!E.hits) { E.hits = L.layerGroup().addTo(map); }
    E.hits.clearLayers();
    var s = E.hitSize();
    var icon = L.divIcon({className: "ecotown-hit", iconSize: [s, s], html: ""});
    items.forEach(function (it) {
      var target = it.layer;
      var hit = L.marker(target.getLatLng(), {icon: icon, keyboard: false,
                                              pane: "ecotownHits"});
      ["click", "mouseover", "mouseout"].forEach(function (type) {
        hit.on(type, function (e) {
          target.fire(type, {latlng: target.getLatLng(), originalEvent: e.originalEvent}, true);
        });
      });
      hit.addTo(E.hits);
    });
    root.setAttribute("data-ecotown-hit-size", String(s));
  };

  var measure = document.createElement("canvas").getContext("2d");
  E.labelZoom = 5;  // all of Thailand at any window size; names only where they fit
  E.labelFont = '600 12px "Sarabun", "Loma", "Garuda", "Noto Sans Thai", sans-serif';

  /* Province names: largest provinces (and those of the view) first; a name is set only
   * where it fits inside its province's box and overlaps no other name or marker. */
  E.placeLabels = function () {
    var map = E.map, looks = window.ecotownLooks, provinces = window.ecotownProvinces;
    if (!map || !looks || !provinces || !window.ecotownProvincesLoaded) { return; }
    E.labelLayer.clearLayers();
    measure.font = E.labelFont;
    var size = map.getSize(), taken = [], placed = [], focused = 0;
    if (E.markers) {
      E.markers.getLayers().forEach(function (m) {
        var p = map.latLngToContainerPoint(m.getLatLng()), r = m.getRadius() + 2;
        taken.push([p.x - r, p.y - r, p.x + r, p.y + r]);
      });
    }
    var candidates = [];
    provinces.eachLayer(function (layer) {
      var look = looks[layer.feature.properties.province_code];
      if (!look || !look.label) { return; }
      var b = layer.getBounds();
      var nw = map.latLngToContainerPoint(b.getNorthWest());
      var se = map.latLngToContainerPoint(b.getSouthEast());
      var w = se.x - nw.x, h = se.y - nw.y;
      candidates.push({look: look, w: w, h: h, area: w * h});
    });
    candidates.sort(function (a, b) {
      return (b.look.focus ? 1 : 0) - (a.look.focus ? 1 : 0) || b.area - a.area;
    });
    function free(box) {
      if (box[0] < 2 || box[1] < 2 || box[2] > size.x - 2 || box[3] > size.y - 2) { return false; }
      for (var k = 0; k < taken.length; k++) {
        var o = taken[k];
        if (box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1]) { return false; }
      }
      return true;
    }
    candidates.forEach(function (c) {
      var label = c.look.label, tw = Math.ceil(measure.measureText(label.plain).width) + 4;
      var th = 16;
      if (map.getZoom() < E.labelZoom || tw > c.w * 0.95 || th > c.h * 0.6) { return; }
      var p = map.latLngToContainerPoint(L.latLng(label.at[0], label.at[1]));
      var offsets = [[0, 0], [0, -th + 2], [0, th - 2], [-tw / 3, 0], [tw / 3, 0]];
      for (var k = 0; k < offsets.length; k++) {
        var x = p.x + offsets[k][0], y = p.y + offsets[k][1];
        var box = [x - tw / 2, y - th / 2, x + tw / 2, y + th / 2];
        if (!free(box)) { continue; }
        taken.push(box);
        placed.push(box);
        if (c.look.focus) { focused += 1; }
        L.marker(map.containerPointToLatLng(L.point(x, y)), {
          pane: "ecotownLabels", interactive: false, keyboard: false,
          icon: L.divIcon({className: "ecotown-label " + label.ink, html: label.html,
                           iconSize: [tw, th], iconAnchor: [tw / 2, th / 2]})
        }).addTo(E.labelLayer);
        break;
      }
    });
    root.setAttribute("data-ecotown-labels", String(placed.length));
    root.setAttribute("data-ecotown-labels-focus", String(focused));
    root.setAttribute("data-ecotown-label-boxes", JSON.stringify(placed.map(function (b) {
      return b.map(Math.round);
    })));
  };

  /* Tooltips stay inside the map's frame: after Leaflet places one, it is moved back in. */
  var place = L.Tooltip.prototype._setPosition;
  L.Tooltip.prototype._setPosition = function (pos) {
    place.call(this, pos);
    var map = this._map, el = this._container;
    if (!map || !el) { return; }
    var size = map.getSize(), at = L.DomUtil.getPosition(el);
    var c = map.layerPointToContainerPoint(at), w = el.offsetWidth, h = el.offsetHeight;
    var dx = 0, dy = 0, m = 4;
    if (c.x + w > size.x - m) { dx = size.x - m - (c.x + w); }
    if (c.x + dx < m) { dx = m - c.x; }
    if (c.y + h > size.y - m) { dy = size.y - m - (c.y + h); }
    if (c.y + dy < m) { dy = m - c.y; }
    if (dx || dy) { L.DomUtil.setPosition(el, at.add(L.point(dx, dy))); }
  };
})();
