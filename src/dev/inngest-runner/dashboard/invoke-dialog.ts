// The functions page's Invoke button and its dialog: a JSON editor for the payload (checked as
// you type, and again by the server), posted to /functions/:id/invoke, which opens the new run.
import { html, type Html } from "./html";

const DEFAULT_PAYLOAD = '{\n  "data": {}\n}';

/** `key` must be unique on the page (it names the dialog); `payload` pre-fills the editor. */
export function invokeButton(fn: { id: string; name: string }, key: string, payload = DEFAULT_PAYLOAD): Html {
  const id = `invoke-${key}`;
  return html`<button type="button" data-open-dialog="${id}" data-action="invoke">Invoke</button>
    <dialog id="${id}" aria-labelledby="${id}-title">
      <h2 id="${id}-title">Invoke ${fn.name}</h2>
      <div class="muted small">Starts a run of <span class="mono">${fn.id}</span> with an
        <code>inngest/function.invoked</code> event, as Inngest's Invoke does: <code>data</code> becomes
        <code>event.data</code>, <code>user</code> (optional) <code>event.user</code>.</div>
      <form method="post" action="/functions/${encodeURIComponent(fn.id)}/invoke">
        <textarea name="payload" rows="8" data-json="object" spellcheck="false" aria-label="Payload (JSON)">${payload}</textarea>
        <div class="field-error" data-json-error aria-live="polite"></div>
        <div class="dialog-actions">
          <button type="button" data-close-dialog>Cancel</button>
          <button type="submit" class="primary">Invoke function</button>
        </div>
      </form>
    </dialog>`;
}
