/* The menu button of narrow screens, for the keyboard too.
 *
 * Where the navigation is an off-canvas drawer, Material opens it with a <label> for the hidden
 * checkbox `#__drawer`, which takes no focus: a keyboard reader (a phone with a keyboard, a desktop
 * zoomed to a phone's width) cannot open the menu. The closed drawer is hidden (docs/stylesheets/a11y.css),
 * so its links are not unseen Tab stops. This makes the label a button: it takes focus (Material's own
 * keyboard handling clicks a focused label on Enter, this script on Space, as for any button), and it says
 * whether the menu is open (aria-expanded), following the checkbox however it changes. Escape closes an open drawer and gives the
 * focus back to the button. Where the label is not shown (wide screens), it takes no focus either.
 */
(function () {
  "use strict";

  function setUp() {
    var toggle = document.getElementById("__drawer");
    var button = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
    if (!toggle || !button || button.hasAttribute("role")) return;
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", "Menu");
    function show() { button.setAttribute("aria-expanded", String(toggle.checked)); }
    show();
    toggle.addEventListener("change", show);
    button.addEventListener("keydown", function (event) {  // Space, as for any button (Enter: Material)
      if (event.key !== " ") return;
      event.preventDefault();
      button.click();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !toggle.checked) return;
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
      button.focus();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
