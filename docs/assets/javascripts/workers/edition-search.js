// Material's search worker, started with the whole index on the reader's first query.
//
// Material's page script starts its search worker and fetches search/search_index.json on every page
// load. With the annotated-edition plugin's 'deferred_search' option that file holds only the index's
// config, and the entries are in search/search_index.deferred.json; overrides/base.html names this
// file as the worker, with Material's worker and the deferred index in its query string (?worker=,
// ?index=, relative to this file). It answers Material's setup at once ("ready"), and on the first
// query loads Material's worker and the index, sets the worker up with them, then hands it the
// queries (not the empty one sent at page load). Messages are Material's: {type: 0 setup, 1 ready, 2 query, 3 result}.
(function () {
  "use strict";
  var here = new URL(self.location.href);
  var post = self.postMessage.bind(self);
  var options = {};
  var waiting = [];   // queries that arrived while the index loads
  var state = "idle"; // idle, loading, ready (Material's worker answers every message)
  var passing = false;

  function pass(data) {  // to Material's worker's own listener
    passing = true;
    self.dispatchEvent(new MessageEvent("message", { data: data }));
    passing = false;
  }

  function load() {
    state = "loading";
    fetch(new URL(here.searchParams.get("index"), here)).then(function (response) {
      if (!response.ok) throw new Error("search index: HTTP " + response.status);
      return response.json();
    }).then(function (index) {
      importScripts(new URL(here.searchParams.get("worker"), here).href);
      self.postMessage = function (message) {  // Material's worker is ready: the queries follow
        self.postMessage = post;
        state = "ready";
        waiting.splice(0).forEach(pass);
        if (message.type !== 1) post(message);
      };
      pass({ type: 0, data: { config: index.config, docs: index.docs, options: options } });
    }).catch(function (error) {
      console.warn(error);
      state = "idle";
      waiting.splice(0).forEach(function () { post({ type: 3, data: { items: [] } }); });
    });
  }

  self.addEventListener("message", function (event) {
    if (passing || state === "ready") return;
    event.stopImmediatePropagation();
    var message = event.data;
    if (message.type === 0) {
      options = message.data.options || {};
      post({ type: 1 });
      return;
    }
    if (message.type === 2 && state === "idle" && !String(message.data).trim()) {
      post({ type: 3, data: { items: [] } });  // the empty query Material sends once ready: nothing to load for
      return;
    }
    waiting.push(message);
    if (state === "idle") load();
  });
})();
