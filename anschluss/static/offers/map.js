/* The offer map: markers for exactly the offers listed on the page (the list stays complete without it).
   Reads data-* attributes only; no inline script, so the Content-Security-Policy stays strict. */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") {
      fn();
    } else {
      document.addEventListener("DOMContentLoaded", fn);
    }
  }

  function number(value) {
    var n = parseFloat(value);
    return isNaN(n) ? null : n;
  }

  ready(function () {
    var element = document.getElementById("offer-map");
    if (!element || typeof window.L === "undefined") {
      return;
    }
    var L = window.L;
    element.hidden = false;
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(element.dataset.tileUrl, {
      maxZoom: 18,
      attribution: element.dataset.attribution || "",
    }).addTo(map);
    var points = [];

    function add(lat, lng, title, url, item) {
      var marker = L.circleMarker([lat, lng], { radius: 8, weight: 2 }).addTo(map);
      var link = document.createElement("a");
      link.href = url || "#";
      link.textContent = title;
      marker.bindPopup(link);
      if (item) {
        marker.on("click", function () {
          document.querySelectorAll(".offer-item.is-highlighted").forEach(function (el) {
            el.classList.remove("is-highlighted");
          });
          item.classList.add("is-highlighted");
        });
      }
      points.push([lat, lng]);
    }

    var singleLat = number(element.dataset.singleLat);
    var singleLng = number(element.dataset.singleLng);
    if (singleLat !== null && singleLng !== null) {
      add(singleLat, singleLng, element.dataset.singleTitle || "", "", null);
    }
    var list = element.dataset.list ? document.getElementById(element.dataset.list) : null;
    if (list) {
      list.querySelectorAll("[data-offer-lat]").forEach(function (item) {
        var lat = number(item.dataset.offerLat);
        var lng = number(item.dataset.offerLng);
        if (lat !== null && lng !== null) {
          add(lat, lng, item.dataset.offerTitle, item.dataset.offerUrl, item);
        }
      });
    }
    var originLat = number(element.dataset.originLat);
    var originLng = number(element.dataset.originLng);
    if (originLat !== null && originLng !== null) {
      L.circleMarker([originLat, originLng], { radius: 6, weight: 3, fillOpacity: 1 })
        .bindPopup(document.createTextNode(element.dataset.originLabel || ""))
        .addTo(map);
      points.push([originLat, originLng]);
    }
    element.dataset.markers = String(list ? list.querySelectorAll("[data-offer-lat]").length : points.length);
    if (points.length === 1) {
      map.setView(points[0], 14);
    } else if (points.length > 1) {
      map.fitBounds(points, { padding: [24, 24], maxZoom: 15 });
    } else {
      map.setView([51.5136, 7.4653], 11);
    }
  });
})();
