// Wide data tables scroll inside their own region on a narrow screen, so that the page itself
// reflows at 375 px (WCAG 1.4.10 allows a data table to scroll in two dimensions). The region
// takes the keyboard focus so that it can be scrolled without a pointer, and is named by the
// table's caption, or else by the page's translated word for a table (base.html), so that
// this script carries no text of its own to translate.
document.querySelectorAll("main table").forEach(function (table) {
  if (table.parentElement.classList.contains("table-scroll")) return;
  var region = document.createElement("div");
  region.className = "table-scroll";
  region.setAttribute("role", "region");
  region.setAttribute("tabindex", "0");
  var caption = table.querySelector("caption");
  region.setAttribute("aria-label", caption ? caption.textContent.trim() : table.dataset.label || document.body.dataset.tableLabel);
  table.parentNode.insertBefore(region, table);
  region.appendChild(table);
});
