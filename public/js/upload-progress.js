// The upload form with a progress bar: sends the same multipart form (its _csrf field first, as
// the plain form does) with XMLHttpRequest, shows the bytes sent, then asks the server how many
// rows it has read and stored. Without this script the form posts as it is. Texts come from the
// page's JSON block (the Content-Security-Policy forbids inline script); numbers are formatted in
// the page's language.
(function () {
  'use strict';
  var form = document.querySelector('form[data-upload]');
  var box = form && form.querySelector('[data-upload-progress]');
  var textBlock = document.getElementById('upload-progress-text');
  if (!form || !box || !textBlock || !window.XMLHttpRequest || !window.FormData || !window.fetch || !window.DOMParser) return;
  var text = JSON.parse(textBlock.textContent || '{}');
  var bar = box.querySelector('progress');
  var sentLine = box.querySelector('[data-upload-sent]');
  var rowsLine = box.querySelector('[data-upload-rows]');
  var cancel = box.querySelector('[data-upload-cancel]');
  var errorLine = form.querySelector('[data-upload-error]');
  var lang = document.documentElement.lang || 'en';
  var POLL_MS = 500;
  /** Text updates of the bytes sent at most this often: the status is read aloud. */
  var TEXT_MS = 250;

  var count = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  var oneDecimal = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  /** Bytes as the upload limit is written: binary megabytes with one decimal, kilobytes below 1 MB. */
  function size(bytes, scaleOf) {
    var mb = 1024 * 1024;
    return scaleOf >= mb ? oneDecimal.format(bytes / mb) + ' MB' : oneDecimal.format(bytes / 1024) + ' KB';
  }

  function fill(message, values) {
    return message.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function rowsText(plural, rows) {
    return fill(rows === 1 ? plural.one : plural.other, { rows: count.format(rows) });
  }

  function randomId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
  }

  var busy = false;
  var disabled = [];

  /** Locks the form while it is being sent; `unlock` gives it back as it was. */
  function lock() {
    disabled = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (box.contains(el) || el.disabled) return;
      el.disabled = true;
      disabled.push(el);
    });
  }

  function unlock() {
    disabled.forEach(function (el) { el.disabled = false; });
    disabled = [];
    busy = false;
  }

  function showError(message) {
    box.hidden = true;
    errorLine.textContent = message;
    errorLine.hidden = false;
    unlock();
  }

  /** The bar as a share of `max`, or moving without a value when the share is not known. */
  function setBar(value, max) {
    if (max > 0) {
      bar.max = max;
      bar.value = Math.min(value, max);
    } else {
      bar.removeAttribute('value');
    }
  }

  function showProgress(p) {
    if (p.phase === 'reading') {
      setBar(p.bytesRead, p.bytes);
      rowsLine.textContent = p.rows > 0 ? rowsText(text.read, p.rows) : text.waiting;
    } else if (p.phase === 'storing') {
      setBar(p.stored, p.stored > 0 ? p.rows : 0);
      rowsLine.textContent = rowsText(text.storing, p.rows);
    } else if (p.phase === 'done') {
      setBar(1, 1);
      rowsLine.textContent = rowsText(text.imported, p.rows);
    }
  }

  /** The server's page for a refused upload (422, 413, 429…) in place of this one; the address stays /datasets/new. */
  function showPage(html, status) {
    var doc = new DOMParser().parseFromString(html || '', 'text/html');
    var incoming = doc.querySelector('main');
    var current = document.querySelector('main');
    if (!incoming || !current) return showError(fill(text.failed, { status: String(status) }));
    current.replaceWith(document.adoptNode(incoming));
    if (doc.title) document.title = doc.title;
    var heading = incoming.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
    window.scrollTo(0, 0);
  }

  function progressUrl(id) {
    return '/datasets/uploads/' + id + '/progress';
  }

  function fetchProgress(id) {
    return fetch(progressUrl(id), { headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' })
      .then(function (res) { return res.ok ? res.json() : null; })
      .catch(function () { return null; });
  }

  function send(data) {
    var id = randomId();
    var xhr = new XMLHttpRequest();
    var sending = true;
    var polling = false;
    var timer = null;
    var shownAt = 0;

    function poll() {
      if (!polling) return;
      fetchProgress(id).then(function (p) {
        if (!polling) return;
        if (p) showProgress(p);
        timer = window.setTimeout(poll, POLL_MS);
      });
    }
    function stopPolling() {
      polling = false;
      if (timer !== null) window.clearTimeout(timer);
    }

    xhr.upload.addEventListener('progress', function (e) {
      if (!e.lengthComputable) return;
      var now = Date.now();
      setBar(e.loaded, e.total);
      if (now - shownAt < TEXT_MS && e.loaded < e.total) return;
      shownAt = now;
      sentLine.textContent = fill(text.sent, { sent: size(e.loaded, e.total), total: size(e.total, e.total) });
    });
    xhr.upload.addEventListener('load', function (e) {
      sending = false;
      cancel.hidden = true;
      var total = e.lengthComputable ? e.total : 0;
      if (total > 0) sentLine.textContent = fill(text.sent, { sent: size(total, total), total: size(total, total) });
      setBar(0, 0);
      rowsLine.textContent = text.waiting;
      polling = true;
      poll();
    });
    xhr.addEventListener('load', function () {
      stopPolling();
      var path = '';
      try {
        path = new URL(xhr.responseURL).pathname;
      } catch (err) {
        path = '';
      }
      // Success is the 303 to the new dataset, which XMLHttpRequest has followed: go there too,
      // once the rows imported are shown.
      if (xhr.status === 200 && /^\/datasets\/\d+$/.test(path)) {
        fetchProgress(id).then(function (p) {
          if (p) showProgress(p);
          window.location.assign(xhr.responseURL);
        });
        return;
      }
      showPage(xhr.responseText, xhr.status);
    });
    xhr.addEventListener('error', function () {
      stopPolling();
      showError(sending ? text.lostSending : text.lostImporting);
    });
    xhr.addEventListener('abort', function () {
      stopPolling();
      showError(text.cancelled);
    });
    cancel.onclick = function () { xhr.abort(); };

    xhr.open('POST', form.action);
    xhr.setRequestHeader('Accept', 'text/html');
    xhr.setRequestHeader('X-Upload-Id', id);
    errorLine.hidden = true;
    sentLine.textContent = '';
    rowsLine.textContent = '';
    setBar(0, 1);
    cancel.hidden = false;
    box.hidden = false;
    xhr.send(data);
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    if (busy) return;
    busy = true;
    // The form data is read before the fields are locked (disabled fields are not sent).
    var data = new FormData(form);
    lock();
    send(data);
  });
})();
