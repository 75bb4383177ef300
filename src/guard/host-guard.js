/* ES5 only: this file must run in Internet Explorer 11 (Trident) and old Edge (EdgeHTML), the webviews of
 * Office 2016/2019 ("Browsers and webview controls used by Office Add-ins",
 * https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins).
 * The task pane and the ribbon commands need an ES2022 engine (WebView2, current browsers, Safari 16.4+). Where
 * there is none, this script shows a clear zh/en message instead of a blank pane, and the ribbon command opens
 * the same message instead of silently doing nothing. es-check keeps this file at ES5 (npm run check:syntax). */
/* eslint-disable */
(function () {
  "use strict";
  var w = window;

  function modernEngine() {
    try {
      // Class fields, private names, static blocks and ?? : what the bundles use (ES2022).
      return (
        typeof Promise === "function" &&
        typeof fetch === "function" &&
        typeof Map === "function" &&
        new Function("class A { static #p = 1; static { A.x = A.#p ?? 0; } } return A.x === 1;")() === true
      );
    } catch (e) {
      return false;
    }
  }

  var base = (function () {
    var href = String(w.location.href).split("?")[0].split("#")[0];
    return href.substring(0, href.lastIndexOf("/") + 1);
  })();

  var MESSAGE =
    '<main lang="zh-CN" style="font-family:\'Microsoft YaHei\',\'Segoe UI\',sans-serif;padding:16px;line-height:1.6;word-wrap:break-word;overflow-wrap:anywhere">' +
    "<h1 style=\"font-size:18px\">此版本的 Office 无法运行招商考核助手</h1>" +
    "<p>需要 Microsoft 365 或 Office 2021 及以上版本（Windows 上使用 Microsoft Edge WebView2）、网页版 Excel，或较新的 Mac 版 Excel。Office 2016、Office 2019 等使用 Internet Explorer 或旧版 Edge 内核的版本不受支持。</p>" +
    "<p>不受 Office 版本限制的用法：在 Edge、Chrome 等现代浏览器中打开网页版 <b>" + base + "index.html</b>（文件不离开电脑），或使用命令行工具 <b>scorecard</b>。</p>" +
    '<h2 lang="en" style="font-size:16px">This version of Office cannot run Investment Promotion Scorecard</h2>' +
    '<p lang="en">It needs Microsoft 365 or Office 2021 or later (with Microsoft Edge WebView2 on Windows), Excel on the web, or a current Excel for Mac. Office 2016, Office 2019 and other versions that use Internet Explorer or the old Edge engine are not supported.</p>' +
    '<p lang="en">Whatever your Office version: open the web page <b>' + base + "index.html</b> in a current browser such as Edge or Chrome (your file never leaves the computer), or use the <b>scorecard</b> command-line tool.</p>" +
    "</main>";

  function showMessage() {
    var body = document.body;
    if (!body) return;
    var container = document.getElementById("container");
    if (container && container.parentNode) container.parentNode.removeChild(container);
    var holder = document.createElement("div");
    holder.id = "unsupported-host";
    holder.setAttribute("role", "alert");
    holder.innerHTML = MESSAGE;
    body.appendChild(holder);
  }

  function whenReady(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  w.ScorecardHostGuard = { modernEngine: modernEngine, showMessage: showMessage };
  if (modernEngine()) return;
  w.ScorecardHostGuard.unsupported = true;

  var isCommands = /commands\.html$/.test(String(w.location.pathname));
  var isNotice = /unsupported\.html$/.test(String(w.location.pathname));
  if (isNotice || !isCommands) {
    whenReady(showMessage);
    return;
  }

  // The ribbon command: show the message in a dialog, and always complete the event.
  function runAssessment(event) {
    var done = false;
    function complete() {
      if (done) return;
      done = true;
      try {
        event.completed();
      } catch (e) {}
    }
    try {
      Office.context.ui.displayDialogAsync(base + "unsupported.html", { height: 45, width: 40 }, function (result) {
        if (result.status !== "succeeded") return complete();
        var dialog = result.value;
        dialog.addEventHandler("dialogMessageReceived", function () {
          dialog.close();
          complete();
        });
        dialog.addEventHandler("dialogEventReceived", complete);
      });
    } catch (e) {
      complete();
    }
  }
  w.runAssessment = runAssessment;
  if (w.Office && Office.onReady)
    Office.onReady(function () {
      if (Office.actions && Office.actions.associate) Office.actions.associate("runAssessment", runAssessment);
    });
})();
