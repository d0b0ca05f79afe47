/* Paragraph tools on document pages: "copy link" and "copy citation" beside each paragraph, "copy
 * link to selection" (a URL text fragment), the marking of the paragraph a link opens, a notice for
 * a link to a paragraph the document does not have, and copying selected paragraphs as their words.
 *
 * The buttons are added here, not written into the HTML, so that they are neither in the search
 * index nor in the text a reader selects and copies (they hold no text: their names are aria-labels
 * and their visible labels CSS content). It runs on every page Material shows, through its
 * `document$` observable, so it also works with instant navigation.
 */
(function () {
  "use strict";

  var SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">';
  var ICONS = {  // Material Design Icons, as bundled with Material for MkDocs
    link: SVG + '<path d="M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54a5.003 5.003 0 0 1 7.07 0 5.003 5.003 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a2.98 2.98 0 0 0 0-4.24 2.98 2.98 0 0 0-4.24 0l-3.53 3.53a2.98 2.98 0 0 0 0 4.24m2.82-4.24c.39-.39 1.03-.39 1.42 0a5.003 5.003 0 0 1 0 7.07l-3.54 3.54a5.003 5.003 0 0 1-7.07 0 5.003 5.003 0 0 1 0-7.07l1.49-1.49c-.01.82.12 1.64.4 2.43l-.47.47a2.98 2.98 0 0 0 0 4.24 2.98 2.98 0 0 0 4.24 0l3.53-3.53a2.98 2.98 0 0 0 0-4.24.973.973 0 0 1 0-1.42"/></svg>',
    cite: SVG + '<path d="M14 17h3l2-4V7h-6v6h3M6 17h3l2-4V7H5v6h3z"/></svg>',
    done: SVG + '<path d="M21 7 9 19l-5.5-5.5 1.41-1.41L9 16.17 19.59 5.59z"/></svg>'
  };
  var WORD = /[\p{L}\p{N}]/u;
  var statusTimer = null;
  var selected = null;  // {paragraph, url} of the last selection inside one paragraph

  /* The page's own address (never a search highlight `?h=`), with `hash` as its fragment. */
  function pageUrl(hash) {
    var url = new URL(location.pathname, location.origin);
    return url.href + (hash ? "#" + hash : "");
  }

  function paragraphOf(node) {
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    var paragraph = element && element.closest("p.para[id]");
    return paragraph && paragraph.closest(".doc-text") ? paragraph : null;
  }

  function citationFor(paragraph) {
    var head = paragraph.closest(".doc-text").getAttribute("data-cite") || document.title;
    // The form of citation.plain_text (scripts/citation.py): head, ¶ n. URL
    return head + ", ¶ " + paragraph.getAttribute("data-n") + ". " + pageUrl(paragraph.id);
  }

  function status() {
    var region = document.getElementById("para-status");
    if (!region) {
      region = document.createElement("div");
      region.id = "para-status";
      region.className = "para-status";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      document.body.appendChild(region);
    }
    return region;
  }

  function announce(message) {
    var region = status();
    region.textContent = message;
    region.classList.add("para-status--visible");
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () {
      region.classList.remove("para-status--visible");
      region.textContent = "";
    }, 4000);
  }

  function copyWithCommand(text) {
    var area = document.createElement("textarea");
    var focused = document.activeElement;
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "para-copy-area";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (error) {
      done = false;
    }
    area.remove();
    if (focused && focused.focus) focused.focus();
    return done;
  }

  /* The Clipboard API where the page may use it (https or localhost), else the older command. */
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyWithCommand(text); }
      );
    }
    return Promise.resolve(copyWithCommand(text));
  }

  function confirm(button, text, what) {
    copy(text).then(function (done) {
      if (!done) {
        announce("Your browser did not allow copying. " + what + ": " + text);
        return;
      }
      announce(what + " copied to the clipboard.");
      if (!button.classList.contains("para-tool")) return;
      button.innerHTML = ICONS.done;
      button.classList.add("para-tool--done");
      setTimeout(function () {
        button.innerHTML = ICONS[button.getAttribute("data-action")];
        button.classList.remove("para-tool--done");
      }, 2000);
    });
  }

  function toolButton(action, label) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "para-tool";
    button.setAttribute("data-action", action);
    button.setAttribute("aria-label", label);
    button.title = label;
    button.innerHTML = ICONS[action];
    return button;
  }

  function addTools(paragraph) {
    if (paragraph.querySelector(":scope > .para-tools")) return;
    var number = paragraph.getAttribute("data-n");
    var tools = document.createElement("span");
    tools.className = "para-tools";
    // First in the page order, so that Tab right after selecting words reaches it.
    var selection = document.createElement("button");
    selection.type = "button";
    selection.className = "para-selection-link";
    selection.setAttribute("data-action", "selection");
    selection.setAttribute("aria-label", "Copy link to selection");
    selection.innerHTML = ICONS.link;  // an icon drawn as SVG: no emoji font needed
    selection.hidden = true;
    tools.appendChild(selection);
    tools.appendChild(toolButton("link", "Copy link to paragraph " + number));
    tools.appendChild(toolButton("cite", "Copy citation of paragraph " + number));
    paragraph.appendChild(tools);
  }

  /* The element a fragment names: the part before a text directive (`#p4:~:text=…`), which
   * browsers without text fragments leave in `location.hash`. */
  function targetOf(hash) {
    var id = hash.replace(/^#/, "").split(":~:")[0];
    try {
      id = decodeURIComponent(id);
    } catch (error) {
      return null;
    }
    return id ? document.getElementById(id) : null;
  }

  /* A link to a paragraph anchor the page does not have (#p99): say so where the text starts, with
   * the range of paragraphs it does have, rather than silently showing the top of the page. */
  function showMissing(hash) {
    var old = document.querySelector(".para-missing");
    if (old) old.remove();
    var match = /^#p(\d+)(?::~:|$)/.exec(hash);
    var text = document.querySelector(".doc-text[data-paragraphs]");
    if (!match || !text || targetOf(hash)) return;
    var count = text.getAttribute("data-paragraphs");
    var notice = document.createElement("div");
    notice.className = "para-missing";
    notice.setAttribute("role", "status");
    var message = document.createElement("p");
    message.textContent = "This document has no paragraph " + match[1] + " (#p" + match[1] + "). " +
      (count === "1" ? "It has one paragraph, \u00b6\u00a01. "
        : "Its paragraphs are numbered \u00b6\u00a01 to \u00b6\u00a0" + count + ". ");
    var first = document.createElement("a");
    first.href = "#p1";
    first.textContent = "Go to \u00b6\u00a01";
    message.appendChild(first);
    notice.appendChild(message);
    text.parentNode.insertBefore(notice, text);
    notice.scrollIntoView({ block: "center" });
  }

  /* Mark the linked paragraph (or retired anchor and the paragraph it leads to) with a class, and
   * keep `:target` true: instant navigation changes the address with the History API, which leaves
   * `:target` on the element the page was opened on. */
  function markTarget() {
    document.querySelectorAll(".para-target, .para-successor").forEach(function (element) {
      element.classList.remove("para-target", "para-successor");
    });
    var target = targetOf(location.hash);
    showMissing(location.hash);
    if (!target) return;
    var stale = document.querySelector(":target");
    var paragraph = target.closest(".doc-text") && target.matches("p.para, .para-retired");
    if (paragraph) {
      target.classList.add("para-target");
      if (target.matches(".para-retired")) {
        var successor = document.getElementById(target.getAttribute("data-successor"));
        if (successor) successor.classList.add("para-successor");
      }
    }
    if (location.hash.indexOf(":~:") >= 0) {
      // A text fragment the browser did not take (it would have removed it from the address):
      // land on the paragraph it names.
      if (paragraph) target.scrollIntoView({ block: "start" });
    } else if (stale !== target && (paragraph || (stale && stale.closest(".doc-text")))) {
      // Navigating to the address the page already has moves `:target` (and scrolls below the header).
      location.replace(location.href);
    }
  }

  /* Text directive for a selection inside one paragraph, widened to whole words; long passages
   * are named by their first and last words, and a few words around make the match unique. */
  function textDirective(paragraph, range) {
    var before = document.createRange();
    before.selectNodeContents(paragraph);
    before.setEnd(range.startContainer, range.startOffset);
    var text = paragraph.textContent;
    var start = before.toString().length;
    var end = start + range.toString().length;
    while (start > 0 && WORD.test(text[start - 1]) && WORD.test(text[start])) start--;
    while (end < text.length && WORD.test(text[end - 1]) && WORD.test(text[end])) end++;
    var words = text.slice(start, end).trim().split(/\s+/).filter(Boolean);
    if (!words.length) return null;
    var prefix = text.slice(0, start).trim().split(/\s+/).filter(Boolean).slice(-3);
    var suffix = text.slice(end).trim().split(/\s+/).filter(Boolean).slice(0, 3);
    var encode = function (part) {
      return encodeURIComponent(part.join(" ")).replace(/-/g, "%2D");
    };
    var parts = [];
    if (prefix.length) parts.push(encode(prefix) + "-");
    if (words.length > 8) {
      parts.push(encode(words.slice(0, 4)), encode(words.slice(-4)));
    } else {
      parts.push(encode(words));
    }
    if (suffix.length) parts.push("-" + encode(suffix));
    return "text=" + parts.join(",");
  }

  function hideSelectionButtons(except) {
    document.querySelectorAll(".para-selection-link").forEach(function (button) {
      if (button !== except && button !== document.activeElement) button.hidden = true;
    });
  }

  function onSelectionChange() {
    var selection = document.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) {
      var active = document.activeElement;
      if (!(active && active.classList.contains("para-selection-link"))) selected = null;
      hideSelectionButtons(null);
      return;
    }
    var range = selection.getRangeAt(0);
    var paragraph = paragraphOf(range.startContainer);
    if (!paragraph || paragraphOf(range.endContainer) !== paragraph) {
      selected = null;
      hideSelectionButtons(null);
      return;
    }
    var directive = textDirective(paragraph, range);
    if (!directive) return;
    selected = { paragraph: paragraph, url: pageUrl(paragraph.id + ":~:" + directive) };
    var button = paragraph.querySelector(".para-selection-link");
    if (!button) return;
    hideSelectionButtons(button);
    // Placed under the end of the selection; in the page order it follows the paragraph's text,
    // so Tab after a keyboard selection reaches it.
    var box = paragraph.getBoundingClientRect();
    var rects = range.getClientRects();
    var last = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
    button.style.top = Math.round(last.bottom - box.top + 4) + "px";
    button.style.left = Math.max(0, Math.round(Math.min(last.right - box.left, box.width) - 190)) + "px";
    button.hidden = false;
  }

  function onClick(event) {
    var button = event.target.closest && event.target.closest(".para-tools button");
    if (!button) return;
    var paragraph = button.closest("p.para");
    var number = paragraph.getAttribute("data-n");
    var action = button.getAttribute("data-action");
    if (action === "link") {
      confirm(button, pageUrl(paragraph.id), "Link to paragraph " + number);
    } else if (action === "cite") {
      confirm(button, citationFor(paragraph), "Citation of paragraph " + number);
    } else if (action === "selection" && selected && selected.paragraph === paragraph) {
      confirm(button, selected.url, "Link to the selected words of paragraph " + number);
    }
  }

  /* Copying a selection inside a document's text gives exactly the selected words of each paragraph,
   * paragraphs separated by a blank line: no "Also in" notes, ¶ numbers, buttons or tooltips, which
   * browsers would otherwise copy or join to the words without a break. */
  var NOT_TEXT = ".para-link, .para-tools, .passage-note, .para-retired, .md-tooltip, .md-tooltip2, .md-annotation";

  function selectedWords(paragraph, range) {
    var part = document.createRange();
    part.selectNodeContents(paragraph);
    if (paragraph.contains(range.startContainer)) part.setStart(range.startContainer, range.startOffset);
    if (paragraph.contains(range.endContainer)) part.setEnd(range.endContainer, range.endOffset);
    var copy = part.cloneContents();
    copy.querySelectorAll(NOT_TEXT).forEach(function (element) { element.remove(); });
    return copy.textContent;
  }

  function onCopy(event) {
    var selection = document.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount || !event.clipboardData) return;
    var range = selection.getRangeAt(0);
    var start = range.startContainer, end = range.endContainer;
    var text = (start.nodeType === 1 ? start : start.parentElement).closest(".doc-text");
    var endText = (end.nodeType === 1 ? end : end.parentElement).closest(".doc-text");
    if (!text || text !== endText) return;  // a selection reaching outside the text copies as the browser does
    var words = [];
    text.querySelectorAll("p.para").forEach(function (paragraph) {
      if (!range.intersectsNode(paragraph)) return;
      var part = selectedWords(paragraph, range);
      if (part) words.push(part);
    });
    if (!words.length) return;
    var escape = function (part) {
      return part.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    };
    event.clipboardData.setData("text/plain", words.join("\n\n"));
    event.clipboardData.setData("text/html", words.map(function (part) { return "<p>" + escape(part) + "</p>"; }).join("\n"));
    event.preventDefault();
  }

  function setUp() {
    document.querySelectorAll(".doc-text p.para[id]").forEach(addTools);
    markTarget();
  }

  if (!window.__paragraphTools) {
    window.__paragraphTools = true;
    document.addEventListener("click", onClick);
    document.addEventListener("copy", onCopy);
    // A mouse press on the selection button must not clear the selection it links to.
    document.addEventListener("mousedown", function (event) {
      if (event.target.closest && event.target.closest(".para-selection-link")) event.preventDefault();
    });
    document.addEventListener("selectionchange", function () {
      window.requestAnimationFrame(onSelectionChange);
    });
    window.addEventListener("hashchange", markTarget);
    if (window.location$ && typeof window.location$.subscribe === "function") {
      // Instant navigation within a page changes the address without a hashchange event.
      window.location$.subscribe(function () {
        setTimeout(markTarget, 0);
      });
    }
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(setUp);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", setUp);
    } else {
      setUp();
    }
  }
})();
