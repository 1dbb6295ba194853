import type { ConfirmOptions } from './ui.types';

// Toasts and dialogs live on <body>, outside any page; `elder-mode` on <body> sizes them.

const toastDurationMs = 3000;

export function showToast(message: string): void {
  const layer = document.createElement('div');
  layer.className = 'ui-layer ui-toast';
  layer.setAttribute('role', 'status');
  layer.setAttribute('aria-live', 'polite');
  layer.textContent = message;
  document.body.appendChild(layer);
  setTimeout(() => layer.remove(), toastDurationMs);
}

export function confirm({ title, content, confirmText = '确定', cancelText = '取消', danger }: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const overlay = document.createElement('div');
    overlay.className = 'ui-layer ui-dialog-overlay';

    const dialog = document.createElement('div');
    dialog.className = 'ui-dialog';
    dialog.setAttribute('role', 'alertdialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', 'ui-dialog-title');
    dialog.setAttribute('aria-describedby', 'ui-dialog-content');

    const heading = document.createElement('h2');
    heading.id = 'ui-dialog-title';
    heading.className = 'ui-dialog__title';
    heading.textContent = title;

    const body = document.createElement('p');
    body.id = 'ui-dialog-content';
    body.className = 'ui-dialog__content';
    body.textContent = content;

    const actions = document.createElement('div');
    actions.className = 'ui-dialog__actions';
    const cancel = dialogButton(cancelText, 'ui-button ui-button--default ui-button--normal');
    const ok = dialogButton(confirmText, `ui-button ui-button--${danger ? 'danger' : 'primary'} ui-button--normal`);
    actions.append(cancel, ok);
    dialog.append(heading, body, actions);
    overlay.appendChild(dialog);

    const close = (answer: boolean) => {
      document.removeEventListener('keydown', onKey);
      overlay.remove();
      previousFocus?.focus();
      resolve(answer);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close(false);
    };
    cancel.addEventListener('click', () => close(false));
    ok.addEventListener('click', () => close(true));
    document.addEventListener('keydown', onKey);
    document.body.appendChild(overlay);
    ok.focus();
  });
}

function dialogButton(text: string, className: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = className;
  button.textContent = text;
  return button;
}
