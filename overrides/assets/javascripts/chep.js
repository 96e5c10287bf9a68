/* "Chép câu trích dẫn": copies a figure's citation to the clipboard. The buttons are hidden in the page and shown
   here, so a reader without JavaScript sees only the citation text, which can be selected and copied by hand. */
(function () {
  "use strict";
  var status = document.querySelector(".chep-ket-qua");
  function say(text) { if (status) status.textContent = text; }
  function fallback(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    return ok;
  }
  function copy(button) {
    var el = document.getElementById(button.getAttribute("data-chep"));
    if (!el) return;
    var text = el.textContent.trim();
    var done = function () { button.textContent = "Đã chép"; say("Đã chép câu trích dẫn vào bộ nhớ tạm."); };
    var failed = function () {
      if (fallback(el)) { done(); } else { say("Không chép tự động được: câu trích dẫn đã được chọn, hãy bấm giữ để sao chép."); }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  }
  var buttons = document.querySelectorAll("button.chep[data-chep]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function (e) { copy(e.currentTarget); });
  }
})();
