// A progress block (a label and a <progress>) shown while a long task runs.
import { $ } from './dom.js';

/** The block `#<id>` with its bar `#<id>-bar` and label `#<id>-text`. */
export function progress(id) {
  const block = $(`#${id}`), bar = $(`#${id}-bar`), text = $(`#${id}-text`);
  return {
    /** Shows the block at 0 with `label`. */
    start(label) { block.hidden = false; bar.value = 0; text.textContent = label; },
    /** Moves the bar to `percent` and, when given, says `label`. */
    set(percent, label) { bar.value = percent; if (label != null) text.textContent = label; },
    /** Hides the block. */
    stop() { block.hidden = true; },
  };
}
