// Progressive enhancement: turn the office list's coordinates into a map.
// Without JavaScript, Leaflet or tiles, the address list and directions
// links remain; nothing here is needed to find an office.
(function () {
  "use strict";
  function start() {
    if (!window.L) return;
    document.querySelectorAll("[data-office-map]").forEach(function (element) {
      var source = document.getElementById(element.dataset.markers);
      if (!source) return;
      var markers = JSON.parse(source.textContent);
      if (!markers.length) return;
      element.hidden = false;
      var map = L.map(element, { scrollWheelZoom: false });
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
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
