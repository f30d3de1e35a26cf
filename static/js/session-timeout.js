/* The idle sign-out warning on clinician pages (GOV.UK timeout-warning pattern).
 *
 * The page says how many seconds its session has left (data-seconds-left, from the
 * server's own clock) and how long before the end to warn (data-warning-seconds). Then
 * a modal dialog counts down; "Stay signed in" (or Escape) asks the server to restart
 * the idle clock; "Sign out" signs out. Screen readers hear the time left when the
 * dialog opens, as each minute passes, and every 15 seconds in the last minute.
 * Before warning, and again before signing out, the page asks the server how long is
 * really left (data-status-url; asking does not count as activity), since work in
 * another tab keeps the session alive.
 * When time runs out, a decision, note or override with typed text is sent, marked as
 * sent by the timeout (the field named by data-timeout-field): the server signs out and keeps the text for after sign-in
 * (nothing is saved). Otherwise the page signs out. Focus returns where it was.
 */
(function () {
  "use strict";

  var dialog = document.getElementById("timeout-dialog");
  if (!dialog || typeof dialog.showModal !== "function") {
    return;
  }
  var warningSeconds = parseInt(dialog.dataset.warningSeconds, 10);
  var countdown = dialog.querySelector("[data-timeout-countdown]");
  var live = dialog.querySelector("[data-timeout-live]");
  var stay = dialog.querySelector("[data-timeout-stay]");
  var signOut = dialog.querySelector("[data-timeout-sign-out]");
  var deadline = 0;
  var warnTimer = null;
  var tick = null;
  var returnFocus = null;
  var lastSpoken = "";
  var finished = false;

  // The countdown's sentences, translated by the page: {n} stands for the number.
  var sentences = dialog.dataset;

  function sentence(seconds) {
    if (seconds >= 60) {
      var minutes = Math.ceil(seconds / 60);
      return minutes === 1 ? sentences.textMinute : sentences.textMinutes.replace("{n}", minutes);
    }
    return seconds === 1 ? sentences.textSecond : sentences.textSeconds.replace("{n}", seconds);
  }

  function words(seconds) {
    if (seconds >= 60) {
      var minutes = Math.ceil(seconds / 60);
      return minutes + (minutes === 1 ? " minute" : " minutes");
    }
    return seconds + (seconds === 1 ? " second" : " seconds");
  }

  function remaining() {
    return Math.max(0, Math.round((deadline - Date.now()) / 1000));
  }

  function schedule(secondsLeft) {
    deadline = Date.now() + secondsLeft * 1000;
    window.clearTimeout(warnTimer);
    warnTimer = window.setTimeout(warn, Math.max(0, secondsLeft - warningSeconds) * 1000);
  }

  // Seconds the server gives the session: -1 once it has ended, null if it cannot tell.
  function askServer() {
    return window
      .fetch(dialog.dataset.statusUrl, {
        credentials: "same-origin",
        redirect: "manual",
        headers: { Accept: "application/json" },
      })
      .then(function (response) {
        if (response.type === "opaqueredirect" || response.status === 403) {
          return -1;
        }
        if (!response.ok) {
          return null;
        }
        return response.json().then(function (data) {
          return data.seconds_left;
        });
      })
      .catch(function () {
        return null;
      });
  }

  function warn() {
    askServer().then(function (seconds) {
      if (seconds === -1) {
        timeOut();
      } else if (seconds !== null && seconds > warningSeconds + 5) {
        schedule(seconds); // another tab kept the session alive
      } else {
        if (seconds !== null) {
          deadline = Date.now() + seconds * 1000;
        }
        open();
      }
    });
  }

  function timeUp() {
    window.clearInterval(tick);
    askServer().then(function (seconds) {
      if (seconds !== null && seconds > 5) {
        close(); // another tab kept the session alive
        schedule(seconds);
      } else {
        timeOut();
      }
    });
  }

  function update() {
    var seconds = remaining();
    var text = sentence(seconds);
    countdown.textContent = text;
    var spoken = seconds >= 60 || seconds % 15 === 0 ? words(seconds) : lastSpoken;
    if (spoken !== lastSpoken) {
      live.textContent = text;
      lastSpoken = spoken;
    }
    if (seconds === 0) {
      timeUp();
    }
  }

  function open() {
    if (dialog.open || finished) {
      return;
    }
    returnFocus = document.activeElement;
    lastSpoken = "";
    update();
    dialog.showModal();
    stay.focus();
    tick = window.setInterval(update, 1000);
  }

  function close() {
    window.clearInterval(tick);
    if (dialog.open) {
      dialog.close();
    }
    if (returnFocus && typeof returnFocus.focus === "function") {
      returnFocus.focus();
    }
  }

  function csrfToken() {
    return signOut.querySelector("[name=csrfmiddlewaretoken]").value;
  }

  function staySignedIn() {
    window.fetch(dialog.dataset.extendUrl, {
      method: "POST",
      credentials: "same-origin",
      redirect: "manual",
      headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("The session could not be extended.");
        }
        return response.json();
      })
      .then(function (data) {
        close();
        schedule(data.seconds_left);
      })
      .catch(timeOut);
  }

  function changed(form) {
    return Array.prototype.some.call(form.elements, function (field) {
      if (field.type === "hidden" || field.type === "submit" || field.type === "button") {
        return false;
      }
      if (field.type === "radio" || field.type === "checkbox") {
        return field.checked !== field.defaultChecked;
      }
      if (field.tagName === "SELECT") {
        return Array.prototype.some.call(field.options, function (option) {
          return option.selected !== option.defaultSelected;
        });
      }
      return field.value !== field.defaultValue;
    });
  }

  function typedForm() {
    var forms = document.querySelectorAll("form[data-keep-typed-text]");
    return Array.prototype.find.call(forms, changed) || null;
  }

  function timeOut() {
    if (finished) {
      return;
    }
    finished = true;
    window.clearInterval(tick);
    window.clearTimeout(warnTimer);
    var form = typedForm();
    if (form) {
      var flag = document.createElement("input");
      flag.type = "hidden";
      flag.name = dialog.dataset.timeoutField;
      flag.value = "1";
      form.appendChild(flag);
      HTMLFormElement.prototype.submit.call(form);
    } else {
      HTMLFormElement.prototype.submit.call(signOut);
    }
  }

  stay.addEventListener("click", staySignedIn);
  dialog.addEventListener("cancel", function (event) {
    event.preventDefault(); // Escape means "stay signed in", as the pattern asks
    staySignedIn();
  });
  schedule(parseInt(dialog.dataset.secondsLeft, 10));
})();
