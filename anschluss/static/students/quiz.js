// Save-as-you-go for the interest quiz: each answer is sent the moment it is chosen, so nothing is lost
// when a student closes the page. Without JavaScript the page still works: answers are saved per page.
(function () {
  "use strict";
  const form = document.querySelector("form.quiz-form");
  if (!form) {
    return;
  }
  const url = form.dataset.saveUrl;
  const template = form.dataset.statusText;
  const token = form.querySelector("input[name=csrfmiddlewaretoken]");
  const status = document.getElementById("quiz-status");
  const progress = document.getElementById("quiz-progress");

  form.addEventListener("change", function (event) {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "radio") {
      return;
    }
    const body = new URLSearchParams({ item: input.name, value: input.value });
    fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": token ? token.value : "" },
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (!data || !data.ok) {
          return;
        }
        if (progress) {
          progress.value = data.answered;
        }
        if (status && template) {
          status.textContent = template.replace("ANSWERED", data.answered).replace("TOTAL", data.total);
        }
      })
      .catch(function () {
        // Offline: the answers are still in the form and saved with "Next page".
      });
  });
})();
