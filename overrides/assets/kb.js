/* Small behaviours on top of Material, no dependencies. */
(function () {
  "use strict";

  /* The language switcher opens the same page in the other language; keep the #anchor
     of a deep link too (ids are the same in both languages). */
  function syncLanguageLinks() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      var url = new URL(link.href, location.href);
      url.hash = location.hash;
      link.href = url.href;
    });
  }
  syncLanguageLinks();
  window.addEventListener("hashchange", syncLanguageLinks);
})();
