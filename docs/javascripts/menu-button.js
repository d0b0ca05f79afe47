/* The menu button of narrow screens, for the keyboard too.
 *
 * Where the navigation is an off-canvas drawer, Material opens it with a <label> for the hidden
 * checkbox `#__drawer`, which takes no focus: a keyboard reader (a phone with a keyboard, a desktop
 * zoomed to a phone's width) cannot open the menu. The closed drawer is hidden (docs/stylesheets/site.css),
 * so its links are not unseen Tab stops. This puts a real <button> in the label's place (a label may not
 * take the button role): it has the label's icon and classes, so it looks and sits the same, and where
 * the label is not shown (wide screens, Material's own rule in site.css) neither is the button. It takes
 * focus, Enter and Space press it as any button, and it says whether the menu is open (aria-expanded),
 * following the checkbox however it changes. Without script the label stays, as Material made it.
 * Escape, pressed in the open drawer or on the button, closes the drawer (elsewhere, in the search box
 * say, it is left to what has the focus). When Escape, the overlay or the drawer's title closes it, focus
 * that was in the drawer goes back to the button: the closed drawer is hidden, and focus left in it would
 * fall to <body>.
 */
(function () {
  "use strict";

  function setUp() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
    if (!toggle || !label || document.querySelector(".menu-button")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " menu-button";
    button.setAttribute("aria-label", "Menu");
    while (label.firstChild) button.appendChild(label.firstChild);  // the theme's icon
    label.replaceWith(button);
    button.addEventListener("click", function () { toggle.click(); });  // checks it, and says so (change)
    var drawer = document.querySelector(".md-sidebar--primary");
    function inDrawer(element) { return !!(drawer && element && drawer.contains(element)); }
    // Where the focus last went: a tap on the overlay or on the drawer's title (labels, which take no
    // focus) has already moved it to <body> when the label's click comes.
    var lastInDrawer = false;
    document.addEventListener("focusin", function (event) { lastInDrawer = inDrawer(event.target); });
    function focusInDrawer() {
      var active = document.activeElement;
      return inDrawer(active) || ((!active || active === document.body) && lastInDrawer);
    }
    function show() { button.setAttribute("aria-expanded", String(toggle.checked)); }
    show();
    toggle.addEventListener("change", show);
    // The drawer's other labels close it: the overlay beside it and its title. (Material also closes it
    // when a link in it leads to a part of the page; the focus is then the browser's to move, to the part.)
    document.querySelectorAll('label[for="__drawer"]').forEach(function (closer) {
      closer.addEventListener("click", function () {
        if (toggle.checked && focusInDrawer()) button.focus();  // before the drawer closes and hides it
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !toggle.checked) return;
      if (!focusInDrawer() && document.activeElement !== button) return;
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
      button.focus();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
