// The dashboard: polls status.json (relative to this page) every second and redraws each host.
// No framework and no build step; every text is set with textContent, never parsed as HTML.
(function () {
  'use strict';
  var POLL_MS = 1000;
  var hostsEl = document.getElementById('hosts');
  var updatedEl = document.getElementById('updated');

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) { return '—'; }
    var s = Math.round(seconds);
    if (s < 60) { return s + ' s'; }
    if (s < 3600) { return Math.floor(s / 60) + ' min ' + (s % 60) + ' s'; }
    return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
  }

  function mib(bytes) {
    return Math.round(bytes / 1048576) + ' MiB';
  }

  // A line under the banners: what the streaming server says of itself, or that it cannot.
  function serverLine(s) {
    if (!s.answered) { return s.source + "'s own report: could not be read"; }
    var health = s.supported ? s.source + "'s own health: " + (s.status || 'no status')
      : s.source + "'s own health: not supported by this " + s.source;
    var count = s.lobbies === null ? '' : '; its own count: ' + s.lobbies + ' lobbies, ' + s.clients +
      ' clients' + (s.processMemoryBytes === null ? '' : ', process memory ' + mib(s.processMemoryBytes));
    return health + count;
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleTimeString() : '—';
  }

  function banners(h) {
    var list = [];
    if (h.health === 'MONITORING_LOST') {
      var why = h.reasons.length ? h.reasons.join('; ') : 'no plausible GPU reading';
      var since = h.monitoringLostSince ? ' since ' + time(h.monitoringLostSince) : '';
      list.push(['lost', 'alert', 'Monitoring lost' + since + ': ' + why +
        '. Only count-based caps apply until the GPU can be read again.']);
    }
    var s = h.server;
    if (s && s.critical) {
      list.push(['server-critical', 'alert', s.source + "'s own health report: it cannot create new pipelines" +
        (s.answered ? '' : ' (its last report; it no longer answers)') +
        '. New lobbies are refused on this host until it reports otherwise.']);
    } else if (s && s.answered && s.stuckThreads > 0) {
      list.push(['warning', 'status', s.source + "'s own health report: " + s.stuckThreads + ' of ' +
        s.totalThreads + ' threads stuck.']);
    }
    if (s && !s.answered) {
      list.push(['warning', 'status', s.source + "'s own health report could not be read: " + s.failure]);
    }
    if (s && s.countWhileBlind) {
      list.push(['blind-count', 'status', s.source + "'s own count while GPU monitoring is lost: " + s.lobbies +
        ' lobbies, ' + s.clients + ' clients connected' +
        (s.processMemoryBytes === null ? '' : ', process memory ' + mib(s.processMemoryBytes)) +
        '. The host is not idle.']);
    }
    if (!h.reachable) {
      list.push(['unreachable', 'alert', 'Host unreachable: its lobbies cannot be listed, so it refuses new lobbies.']);
    }
    var count = h.active + '/' + h.cap;
    if (h.active >= h.cap) {
      list.push(['full', 'alert', 'Full: ' + count + ' lobbies. New lobbies are refused until one is closed.']);
    } else if (h.active >= h.warningThreshold) {
      list.push(['warning', 'status', 'Nearly full: ' + count + ' lobbies.']);
    } else if (list.length === 0) {
      list.push(['ok', 'status', 'Room for more: ' + count + ' lobbies.']);
    }
    return list;
  }

  function table(caption, headers, rows, rowClass) {
    var t = el('table');
    t.appendChild(el('caption', {}, caption));
    var head = el('tr');
    headers.forEach(function (h) { head.appendChild(el('th', { scope: 'col' }, h)); });
    t.appendChild(el('thead')).appendChild(head);
    var body = t.appendChild(el('tbody'));
    if (rows.length === 0) {
      var tr = el('tr');
      tr.appendChild(el('td', { colspan: String(headers.length), 'class': 'empty' }, 'none'));
      body.appendChild(tr);
    }
    rows.forEach(function (r, i) {
      var tr = el('tr', rowClass ? { 'class': rowClass(i) } : {});
      r.forEach(function (c) { tr.appendChild(el('td', {}, c === null || c === undefined ? '—' : String(c))); });
      body.appendChild(tr);
    });
    return t;
  }

  function host(h) {
    var section = el('section', { 'class': 'host', id: 'host-' + h.id, 'data-host': h.id, 'aria-label': 'Host ' + h.id });
    var title = el('h2');
    title.appendChild(el('span', {}, h.id));
    title.appendChild(el('span', { 'class': 'count', 'data-count': '' }, h.active + '/' + h.cap));
    title.appendChild(el('span', { 'class': 'health' }, 'health: ' + h.health +
      (h.probeSource ? ' (via ' + h.probeSource + ')' : '')));
    section.appendChild(title);
    banners(h).forEach(function (b) {
      section.appendChild(el('div', { 'class': 'banner banner-' + b[0], 'data-banner': b[0], role: b[1] }, b[2]));
    });
    if (h.server) {
      section.appendChild(el('p', { 'class': 'server', 'data-server': '' }, serverLine(h.server)));
    }
    var age = h.readingAgeSeconds === null ? 'no good reading yet' : 'last good reading ' + duration(h.readingAgeSeconds) + ' ago';
    section.appendChild(table('GPUs (' + age + ')',
      ['GPU', 'Name', 'Memory used', 'GPU util.', 'Encoder util.', 'Encoder sessions', 'Temp.', 'Power'],
      h.gpus.map(function (g) {
        return [g.index, g.name,
          g.memoryUsedMiB === null ? null : g.memoryUsedMiB + ' / ' + g.memoryTotalMiB + ' MiB',
          g.gpuUtilizationPercent === null ? null : g.gpuUtilizationPercent + ' %',
          g.encoderUtilizationPercent === null ? null : g.encoderUtilizationPercent + ' %',
          g.encoderSessions,
          g.temperatureC === null ? null : g.temperatureC + ' °C',
          g.powerWatts === null ? null : g.powerWatts + ' W'];
      })));
    section.appendChild(table('Lobbies, oldest first', ['Lobby', 'Session', 'Age', 'Idle', 'Recorded'],
      h.lobbies.map(function (l) {
        return [l.id, l.session, duration(l.ageSeconds), duration(l.idleSeconds), l.orphan ? 'no: orphan' : 'yes'];
      }), function (i) { return h.lobbies[i].orphan ? 'orphan' : ''; }));
    section.appendChild(table('Last cleanup outcomes', ['When', 'Outcome'],
      h.cleanup.map(function (c) { return [duration(c.agoSeconds) + ' ago', c.text]; })));
    return section;
  }

  function render(status) {
    var fragment = document.createDocumentFragment();
    status.hosts.forEach(function (h) { fragment.appendChild(host(h)); });
    hostsEl.replaceChildren(fragment);
    updatedEl.textContent = 'Updated ' + time(status.at);
    document.body.setAttribute('data-updated', status.at);
  }

  function poll() {
    fetch('status.json', { cache: 'no-store' })
      .then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      })
      .then(render)
      .catch(function (e) { updatedEl.textContent = 'Cannot read status.json (' + e.message + '); retrying'; })
      .then(function () { setTimeout(poll, POLL_MS); });
  }

  poll();
}());
