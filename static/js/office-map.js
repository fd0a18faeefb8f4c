// The office map: a picture first, a real map when the visitor asks for it.
//
// The page shows a picture of where the offices are, drawn by the server
// (locations/static_map.py), and nothing from another host. This script
// reveals the "Show the map" button; pressing it loads Leaflet (our own
// static files) and builds the map, whose tiles come from the tile server,
// in the picture's place. The choice is kept in sessionStorage, for this
// visit (this tab) only, so the next office page shows the map straight
// away. Without JavaScript the picture, the address list and the
// directions links remain; nothing here is needed to find an office.
(function () {
  "use strict";
  var CHOICE = "office-map:tiles"; // sessionStorage: "yes" once the visitor asked for the map

  function remembered() {
    try {
      return window.sessionStorage.getItem(CHOICE) === "yes";
    } catch (error) {
      return false; // storage blocked: ask on every page
    }
  }

  function remember() {
    try {
      window.sessionStorage.setItem(CHOICE, "yes");
    } catch (error) {
      // storage blocked: the map still shows on this page
    }
  }

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) {
        element.setAttribute(name, attributes[name]);
      });
      element.addEventListener("load", resolve);
      element.addEventListener("error", reject);
      document.head.appendChild(element);
    });
  }

  var leaflet = null; // loading once for every map of the page
  function loadLeaflet(element) {
    if (!leaflet) {
      // Both before any marker: Leaflet finds its marker images through its stylesheet.
      leaflet = Promise.all([
        load("link", { rel: "stylesheet", href: element.dataset.leafletCss }),
        window.L ? Promise.resolve() : load("script", { src: element.dataset.leafletJs }),
      ]);
      leaflet.catch(function () {
        leaflet = null; // let a second press try again
      });
    }
    return leaflet;
  }

  function buildMap(element, frame) {
    var markers = JSON.parse(document.getElementById(element.dataset.markers).textContent);
    var calm = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    frame.textContent = ""; // the picture goes; the map takes its box
    frame.setAttribute("role", "region");
    frame.setAttribute("aria-label", element.dataset.label);
    var map = L.map(frame, {
      scrollWheelZoom: false,
      zoomAnimation: !calm,
      fadeAnimation: !calm,
      markerZoomAnimation: !calm,
    });
    L.tileLayer(element.dataset.tiles, {
      maxZoom: 18,
      attribution: element.dataset.attribution,
      // Tile servers want to know which site asks; send the origin only,
      // never this page's address (it may hold the visitor's location).
      referrerPolicy: "strict-origin-when-cross-origin",
    }).addTo(map);
    var bounds = [];
    markers.forEach(function (office) {
      var marker = L.marker([office.lat, office.lng], { title: office.name, alt: office.name });
      var link = document.createElement("a");
      link.href = office.url;
      link.textContent = office.name;
      marker.bindPopup(link).addTo(map);
      bounds.push([office.lat, office.lng]);
    });
    if (bounds.length === 1) {
      map.setView(bounds[0], 13);
    } else {
      map.fitBounds(bounds, { padding: [30, 30] });
    }
    return map;
  }

  function showMap(element, button, moveFocus) {
    var frame = element.querySelector("[data-office-map-frame]");
    button.disabled = true;
    element.setAttribute("aria-busy", "true");
    loadLeaflet(element).then(
      function () {
        element.removeAttribute("aria-busy");
        buildMap(element, frame);
        button.hidden = true;
        // The button is gone: keyboard users continue on the map (Leaflet
        // makes it focusable; arrow keys pan it, + and - zoom).
        if (moveFocus) frame.focus();
      },
      function () {
        // Leaflet did not load: the picture stays, and the button to try again.
        element.removeAttribute("aria-busy");
        button.disabled = false;
        button.hidden = false;
      }
    );
  }

  function start() {
    document.querySelectorAll("[data-office-map]").forEach(function (element) {
      var button = element.querySelector("[data-office-map-show]");
      if (!button || !document.getElementById(element.dataset.markers)) return;
      button.addEventListener("click", function () {
        remember();
        showMap(element, button, true);
      });
      if (remembered()) {
        showMap(element, button, false); // asked for on an earlier page of this visit
      } else {
        button.hidden = false;
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
