// Backup Sentinel status page: enhancements only; every page works without this file.
(function () {
  'use strict';

  // Each <time datetime> gets the viewer's local time as its title (shown on hover).
  function localTimes() {
    var fmt;
    try {
      fmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' });
    } catch (e) {
      fmt = null;
    }
    document.querySelectorAll('time[datetime]').forEach(function (el) {
      var d = new Date(el.getAttribute('datetime'));
      if (!isNaN(d.getTime())) {
        el.title = 'Your time: ' + (fmt ? fmt.format(d) : d.toString());
      }
    });
  }

  // Each <pre data-copy> gets a button that copies its text.
  function copyButtons() {
    document.querySelectorAll('pre[data-copy]').forEach(function (pre) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy';
      button.textContent = 'Copy command';
      var status = document.createElement('span');
      status.setAttribute('role', 'status');
      status.className = 'copy-status';
      button.addEventListener('click', function () {
        var text = pre.innerText;
        copy(text).then(function () {
          status.textContent = ' Copied.';
        }, function () {
          status.textContent = ' Copy failed: select the text and copy it.';
        });
      });
      pre.insertAdjacentElement('afterend', status);
      pre.insertAdjacentElement('afterend', button);
    });
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain http (the demo on localhost is secure, a LAN address is not): the older way.
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'offscreen';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand('copy');
      } catch (e) {
        ok = false;
      }
      document.body.removeChild(area);
      if (ok) {
        resolve();
      } else {
        reject(new Error('copy refused'));
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    localTimes();
    copyButtons();
  });
}());
