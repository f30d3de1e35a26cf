// Move focus where a screen reader user needs it: to the error summary after a failed
// submit, otherwise to the heading of the new step, so each page is announced from its top.
document.addEventListener("DOMContentLoaded", function () {
  var target = document.querySelector("[data-focus-first]") || document.querySelector("[data-focus]");
  if (target) {
    target.focus();
  }
});
