// Move focus where a screen reader user needs it: to the error summary after a failed
// submit, otherwise to the heading of the new step, so each page is announced from its top.
document.addEventListener("DOMContentLoaded", function () {
  var target = document.querySelector("[data-focus-first]") || document.querySelector("[data-focus]");
  if (target) {
    target.focus();
  }
});

// "None of these" cannot be ticked with another box: ticking it unticks the others, and
// ticking another unticks it (GOV.UK's exclusive checkbox). The server checks it too.
document.addEventListener("change", function (event) {
  var box = event.target;
  if (box.type !== "checkbox" || !box.checked) {
    return;
  }
  var others = document.querySelectorAll('input[type="checkbox"][name="' + box.name + '"]');
  others.forEach(function (other) {
    var exclusive = other.value === "none" || box.value === "none";
    if (other !== box && exclusive) {
      other.checked = false;
    }
  });
});

// An optional date's "I don't know" box (data-clears names the date): ticking it empties
// the date's boxes, and typing a date unticks it, so the two never disagree. Without
// JavaScript the server asks for one or the other.
function dateBoxes(key) {
  return document.querySelectorAll('input[name^="' + key + '_"]:not([type="checkbox"])');
}

document.addEventListener("change", function (event) {
  var box = event.target;
  if (box.type === "checkbox" && box.checked && box.dataset.clears) {
    dateBoxes(box.dataset.clears).forEach(function (input) {
      input.value = "";
    });
  }
});

document.addEventListener("input", function (event) {
  var input = event.target;
  document.querySelectorAll("input[data-clears]").forEach(function (box) {
    if (input.name && input.name.indexOf(box.dataset.clears + "_") === 0 && input !== box && input.value) {
      box.checked = false;
    }
  });
});
