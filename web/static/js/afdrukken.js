/* "Rapport afdrukken": a button with data-afdrukken opens the print dialog.
   A file, not an onclick attribute, so the CSP needs no 'unsafe-inline'. */
document.querySelectorAll("[data-afdrukken]").forEach(function (knop) {
  knop.addEventListener("click", function () { window.print(); });
});
