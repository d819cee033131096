// Progressive enhancement only: every action also works as a plain form post.
document.addEventListener('DOMContentLoaded', () => {
  // Ask before destructive actions: forms marked data-confirm.
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
