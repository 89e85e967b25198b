// Draws every chart on the page from its JSON block. Chart configurations are built and tested on
// the server (src/report); this script only turns `options.meta` into tick formatters, because
// functions cannot travel in JSON and the Content-Security-Policy forbids inline script.
(function () {
  'use strict';
  if (typeof window.Chart === 'undefined') return;

  function short(v, digits) {
    var a = Math.abs(v);
    var steps = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
    for (var i = 0; i < steps.length; i++) {
      if (a >= steps[i][0]) return (v / steps[i][0]).toFixed(digits).replace(/\.0+$/, '') + steps[i][1];
    }
    return String(Math.round(v * 100) / 100);
  }
  var SIGNS = { USD: '$', KRW: '₩' };
  function money(sign) {
    return function (v) { return (v < 0 ? '−' : '') + sign + short(Math.abs(v), 1); };
  }
  // Korean reads money in 조, 억 and 만: "2조원", "−5,000억원", "500억 달러" (report/number-text.ts in prose).
  function koreanMoney(currency) {
    var word = currency === 'KRW' ? '원' : ' 달러';
    var units = [[1e12, '조'], [1e8, '억'], [1e4, '만']];
    return function (v) {
      var a = Math.abs(v);
      var sign = v < 0 ? '−' : '';
      for (var i = 0; i < units.length; i++) {
        if (a >= units[i][0]) {
          var n = Math.round((a / units[i][0]) * 10) / 10;
          return sign + n.toLocaleString('en-US', { maximumFractionDigits: 1 }) + units[i][1] + word;
        }
      }
      return sign + Math.round(a).toLocaleString('en-US') + (currency === 'KRW' ? '원' : '달러');
    };
  }
  var formats = {
    money: money('$'),
    percent: function (v) { return (v * 100).toFixed(0) + '%'; },
    multiple: function (v) { return v.toFixed(0) + '×'; },
    number: function (v) { return short(v, 1); },
  };

  // Names beside the points marked `labelled` (the most expensive few and the user's picks).
  var pointLabels = {
    id: 'capexlensPointLabels',
    afterDatasetsDraw: function (chart) {
      var c = chart.ctx;
      c.save();
      c.font = '11px sans-serif';
      c.fillStyle = '#222';
      c.textBaseline = 'middle';
      chart.data.datasets.forEach(function (ds, i) {
        var meta = chart.getDatasetMeta(i);
        if (meta.hidden) return;
        ds.data.forEach(function (p, j) {
          if (!p || !p.labelled || !p.name) return;
          var el = meta.data[j];
          if (!el) return;
          var right = el.x + 6 + c.measureText(p.name).width > chart.chartArea.right;
          c.textAlign = right ? 'right' : 'left';
          c.fillText(p.name, el.x + (right ? -6 : 6), el.y);
        });
      });
      c.restore();
    },
  };

  function applyMeta(config) {
    var options = config.options || (config.options = {});
    var meta = options.meta || {};
    delete options.meta;
    // Money axes in the report's currency (meta.currency, USD unless set).
    var local = Object.assign({}, formats, { money: meta.lang === 'ko' ? koreanMoney(meta.currency || 'USD') : money(SIGNS[meta.currency] || '$') });
    options.responsive = true;
    options.maintainAspectRatio = false;
    options.animation = false;
    var scales = options.scales || (options.scales = {});
    var y = scales.y || (scales.y = {});
    if (meta.logY) y.type = 'logarithmic';
    var fy = local[meta.yFormat];
    if (fy) {
      y.ticks = y.ticks || {};
      // A log axis gets a tick at every 1-9 × 10^k; only 1, 2 and 5 × 10^k are labelled ($1M, $2M, $5M).
      y.ticks.callback = meta.logY
        ? function (v) { var n = Number(v); var m = n / Math.pow(10, Math.floor(Math.log10(n)) ); m = Math.round(m * 1000) / 1000; return m === 1 || m === 2 || m === 5 ? fy(n) : ''; }
        : function (v) { return fy(Number(v)); };
    }
    var fx = local[meta.xFormat];
    if (fx) {
      var x = scales.x || (scales.x = {});
      x.ticks = x.ticks || {};
      // On a category axis a tick's value is its index: format the label it stands for (the
      // convergence chart's trial counts), not 0, 1, 2.
      x.ticks.callback = function (v) { return fx(Number(this.type === 'category' ? this.getLabelForValue(v) : v)); };
    }
    var tooltip = (options.plugins = options.plugins || {}).tooltip || (options.plugins.tooltip = {});
    if (meta.pointNames) {
      // Every point carries its model's name: the tooltip names it, with its cost and release date.
      tooltip.callbacks = {
        label: function (ctx) {
          var raw = ctx.raw || {};
          var cost = fy ? fy(Number(ctx.parsed.y)) : String(ctx.parsed.y);
          if (!raw.name) return (ctx.dataset.label ? ctx.dataset.label + ': ' : '') + cost;
          return raw.name + ': ' + cost + ' (' + Math.floor(Number(ctx.parsed.x)) + ', ' + ctx.dataset.label.replace(/ \(\d+\)$/, '') + ')';
        },
      };
      config.plugins = (config.plugins || []).concat([pointLabels]);
    } else if (fy) {
      tooltip.callbacks = {
        label: function (ctx) {
          var raw = ctx.parsed && typeof ctx.parsed.y === 'number' ? ctx.parsed.y : ctx.raw;
          if (options.indexAxis === 'y' && ctx.parsed) raw = ctx.parsed.x;
          return (ctx.dataset.label ? ctx.dataset.label + ': ' : '') + fy(Number(raw));
        },
      };
    } else if (fx && options.indexAxis === 'y') {
      // A horizontal bar (the tornado): its value is on x, in the x axis's format.
      tooltip.callbacks = {
        label: function (ctx) {
          return (ctx.dataset.label ? ctx.dataset.label + ': ' : '') + fx(Number(ctx.parsed.x));
        },
      };
    }
    return config;
  }

  function drawAll() {
    var blocks = document.querySelectorAll('script[type="application/json"].chart-data');
    for (var i = 0; i < blocks.length; i++) {
      var block = blocks[i];
      var canvas = document.getElementById(block.getAttribute('data-canvas'));
      if (!canvas) continue;
      var existing = window.Chart.getChart(canvas);
      if (existing) existing.destroy();
      try {
        var config = JSON.parse(block.textContent);
        // A bar per label (the tornado): the box grows to give every bar its whole label, on
        // screen and on paper (important, so print.css's fixed chart height does not cut it).
        var need = config.options && config.options.meta && config.options.meta.heightPx;
        if (need && canvas.parentNode && canvas.parentNode.style) canvas.parentNode.style.setProperty('height', Math.round(need) + 'px', 'important');
        new window.Chart(canvas, applyMeta(config));
        canvas.setAttribute('data-drawn', 'true');
      } catch (e) {
        canvas.setAttribute('data-drawn', 'error');
        console.error('capexlens: chart ' + canvas.id + ' could not be drawn', e);
      }
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', drawAll);
  else drawAll();
  window.addEventListener('beforeprint', function () {
    for (var id in window.Chart.instances) window.Chart.instances[id].resize();
  });
})();
