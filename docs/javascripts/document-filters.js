/* Filters for the list of documents: narrow it by kind of source, event and publisher.
 *
 * The list (`ul.doc-cards[data-filterable]`, written by scripts/coalition_texts/pages/documents.py)
 * is complete HTML, so without script every document shows. This script reads the choices from the
 * list itself (each card's data-kind, data-events and data-publisher, and the labels shown in it),
 * adds one labelled <select> for each, a button that clears them, and a count that screen readers
 * hear as it changes (role=status). It asks no server for anything. It is loaded, deferred, on the
 * documents list only: pages/documents.py names it in that page's front matter (`scripts:`), and
 * overrides/main.html loads what a page names there.
 */
(function () {
  "use strict";

  var ALL = "";

  function text(element) {
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function byLabel(a, b) {
    return a.label.localeCompare(b.label);
  }

  /* The choices a list offers, in the order a reader expects: kinds and events as they first
     appear, publishers alphabetically. */
  function choices(cards) {
    var kinds = new Map(), events = new Map(), publishers = new Map();
    cards.forEach(function (card) {
      var badge = card.querySelector(".kind-badge");
      if (!kinds.has(card.dataset.kind)) kinds.set(card.dataset.kind, text(badge) || card.dataset.kind);
      (card.dataset.events || "").split(/\s+/).filter(Boolean).forEach(function (id) {
        if (events.has(id)) return;
        var link = card.querySelector('a[href*="events/' + id + '"]');
        events.set(id, text(link) || id);
      });
      publishers.set(card.dataset.publisher, card.dataset.publisher);
    });
    function list(map) {
      return Array.from(map, function (entry) { return {value: entry[0], label: entry[1]}; });
    }
    return {kind: list(kinds), event: list(events), publisher: list(publishers).sort(byLabel)};
  }

  /* A labelled <select>: the label beside the control, not around it, so that its name is the label's
     words alone (a label around a <select> would add the chosen option to the name). */
  function select(name, label, options, id) {
    var wrapper = document.createElement("div");
    wrapper.className = "doc-filter";
    var caption = document.createElement("label");
    caption.setAttribute("for", id);
    caption.textContent = label;
    wrapper.appendChild(caption);
    var control = document.createElement("select");
    control.id = id;
    control.name = name;
    var any = document.createElement("option");
    any.value = ALL;
    any.textContent = "All";
    control.appendChild(any);
    options.forEach(function (option) {
      var element = document.createElement("option");
      element.value = option.value;
      element.textContent = option.label;
      control.appendChild(element);
    });
    wrapper.appendChild(control);
    return {wrapper: wrapper, control: control};
  }

  /* What the count says: "Showing 2 of 5 documents.", "Showing all 5 documents.", and for a list of
     one, "Showing the only document." */
  function countText(shown, total) {
    if (shown === total) return total === 1 ? "Showing the only document." : "Showing all " + total + " documents.";
    return "Showing " + shown + " of " + total + (total === 1 ? " document." : " documents.");
  }

  function setUp(list, index) {
    if (list.dataset.filtersReady) return;
    list.dataset.filtersReady = "true";
    var cards = Array.prototype.slice.call(list.querySelectorAll(":scope > li.doc-card"));
    var found = choices(cards);
    var prefix = "doc-filter-" + index + "-";
    var form = document.createElement("div");
    form.className = "doc-filters";
    form.setAttribute("role", "group");
    form.setAttribute("aria-label", "Filter the documents");
    var kind = select("kind", "Kind of source", found.kind, prefix + "kind");
    var event = select("event", "Event", found.event, prefix + "event");
    var publisher = select("publisher", "Publisher", found.publisher, prefix + "publisher");
    var reset = document.createElement("button");
    reset.type = "button";
    reset.textContent = "Show all";
    [kind, event, publisher].forEach(function (part) { form.appendChild(part.wrapper); });
    form.appendChild(reset);
    var count = document.createElement("p");
    count.className = "doc-filters-count";
    count.setAttribute("role", "status");

    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        var events = (card.dataset.events || "").split(/\s+/);
        var match = (kind.control.value === ALL || card.dataset.kind === kind.control.value) &&
          (event.control.value === ALL || events.indexOf(event.control.value) !== -1) &&
          (publisher.control.value === ALL || card.dataset.publisher === publisher.control.value);
        card.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = countText(shown, cards.length);
    }

    [kind, event, publisher].forEach(function (part) { part.control.addEventListener("change", apply); });
    reset.addEventListener("click", function () {
      [kind, event, publisher].forEach(function (part) { part.control.value = ALL; });
      apply();
      kind.control.focus();
    });
    // Into the room the page keeps for them just above the list (pages/documents.py), if it is there.
    var slot = list.previousElementSibling;
    while (slot && !slot.classList.contains("doc-filters-slot") && slot.tagName === "NOSCRIPT") slot = slot.previousElementSibling;
    if (slot && slot.classList.contains("doc-filters-slot")) {
      slot.appendChild(form);
      slot.appendChild(count);
    } else {
      list.parentNode.insertBefore(form, list);
      list.parentNode.insertBefore(count, list);
    }
    apply();
  }

  function setUpAll() {
    document.querySelectorAll("ul.doc-cards[data-filterable]").forEach(setUp);
  }

  // At once (deferred, the script runs when the page has been read; the slot above the list keeps the
  // filters' room from the first paint, so nothing moves), and again on each page Material's document$
  // reports (a list already set up is left as it is).
  if (document.readyState !== "loading") setUpAll();
  else document.addEventListener("DOMContentLoaded", setUpAll);
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setUpAll);
})();
