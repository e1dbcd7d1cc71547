/* Loading a document from the page (POST /documents) when the server has a write token. */
import { state, $ } from "./state.js";
import { cache, api } from "./api.js";
import { plural } from "./dom.js";
import { loadOrganizations, loadOrg } from "./navigation.js";

// POST /documents when the server has a write token: the user gives the file and the token (never
// stored), and sees the reading report's figures, or the refusal with its reason.
export async function setUpUpload() {
  let health;
  try {
    health = await api("/health", {}, { cached: false });
  } catch (err) {
    return; // the page works without it
  }
  if (!health.uploads) return;
  const button = $("#upload-button");
  const dialog = $("#upload-dialog");
  const status = $("#upload-status");
  button.hidden = false;
  button.addEventListener("click", () => {
    status.textContent = "";
    delete status.dataset.state;
    dialog.showModal();
  });
  $("#upload-cancel").addEventListener("click", () => dialog.close());
  $("#upload-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = $("#upload-file").files[0];
    if (!file) return;
    const form = new FormData();
    form.append("file", file, file.name);
    if ($("#upload-replace").checked) form.append("replace", "true");
    status.dataset.state = "busy";
    status.textContent = `Leyendo ${file.name}…`;
    $("#upload-submit").disabled = true;
    try {
      const response = await fetch("/documents", {
        method: "POST",
        body: form,
        headers: { Authorization: "Bearer " + $("#upload-token").value.trim(), Accept: "application/json" },
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        const message = body && body.error ? body.error.message : `HTTP ${response.status}`;
        const hint =
          response.status === 409 ? " Marca «Reemplazar» si el archivo nuevo es el correcto." :
          response.status === 401 ? " Revisa la credencial." : "";
        status.dataset.state = "error";
        status.textContent = `No se cargó: ${message}${hint}`;
        return;
      }
      const doc = body.document;
      const reading = doc.reading || {};
      cache.clear();
      await loadOrganizations();
      if (doc.organization && state.orgById.has(doc.organization)) {
        state.orgId = null; // reload it even if it is the one on screen
        await loadOrg(doc.organization);
      }
      // "done" once the new organization is on screen (the tests wait for it)
      status.dataset.state = "done";
      status.textContent =
        `Cargado: ${doc.title} — ${plural(reading.units || 0, "unidad", "unidades")}, ` +
        `${plural(reading.powers || 0, "atribución", "atribuciones")}, ${plural(body.reading_notes.length, "nota", "notas")}.`;
    } catch (err) {
      status.dataset.state = "error";
      status.textContent = "No se pudo contactar al servidor: " + err.message;
    } finally {
      $("#upload-submit").disabled = false;
    }
  });
}
