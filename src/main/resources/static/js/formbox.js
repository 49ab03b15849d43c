// Small page helpers; loaded as a file because the Content-Security-Policy forbids inline script.
document.addEventListener('DOMContentLoaded', function () {
  // ask once before overriding a finding: the decision is recorded under the coordinator's name
  document.querySelectorAll('form.override').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      var note = form.querySelector('input[name="note"]');
      if (!note || note.value.trim() === '') {
        event.preventDefault();
        note && note.focus();
      }
    });
  });
});
