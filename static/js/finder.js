// "Use my location": ask the browser for the visitor's position and submit it
// as ?lat=&lng= (rounded to about 100 m). The page works without this.
(function () {
  "use strict";
  var form = document.querySelector("[data-geolocate-form]");
  if (!form || !("geolocation" in navigator)) return;
  var button = form.querySelector("button");
  var status = document.querySelector("[data-geolocate-status]");
  var idleText = status.textContent;
  form.hidden = false;
  // Coming back with the Back button may restore this page as it was left.
  window.addEventListener("pageshow", function () {
    button.disabled = false;
    status.textContent = idleText;
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    button.disabled = true;
    status.textContent = form.dataset.waiting;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        form.elements.lat.value = position.coords.latitude.toFixed(3);
        form.elements.lng.value = position.coords.longitude.toFixed(3);
        form.submit();
      },
      function () {
        button.disabled = false;
        status.textContent = form.dataset.failed;
      },
      { timeout: 10000, maximumAge: 600000 }
    );
  });
})();
