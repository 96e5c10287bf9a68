/* Look up a petition by its code (PA-YYMM-NN): open the month's archive page at the code's row.
   Without JavaScript the form opens /phan-anh/, which explains the same rule in words.
   No third party, no request: the months that exist and the codes that break the rule are in the form. */
(function () {
  "use strict";
  var RULE = /^PA-(\d{2})(\d{2})-\d{2,4}$/;
  function clean(text) {
    return String(text || "").toUpperCase().replace(/\s+/g, "").replace(/[\u2010-\u2015\u2212]/g, "-");
  }
  function monthOf(form, code) {
    var pairs = (form.getAttribute("data-ngoai-le") || "").split(" ");
    for (var i = 0; i < pairs.length; i++) {
      var kv = pairs[i].split(":");
      if (kv.length === 2 && kv[0] === code) return kv[1];
    }
    var m = RULE.exec(code);
    return m ? "20" + m[1] + "-" + m[2] : null;
  }
  function setUp(form) {
    var input = form.querySelector("input[name=ma]");
    var out = form.querySelector("output");
    var months = (form.getAttribute("data-thang") || "").split(" ");
    function go(event) {
      var code = clean(input.value);
      var month = monthOf(form, code);
      if (event) event.preventDefault();
      if (!code) { out.textContent = "Hãy gõ mã vụ việc."; return; }
      if (month && months.indexOf(month) >= 0) {
        window.location.href = new URL(month + "/#" + encodeURIComponent(code), form.action).href;
      } else if (month) {
        out.textContent = "Không có tháng " + month.slice(5) + "/" + month.slice(0, 4) + " trong dữ liệu. Hãy kiểm tra lại mã " + code + ".";
      } else {
        out.textContent = "Mã " + code + " không đúng dạng PA-NĂMTHÁNG-SỐ. Hãy kiểm tra lại mã.";
      }
    }
    form.addEventListener("submit", go);
    var asked = new URLSearchParams(window.location.search).get("ma");
    if (asked && !input.value) { input.value = asked; go(null); }
  }
  var forms = document.querySelectorAll("form.tra-ma");
  for (var i = 0; i < forms.length; i++) setUp(forms[i]);
})();
