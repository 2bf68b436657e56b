/* The site's search worker: Material for MkDocs' search box and results, fed from two indexes.
 *
 * Material's page script starts this worker in place of its own (the plugin points the page's
 * configuration at it) and talks to it with Material's four messages: SETUP (0) carries
 * Material's search_index.json, answered by READY (1); QUERY (2) carries what the reader
 * typed, answered by RESULT (3) with the result items Material draws.
 *
 * - Material's index, now small (hand-written pages, listings, disagreements: claim and source
 *   pages are left out of it), is indexed here in memory when SETUP arrives.
 * - Claims and sources are searched in the files the build wrote under search/factcheck/
 *   (plugins/factcheck/render/search_index.py says how): the manifest, one term file per
 *   query word and one document file per shown result, fetched when a query needs them.
 *
 * Queries read like Material's: every word matches the words it begins ("okaf" finds Okafor);
 * "+word" must be there, "-word" must not; a "quoted phrase" asks for all its words.
 * Results are ranked by how many of the words they hold, then by score (BM25); the best
 * RESULT_LIMIT pages are shown. Every text put into a result is escaped here.
 *
 * Terms are cut exactly as search_index.py cuts them (fold, TERM, JOINERS below).
 */
"use strict";

const FactcheckSearch = (() => {
  const TERM = /[\p{L}\p{N}]+(?:[.,'\u2019][\p{L}\p{N}]+)*/gu;
  const WORD = /[\p{L}\p{N}\p{M}]+(?:[.,'\u2019][\p{L}\p{N}\p{M}]+)*/gu; // the same, on text not yet folded
  const JOINERS = /[.,'\u2019]/g;
  const RESULT_LIMIT = 20;
  const PREFIX_FACTOR = 0.7; // a word matched by its beginning counts less than the whole word

  function fold(text) {
    return text.normalize("NFKD").replace(/\p{Mn}/gu, "").toLowerCase();
  }

  function terms(text) {
    const found = [];
    for (const [term] of fold(text).matchAll(TERM)) {
      found.push(term);
      const bare = term.replace(JOINERS, "");
      if (bare !== term) found.push(bare);
    }
    return found;
  }

  function hex(text) {
    return Array.from(new TextEncoder().encode(text), b => b.toString(16).padStart(2, "0")).join("");
  }

  function escape(text) {
    return text.replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]);
  }

  /* A query as clauses: {terms, presence} with presence "optional", "required" or "prohibited". */
  function parseQuery(query) {
    const clauses = [];
    const add = (word, presence) => {
      const found = terms(word.replace(/^[a-z]+:(?=\S)/i, "")); // Material's "title:word" searches the word
      for (const term of found) if (!clauses.some(c => c.term === term)) clauses.push({term, presence});
    };
    const rest = query.replace(/"([^"]*)"/g, (_, phrase) => {
      for (const word of phrase.split(/\s+/)) if (word) add(word, "required");
      return " ";
    });
    for (const word of rest.split(/\s+/)) {
      if (!word || /^[-+*~^:]+$/.test(word)) continue;
      if (word[0] === "+") add(word.slice(1), "required");
      else if (word[0] === "-") add(word.slice(1), "prohibited");
      else add(word, "optional");
    }
    // A joined term ("270,000") also yields its bare form; the reader typed one word, not two.
    return clauses.filter((c, i) => !clauses.some((d, j) => j < i && d.term.replace(JOINERS, "") === c.term && d.term !== c.term));
  }

  /* Marks, in escaped text, the words beginning with one of the matched terms. */
  function highlight(text, matched) {
    let html = "";
    let at = 0;
    for (const match of text.matchAll(WORD)) {
      const words = terms(match[0]);
      if (!words.some(word => matched.some(term => word.startsWith(term)))) continue;
      html += escape(text.slice(at, match.index)) + "<mark>" + escape(match[0]) + "</mark>";
      at = match.index + match[0].length;
    }
    return html + escape(text.slice(at));
  }

  /* Marks words in the text parts of Material's HTML, leaving tags and entities alone. */
  function highlightHtml(html, matched) {
    return html.split(/(<[^>]*>|&[#a-z0-9]+;)/i).map((part, i) => {
      if (i % 2) return part;
      return highlight(decodeEntities(part), matched);
    }).join("");
  }

  function decodeEntities(text) {
    return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => ({amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'"})[e]);
  }

  function stripTags(html) {
    return decodeEntities(html.replace(/<[^>]*>/g, " ").replace(/&[#a-z0-9]+;/gi, " "));
  }

  /* Up to two passages holding a match, shortened around it; else the first passage. */
  function teaser(passages, matched) {
    const hits = passages.filter(p => terms(p).some(w => matched.some(t => w.startsWith(t))));
    const shown = (hits.length ? hits : passages.slice(0, 1)).slice(0, 2);
    return shown.map(p => "<p>" + highlight(shorten(p, matched), matched) + "</p>").join("");
  }

  function shorten(text, matched, room = 320) {
    if (text.length <= room) return text;
    let first = 0;
    for (const match of text.matchAll(WORD)) {
      if (terms(match[0]).some(w => matched.some(t => w.startsWith(t)))) { first = match.index; break; }
    }
    const start = Math.max(0, Math.min(first - 80, text.length - room));
    const cut = text.slice(start, start + room);
    return (start > 0 ? "… " : "") + cut + (start + room < text.length ? " …" : "");
  }

  /* Scoring shared by both indexes: BM25 with weighted title and tag matches. */
  function scorer(constants, documents, averageLength) {
    const {k1, b} = constants;
    return (tf, length, df, boost) => {
      const idf = Math.log(1 + (documents - df + 0.5) / (df + 0.5));
      const norm = k1 * (1 - b + b * length / averageLength);
      return idf * tf * (k1 + 1) / (tf + norm) * boost;
    };
  }

  /* Material's documents, kept folded in memory and scanned per query: building an inverted
   * index of them cost more, at SETUP, than one regular-expression pass over them costs per
   * query. Each field of every document is one string (title, tags, text), joined by a line
   * break, which no term spans; a match is mapped back to its document by its offset. */
  class LocalIndex {
    constructor(docs, constants) {
      this.docs = docs;
      this.constants = constants;
      this.weights = [constants.title_weight, constants.tag_weight, 1];
      const fields = [[], [], []];
      this.lengths = [];
      for (const doc of docs) {
        const texts = [stripTags(doc.title || ""), (doc.tags || []).join(" "), stripTags(doc.text || "")];
        texts.forEach((text, i) => fields[i].push(text.replace(/\n/g, " ")));
        this.lengths.push(texts.reduce((n, text) => n + (text.match(/\S+/g) || []).length, 0));
      }
      this.joined = fields.map(list => fold(list.join("\n")));
      this.bare = this.joined.map(bare);
      this.starts = {joined: this.joined.map(starts), bare: this.bare.map(starts)};
      this.averageLength = this.lengths.reduce((n, l) => n + l, 0) / Math.max(1, docs.length) || 1;
    }

    /* document -> score of the words the prefix begins (whole words count more) */
    match(prefix) {
      const pattern = new RegExp("(?<![\\p{L}\\p{N}])" + prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "([\\p{L}\\p{N}])?", "gu");
      const form = prefix.replace(JOINERS, "") === prefix ? "bare" : "joined";
      const tf = new Map();
      this[form].forEach((text, field) => {
        const offsets = this.starts[form][field];
        for (const m of text.matchAll(pattern)) {
          const n = documentAt(offsets, m.index);
          tf.set(n, (tf.get(n) || 0) + (m[1] ? PREFIX_FACTOR : 1) * this.weights[field]);
        }
      });
      const score = scorer(this.constants, this.docs.length, this.averageLength);
      const found = new Map();
      for (const [n, count] of tf) found.set(n, score(count, this.lengths[n], tf.size, this.docs[n].boost || 1));
      return found;
    }
  }

  /* Where each document's part of a joined field starts. */
  function starts(text) {
    const offsets = [0];
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) offsets.push(i + 1);
    return offsets;
  }

  function documentAt(offsets, index) {
    let low = 0, high = offsets.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (offsets[middle] <= index) low = middle; else high = middle - 1;
    }
    return low;
  }

  /* Joined terms without their joiners, as they are also indexed ("270,000" -> "270000"). */
  function bare(text) {
    return text.replace(/(?<=[\p{L}\p{N}])[.,'\u2019](?=[\p{L}\p{N}])/gu, "");
  }

  /* The build's term and document files, fetched on demand and kept. */
  class RemoteIndex {
    constructor(base) {
      this.base = base;
      this.files = new Map();
      this.manifest = this.fetch("manifest.json");
    }

    fetch(name) {
      if (!this.files.has(name)) {
        this.files.set(name, fetch(new URL(name, this.base)).then(r => {
          if (!r.ok) throw new Error(`${name}: ${r.status}`);
          return r.json();
        }));
      }
      return this.files.get(name);
    }

    async match(prefix) {
      const manifest = await this.manifest;
      const key = prefix.slice(0, manifest.key_length);
      const found = new Map();
      if (!manifest.keys.includes(key)) return found;
      const shard = await this.fetch(`t-${hex(key)}.json`);
      for (const term in shard) {
        if (!term.startsWith(prefix)) continue;
        // A one-character word matches only itself: its beginnings span many files.
        if (prefix.length < manifest.key_length && term !== prefix) continue;
        const factor = (term === prefix ? 1 : PREFIX_FACTOR) / manifest.score_scale;
        const list = shard[term];
        for (let i = 0; i < list.length; i += 2) found.set(list[i], Math.max(found.get(list[i]) || 0, list[i + 1] * factor));
      }
      return found;
    }

    async documents(numbers) {
      const manifest = await this.manifest;
      const chunks = await Promise.all(numbers.map(n => this.fetch(`d-${Math.floor(n / manifest.chunk)}.json`)));
      return numbers.map((n, i) => {
        const [location, title, tags, passages] = chunks[i][n % manifest.chunk];
        return {location, title, tags, passages};
      });
    }
  }

  /* Combine clause matches: required all, prohibited none, optional at least one (if any). */
  function combine(clauses, matches) {
    const scores = new Map();
    const held = new Map();
    clauses.forEach((clause, i) => {
      if (clause.presence === "prohibited") return;
      for (const [doc, score] of matches[i]) {
        scores.set(doc, (scores.get(doc) || 0) + score);
        if (!held.has(doc)) held.set(doc, new Set());
        held.get(doc).add(clause.term);
      }
    });
    const ranked = [];
    const counted = clauses.filter(c => c.presence !== "prohibited");
    for (const [doc, score] of scores) {
      if (clauses.some((c, i) => c.presence === "required" && !matches[i].has(doc))) continue;
      if (clauses.some((c, i) => c.presence === "prohibited" && matches[i].has(doc))) continue;
      const share = held.get(doc).size / Math.max(1, counted.length);
      ranked.push({doc, score: score * (1 + share) ** 2, held: held.get(doc)});
    }
    return ranked.sort((a, b) => b.score - a.score);
  }

  function termsRecord(clauses, held) {
    const record = {};
    for (const clause of clauses) if (clause.presence !== "prohibited") record[clause.term] = held.has(clause.term);
    return record;
  }

  class Search {
    constructor(data, remote) {
      this.options = data.options || {};
      this.remote = remote;
      this.docs = data.docs || [];
      this.local = this.remote.manifest.then(manifest => new LocalIndex(this.docs, manifest));
    }

    async search(query) {
      const local = await this.local;
      const clauses = parseQuery(query);
      if (!clauses.length) return {items: []};
      const remoteMatches = Promise.all(clauses.map(c => this.remote.match(c.term)));  // fetching meanwhile
      const localMatches = clauses.map(c => local.match(c.term));
      const remote = await remoteMatches;
      const matched = clauses.filter(c => c.presence !== "prohibited").map(c => c.term);

      // Material's documents: sections grouped under their page, as Material groups them.
      const groups = [];
      const pages = new Map();
      for (const {doc, score, held} of combine(clauses, localMatches)) {
        const d = this.docs[doc];
        const page = d.location.split("#")[0];
        const item = {
          location: d.location, title: highlightHtml(d.title, matched), text: highlightHtml(d.text, matched),
          tags: d.tags, score, terms: termsRecord(clauses, held),
        };
        if (!pages.has(page)) { pages.set(page, {score, items: []}); groups.push(pages.get(page)); }
        pages.get(page).items.push(item);
      }
      for (const [page, group] of pages) {
        if (!group.items.some(item => item.location === page)) {
          const article = this.docs.find(d => d.location === page);
          if (article) group.items.push({location: page, title: escape(stripTags(article.title)), text: "", tags: article.tags, score: 0, terms: {}});
        }
      }

      // Claims and sources from the build's files: one page each.
      const ranked = combine(clauses, remote).slice(0, RESULT_LIMIT);
      const documents = await this.remote.documents(ranked.map(r => r.doc));
      ranked.forEach(({score, held}, i) => {
        const d = documents[i];
        groups.push({score, items: [{
          location: d.location, title: highlight(d.title, matched), text: teaser(d.passages, matched),
          tags: d.tags, score, terms: termsRecord(clauses, held),
        }]});
      });

      groups.sort((a, b) => b.score - a.score);
      const items = groups.slice(0, RESULT_LIMIT).map(g => g.items);
      if (this.options.suggest) return {items, suggest: suggestions(items, clauses)};
      return {items};
    }
  }

  /* Material completes the last word from the words the best result's title matched. */
  function suggestions(items, clauses) {
    if (!items.length) return [];
    const title = stripTags(items[0][0].title);
    const words = terms(title);
    return clauses.map(c => words.find(w => w.startsWith(c.term))).filter(Boolean);
  }

  return {fold, terms, hex, escape, parseQuery, highlight, highlightHtml, teaser, RemoteIndex, Search};
})();

if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) {
  // The files sit in search/factcheck/ beside Material's index; this script in assets/.
  const remote = new FactcheckSearch.RemoteIndex(new URL("../search/factcheck/", self.location.href));
  let search = null;
  let latest = 0;
  addEventListener("message", async event => {
    const message = event.data;
    if (message.type === 0) {
      // Ready at once: the reader's first query waits, in the queue, for the index being set up.
      postMessage({type: 1});
      search = new FactcheckSearch.Search(message.data, remote);
      search.local.catch(error => console.warn("factcheck search:", error));
    } else if (message.type === 2) {
      const asked = ++latest;
      let data = {items: []};
      try { data = await search.search(message.data); } catch (error) { console.warn("factcheck search:", error); }
      if (asked === latest) postMessage({type: 3, data});  // an answer overtaken by a newer query is dropped
    }
  });
}
