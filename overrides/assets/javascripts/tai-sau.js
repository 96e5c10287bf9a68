/* Load the theme's script (search, and small comforts) only when the reader starts to use the page: first touch,
   key, scroll or pointer, or when the page is opened at an anchor. Everything a resident reads works without it
   (CSS navigation, tabs, tables, details), so the first paint and the first tap never wait for ~35 KB of script
   to run on a cheap phone. The theme starts on DOMContentLoaded, which has passed by then: it is sent again,
   once, when the script has loaded. No third party, no inline code (Content-Security-Policy friendly). */
(function () {
  "use strict";
  var me = document.currentScript;
  var src = me && me.getAttribute("data-src");
  var started = false;
  document.documentElement.classList.add("tai-sau");  // shows the search button before the theme starts (extra.css)
  var events = ["pointerdown", "touchstart", "keydown", "focusin", "scroll", "wheel", "mousemove"];
  function start() {
    if (started || !src) return;
    started = true;
    for (var i = 0; i < events.length; i++) window.removeEventListener(events[i], start, true);
    var s = document.createElement("script");
    s.src = src;
    s.onload = function () { document.dispatchEvent(new Event("DOMContentLoaded")); };
    document.body.appendChild(s);
  }
  for (var i = 0; i < events.length; i++) window.addEventListener(events[i], start, {capture: true, passive: true});
  if (location.hash || document.activeElement && document.activeElement !== document.body) start();
})();
