// The search page: plain DOM, no build step. Text from the server is always inserted as text, never as HTML.
'use strict';

const $ = (sel) => document.querySelector(sel);
const keyInput = $('#key');
keyInput.value = sessionStorage.getItem('milvus-ingest-key') || '';
keyInput.addEventListener('change', () => {
  sessionStorage.setItem('milvus-ingest-key', keyInput.value);
  loadDocuments();
});

function headers() {
  return keyInput.value ? { 'X-API-Key': keyInput.value } : {};
}

async function api(path, options = {}) {
  const res = await fetch(path, { ...options, headers: { ...headers(), ...(options.headers || {}) } });
  const body = await res.json();
  if (!res.ok) {
    throw new Error((body.error && body.error.message) || res.statusText);
  }
  return body;
}

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function fileName(path) {
  return (path || '').split(/[\\/]/).pop();
}

/** The text with each [start, end) highlight wrapped in <mark>. */
function highlighted(text, highlights) {
  const p = el('p', null, 'hit-text');
  let at = 0;
  for (const [start, end] of highlights) {
    p.append(document.createTextNode(text.slice(at, start)), el('mark', text.slice(start, end)));
    at = end;
  }
  p.append(document.createTextNode(text.slice(at)));
  return p;
}

/** A link opening the source at its page (#page=N for the browser's PDF viewer); with a key, through a blob. */
function sourceLink(hit) {
  const page = hit.page > 0 ? hit.page : 0;
  const href = '/files/' + encodeURIComponent(hit.document_id) + (page ? '#page=' + page : '');
  const a = el('a', fileName(hit.source_name) + (page ? ' — page ' + page : ''), 'source');
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener';
  a.addEventListener('click', async (ev) => {
    if (!keyInput.value) return; // no key needed: the plain link works
    ev.preventDefault();
    const res = await fetch(href.split('#')[0], { headers: headers() });
    if (!res.ok) { $('#status').textContent = 'cannot open the file: HTTP ' + res.status; return; }
    const url = URL.createObjectURL(await res.blob());
    window.open(url + (page ? '#page=' + page : ''), '_blank', 'noopener');
  });
  return a;
}

async function search(ev) {
  ev.preventDefault();
  const q = $('#q').value.trim();
  if (!q) return;
  const mode = document.querySelector('input[name=mode]:checked').value;
  $('#status').textContent = 'searching…';
  const list = $('#results');
  list.replaceChildren();
  try {
    const r = await api('/api/search', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ q, mode, top_k: 10 }) });
    $('#status').textContent = r.hits.length + ' results in ' + r.took_ms.toFixed(1) + ' ms (' + r.mode + ')';
    for (const hit of r.hits) {
      const li = el('li', null, 'hit');
      const head = el('div', null, 'hit-head');
      head.append(sourceLink(hit), el('span', hit.content_type, 'type'), el('span', hit.score.toFixed(4), 'score'));
      li.append(head, highlighted(hit.text || '', hit.highlights));
      list.append(li);
    }
  } catch (e) {
    $('#status').textContent = 'search failed: ' + e.message;
  }
}

async function loadDocuments() {
  try {
    const r = await api('/api/documents');
    $('#collection').textContent = 'collection ' + r.collection;
    const docs = $('#documents tbody');
    docs.replaceChildren();
    for (const d of r.documents) {
      const tr = el('tr');
      const status = el('td', d.status, d.status === 'failed' ? 'failed' : '');
      if (d.kind) status.title = d.kind + ': ' + d.message;
      tr.append(el('td', fileName(d.source_name)), el('td', d.rows), el('td', d.pages),
        el('td', d.last_ingested || ''), status);
      tr.firstChild.title = d.source_id;
      docs.append(tr);
    }
    const failed = $('#failed tbody');
    failed.replaceChildren();
    for (const f of r.failed) {
      const tr = el('tr', null, 'failed-doc');
      tr.append(el('td', fileName(f.source || f.file)), el('td', f.kind, 'failed'), el('td', f.stage),
        el('td', f.message), el('td', f.time));
      tr.firstChild.title = f.source || f.file;
      failed.append(tr);
    }
  } catch (e) {
    $('#status').textContent = 'documents: ' + e.message;
  }
}

$('#search').addEventListener('submit', search);
loadDocuments();
