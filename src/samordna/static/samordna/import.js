// Reads the batch's files one by one so the progress bar moves; without JavaScript the form reads them all at once.
(function () {
  const panel = document.getElementById("import-progress");
  if (!panel || !panel.dataset.pending) return;
  const pending = panel.dataset.pending.split(",").filter(Boolean);
  const bar = document.getElementById("progress");
  const text = document.getElementById("progress-text");
  const form = document.getElementById("parse-all");
  const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  form.hidden = true;
  let done = Number(bar.value);
  (async function () {
    for (const id of pending) {
      const url = panel.dataset.parseUrl.replace(/0\/tolka\/$/, id + "/tolka/");
      try {
        const response = await fetch(url, {method: "POST", headers: {"X-CSRFToken": token}, credentials: "same-origin"});
        const result = await response.json();
        const cell = document.querySelector("#file-" + id + " .status");
        if (cell) cell.textContent = result.label + (result.error ? " – " + result.error : "");
      } catch (error) {
        form.hidden = false;
        text.textContent = "Läsningen avbröts. Försök igen med knappen.";
        return;
      }
      done += 1;
      bar.value = done;
      text.textContent = done + " av " + bar.max + " filer lästa.";
    }
    window.location.reload();
  })();
})();
