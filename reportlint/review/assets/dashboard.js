(function () {
  "use strict";
  var table = document.getElementById("reports");
  var body = table.tBodies[0];
  var status = document.getElementById("f-status");
  var code = document.getElementById("f-code");
  var issuer = document.getElementById("f-issuer");
  var shown = document.getElementById("shown");

  function filter() {
    var n = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var ok = (!status.value || row.dataset.status === status.value) &&
        (!code.value || row.dataset.codes.indexOf(" " + code.value) >= 0) &&
        (!issuer.value || row.dataset.issuer.indexOf(issuer.value.trim()) >= 0);
      row.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = "显示 " + n + " / " + body.rows.length + " 份";
  }

  function key(row, col) {
    var text = row.cells[col].textContent;
    var number = Number(text);
    return text !== "" && !isNaN(number) ? number : text;
  }

  function sort(th) {
    var col = Number(th.dataset.col);
    var down = th.classList.contains("asc");
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) {
      c.classList.remove("asc", "desc");
    });
    th.classList.add(down ? "desc" : "asc");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, col), y = key(b, col);
      var order = typeof x === "number" && typeof y === "number" ? x - y :
        String(x).localeCompare(String(y), "zh-CN");
      return down ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  [status, code].forEach(function (el) { el.addEventListener("change", filter); });
  issuer.addEventListener("input", filter);
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    th.addEventListener("click", function () { sort(th); });
  });
  filter();
})();
