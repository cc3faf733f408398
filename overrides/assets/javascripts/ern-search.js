/* Material asks for the site's search index as soon as a page loads, and the index holds every language.
   The site keeps one index per language (the ern-guides plugin splits Material's); this script, loaded before
   Material's, sends Material's request to the page's own language's index, and only once the reader opens
   search (the search field gets focus or the search toggle is ticked). */
(function () {
  var index = document.currentScript.dataset.index;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var waiting = [];
  var searched = false;

  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    var found = /search\/search_index\.json$/.exec(String(url));
    if (found) {
      this.ernIndex = true;
      args[1] = new URL(index, String(url).slice(0, found.index)).href;
    }
    return open.apply(this, args);
  };

  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.ernIndex || searched) {
      return send.apply(request, args);
    }
    waiting.push(function () { send.apply(request, args); });
  };

  function startSearch() {
    if (!searched) {
      searched = true;
      waiting.splice(0).forEach(function (go) { go(); });
    }
  }

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) {
      startSearch();
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) {
      startSearch();
    }
  });
})();
