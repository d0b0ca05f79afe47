/* Whole words first in search results.
 *
 * Material's search (lunr) matches every word of a query as the start of a word, so that results
 * come as one types: "Niger" also finds "Nigerian", and scores both alike. A reader who has typed
 * a whole word wants the paragraphs that use that word first. Material offers no setting for this
 * (its query transformation, which adds the trailing wildcard, runs inside its search worker), and
 * no index can tell the two apart, since the query decides which words are whole. So this script
 * adjusts the results the worker sends, before Material renders them: a hit that holds fewer query
 * words only as the start of a longer word (in its title, text, or the searched-but-hidden fields of
 * scripts/coalition_texts/postbuild/search_index.py) comes first, and its score counts half for each
 * such word. Nothing else changes: the same hits, grouped by page as Material groups them, re-sorted.
 *
 * It wraps the browser's Worker before Material's bundle creates the search worker, so it is loaded
 * just before the bundle, both deferred, which keeps their order (overrides/main.html, block `scripts`),
 * after the iframe-worker shim that the offline build uses (in the head), which it wraps the same way.
 * Other workers are left alone.
 */
(function () {
  "use strict";

  var Base = window.Worker;
  if (typeof Base !== "function") return;
  var QUERY = 2, RESULT = 3, SETUP = 0;  // Material's SearchMessageType
  var PREFIX_ONLY = 0.5;  // what a word matched only as the start of a longer word is worth
  var LETTER = /[\p{L}\p{N}]/u;
  var ENTITIES = {amp: "&", lt: "<", gt: ">", quot: "\"", "#39": "'", "#x27": "'", nbsp: "\u00a0"};

  function plain(html) {
    return String(html || "")
      .replace(/<[^>]*>/g, " ")
      .replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, function (_, name) { return ENTITIES[name]; })
      .toLowerCase();
  }

  /* How a word occurs in a text: 2 as a whole word, 1 only as the start of a longer word, 0 not. */
  function occurrence(text, word) {
    var found = 0, from = 0, at;
    while ((at = text.indexOf(word, from)) !== -1) {
      from = at + 1;
      if (at > 0 && LETTER.test(text.charAt(at - 1))) continue;  // inside a word, not at its start
      var next = text.charAt(at + word.length);
      if (!next || !LETTER.test(next)) return 2;
      found = 1;
    }
    return found;
  }

  function words(query, separator) {
    return query.toLowerCase()
      .split(separator)
      .map(function (word) { return word.replace(/^[+\-]+|[*~^]\d*$|[*]/g, ""); })
      .filter(function (word) { return word.length > 0; });
  }

  /* How many query words a hit holds only as the start of a longer word, and its score, halved for each. */
  function adjusted(item, queryWords) {
    var text = [item.title, item.heading, item.text, item.variants, item.topics].map(plain).join(" \n ");
    var found = queryWords.map(function (word) { return occurrence(text, word); });
    var prefixOnly = found.filter(function (how) { return how === 1; }).length;
    return {prefixOnly: prefixOnly, holds: found.some(Boolean), score: item.score * Math.pow(PREFIX_ONLY, prefixOnly)};
  }

  /* Fewer words held only as a prefix first, whatever the scores ("Niger" above "Nigerian"); then the
     higher score. Stable: equal hits keep the worker's order. */
  function before(a, b) {
    return a[0].prefixOnly - b[0].prefixOnly || b[0].score - a[0].score || a[1] - b[1];
  }

  function rerank(result, query, separator) {
    var queryWords = words(query, separator);
    if (!queryWords.length || !result || !Array.isArray(result.items)) return result;
    var ranks = new Map();
    var groups = result.items.map(function (group) {
      return group.map(function (item, index) {
        var rank = adjusted(item, queryWords);
        var ranked = Object.assign({}, item, {score: rank.score});
        ranks.set(ranked, rank);
        return [rank, index, ranked];
      }).sort(before)
        .map(function (triple) { return triple[2]; });
    });
    // A page's place is that of its best hit among those that hold a query word as written (a page's own
    // entry, shown above its hits, may hold none).
    var best = function (group) {
      var holding = group.filter(function (item) { return ranks.get(item).holds; });
      var first = (holding.length ? holding : group)[0];
      return first ? ranks.get(first) : {prefixOnly: Infinity, score: 0};
    };
    groups = groups.map(function (group, index) { return [best(group), index, group]; })
      .sort(before)
      .map(function (triple) { return triple[2]; });
    return Object.assign({}, result, {items: groups});
  }

  function isSearchWorker(url) {
    return /\/workers\/search\.[^/]*\.js/.test(String(url));
  }

  function RankedWorker(url, options) {
    var worker = options === undefined ? new Base(url) : new Base(url, options);
    if (!isSearchWorker(url)) return worker;
    var query = "", separator = /[\s\-]+/;
    var post = worker.postMessage.bind(worker);
    worker.postMessage = function (message) {
      if (message && message.type === QUERY) query = String(message.data || "");
      if (message && message.type === SETUP && message.data && message.data.config) {
        try { separator = new RegExp(message.data.config.separator, "u"); } catch (error) { /* keep the default */ }
      }
      return post.apply(worker, arguments);
    };
    var wrapped = new WeakMap();
    function wrap(listener) {
      if (typeof listener !== "function") return listener;
      if (!wrapped.has(listener)) {
        wrapped.set(listener, function (event) {
          var data = event && event.data;
          if (!data || data.type !== RESULT) return listener.call(this, event);
          var ranked = {type: RESULT, data: rerank(data.data, query, separator)};
          return listener.call(this, new MessageEvent("message", {data: ranked}));
        });
      }
      return wrapped.get(listener);
    }
    var add = worker.addEventListener.bind(worker);
    var remove = worker.removeEventListener.bind(worker);
    worker.addEventListener = function (type, listener, options) {
      return add(type, type === "message" ? wrap(listener) : listener, options);
    };
    worker.removeEventListener = function (type, listener, options) {
      return remove(type, type === "message" && wrapped.has(listener) ? wrapped.get(listener) : listener, options);
    };
    return worker;
  }
  RankedWorker.prototype = Base.prototype;
  window.Worker = RankedWorker;
})();
