// Progressive enhancement only: every action also works as a plain form post.

// The browser's time zone, for customers who did not choose one on their profile: the server reads
// this cookie (ReaderTime.BrowserZoneCookie); without it, the customer account's country zone is used.
(() => {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const cookie = 'pc.tz=' + encodeURIComponent(zone || '');
    if (zone && !document.cookie.split('; ').includes(cookie)) {
      document.cookie = cookie + '; path=/; max-age=31536000; SameSite=Lax' + (location.protocol === 'https:' ? '; Secure' : '');
    }
  } catch {
    // No Intl time zone support: the server's default applies.
  }
})();
document.addEventListener('DOMContentLoaded', () => {
  // Ask before destructive actions: any submit button or form marked data-confirm.
  document.addEventListener('click', event => {
    const button = event.target.closest('button[data-confirm]');
    if (button && !window.confirm(button.dataset.confirm)) {
      event.preventDefault();
    }
  });
  document.querySelectorAll('form[data-confirm]').forEach(form => {
    form.addEventListener('submit', event => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });

  // "Select all" checkboxes for batch actions.
  document.querySelectorAll('input[data-select-all]').forEach(all => {
    all.addEventListener('change', () => {
      document.querySelectorAll(all.dataset.selectAll).forEach(box => { box.checked = all.checked; });
    });
  });
});

// Copy buttons: data-copy names the input whose value is copied; the status element's data-copied and
// data-copy-failed carry its messages in the page's language.
document.addEventListener('click', async event => {
  const button = event.target.closest('button[data-copy]');
  if (!button) {
    return;
  }
  const input = document.querySelector(button.dataset.copy);
  const status = document.querySelector('[data-copy-status]');
  try {
    await navigator.clipboard.writeText(input.value);
    if (status) { status.textContent = status.dataset.copied || 'Link copied to the clipboard.'; }
  } catch {
    input.select();
    if (status) { status.textContent = status.dataset.copyFailed || 'Select the link and copy it with Ctrl+C.'; }
  }
});
