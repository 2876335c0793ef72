// The explorer: a client of the public v1 API and nothing else, so it doubles as an example of one. Every piece of
// state a reader can see is in the address, so a view can be shared and opened as it was.
import { drawChart } from './chart.js';

const TEXT = {
  en: {
    title: 'Indicator explorer',
    tagline: 'Every value with the sentence that states it, and every version it had.',
    skip: 'Skip to the series',
    contract: 'API contract',
    find: 'Find an indicator',
    search: 'Search',
    topic: 'Topic',
    allTopics: 'All topics',
    geography: 'Geography',
    allGeos: 'All geographies',
    found: n => n === 1 ? '1 indicator' : `${n} indicators`,
    more: 'Show more',
    pick: 'Pick an indicator to see its series',
    asOf: 'Catalogue as of',
    latest: 'Latest release',
    publishedBy: 'Sources published by',
    anyDate: 'Any date',
    beforeAny: 'before any source',
    period: 'Period',
    value: 'Value',
    asStated: 'As stated',
    status: 'Status',
    valuesCaption: 'Values shown in the chart',
    downloadCsv: 'Download CSV',
    asJson: 'The same as JSON',
    footer: 'Values come from the articles they quote; each article\'s primary publication is named where the article names it. Dates an article does not state are marked inferred, with the reason.',
    observed: 'observed', estimated: 'estimated', projected: 'projected', derived: 'derived',
    revised: 'revised', later: 'as known now', withdrawn: 'withdrawn',
    nothingKnown: 'No value of this series was known at that moment.',
    chartTitle: (name, geo) => `${name}, ${geo}`,
    pointLabel: (geo, period, value, status, revised) => `${geo} ${period}: ${value}, ${status}${revised ? ', revised' : ''}`,
    quote: 'Quote',
    document: 'Document',
    publication: 'Primary publication',
    noPublication: 'The document names no primary publication for this value.',
    noUrl: 'No address is given for it.',
    published: 'Published',
    unknownDate: 'unknown',
    stated: 'stated', inferred: 'inferred',
    why: 'Why',
    knownSince: 'In the catalogue since',
    release: 'Release',
    periodBasis: 'Period',
    verified: 'Quote checked against the text',
    unverified: 'Quote not checked against the text',
    history: 'Revision history',
    cite: 'Cite this value',
    derivedFrom: 'Derived from',
    note: 'Note',
    close: 'Close',
    failed: 'The API answered with a problem',
  },
  ko: {
    title: '지표 탐색기',
    tagline: '모든 값을 그 값을 말하는 문장, 그리고 그 값이 거쳐 온 모든 판과 함께.',
    skip: '시계열로 건너뛰기',
    contract: 'API 명세',
    find: '지표 찾기',
    search: '검색',
    topic: '주제',
    allTopics: '모든 주제',
    geography: '지역',
    allGeos: '모든 지역',
    found: n => `지표 ${n}개`,
    more: '더 보기',
    pick: '지표를 고르면 시계열을 볼 수 있습니다',
    asOf: '카탈로그 기준 시점',
    latest: '최신 릴리스',
    publishedBy: '출처 발행 기준일',
    anyDate: '모든 날짜',
    beforeAny: '어떤 출처보다도 이전',
    period: '기간',
    value: '값',
    asStated: '원문 표기',
    status: '상태',
    valuesCaption: '차트에 표시된 값',
    downloadCsv: 'CSV 내려받기',
    asJson: '같은 내용을 JSON으로',
    footer: '값은 인용한 기사에서 가져오며, 기사가 1차 출처를 밝힌 경우 그 출처를 함께 적습니다. 기사가 밝히지 않은 날짜는 근거와 함께 추정으로 표시합니다.',
    observed: '관측', estimated: '추정', projected: '전망', derived: '파생',
    revised: '수정됨', later: '현재 알려진 값', withdrawn: '철회됨',
    nothingKnown: '그 시점에는 이 시계열의 값이 알려지지 않았습니다.',
    chartTitle: (name, geo) => `${name}, ${geo}`,
    pointLabel: (geo, period, value, status, revised) => `${geo} ${period}: ${value}, ${status}${revised ? ', 수정됨' : ''}`,
    quote: '인용문',
    document: '문서',
    publication: '1차 출처',
    noPublication: '문서가 이 값의 1차 출처를 밝히지 않았습니다.',
    noUrl: '주소가 알려지지 않았습니다.',
    published: '발행',
    unknownDate: '알 수 없음',
    stated: '명시', inferred: '추정',
    why: '근거',
    knownSince: '카탈로그 수록 시점',
    release: '릴리스',
    periodBasis: '기간',
    verified: '인용문을 원문과 대조함',
    unverified: '인용문을 원문과 대조하지 않음',
    history: '수정 이력',
    cite: '이 값 인용하기',
    derivedFrom: '계산에 쓴 값',
    note: '메모',
    close: '닫기',
    failed: 'API가 문제를 알려 왔습니다',
  },
};

// A Korean counter word follows its number without a space (8,579명); the longer units read as phrases.
const UNITS = {
  persons: { en: 'persons', ko: '명' },
  usd: { en: 'US dollars', ko: '미국 달러' },
  krw: { en: 'Korean won', ko: '원' },
  percent: { en: '%', ko: '%' },
  rank: { en: 'rank', ko: '위' },
  tier: { en: 'tier', ko: '등급' },
  ratio: { en: 'times', ko: '배' },
  count: { en: 'count', ko: '개' },
  index: { en: 'index points', ko: '지수' },
  'per-100000-inhabitants': { en: 'per 100,000 inhabitants', ko: '인구 10만 명당' },
  'per-10000-members': { en: 'per 10,000 members', ko: '회원 1만 명당' },
};

const PAGE = 100;
const $ = id => document.getElementById(id);

const state = {
  lang: 'en',
  indicator: null, // the indicator's description, from /v1/indicators/{id}
  vintages: [],
  series: null, // what the chart shows
  listNext: null,
};

// ---------------------------------------------------------------- the address

function readAddress() {
  const params = new URLSearchParams(location.search);
  return {
    lang: params.get('lang') === 'ko' ? 'ko' : params.get('lang') === 'en' ? 'en' : null,
    q: params.get('q') ?? '',
    topic: params.get('topic') ?? '',
    area: params.get('area') ?? '',
    indicator: params.get('indicator'),
    geo: params.get('geo') ?? '',
    asOf: params.get('asOf') ?? '',
    publishedBy: params.get('publishedBy') ?? '',
    // The chosen point: its period, and its geography when the chart shows several.
    point: params.get('period') ? `${params.get('at') ?? params.get('geo') ?? ''}:${params.get('period')}` : null,
  };
}

function writeAddress(view, push = false) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(view)) {
    if (value) {
      params.set(key, value);
    }
  }
  const url = params.size ? `/?${params}` : '/';
  if (url !== location.pathname + location.search) {
    (push ? history.pushState : history.replaceState).call(history, null, '', url);
  }
}

function currentView() {
  return {
    lang: state.lang === 'ko' ? 'ko' : '',
    q: $('q').value.trim(),
    topic: $('topic').value,
    area: $('geo-filter').value,
    indicator: state.indicator?.id ?? '',
    geo: state.indicator ? $('geo').value : '',
    asOf: state.indicator ? $('as-of').value : '',
    publishedBy: state.indicator ? $('published-by').value : '',
    period: state.selected ? splitSelected(state.selected)[1] : '',
    at: state.selected && !$('geo').value ? splitSelected(state.selected)[0] : '',
  };
}

// ---------------------------------------------------------------- the API

class Problem extends Error {
  constructor(status, body) {
    super(body?.detail ?? body?.title ?? `HTTP ${status}`);
    this.status = status;
  }
}

async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v !== null && v !== undefined));
  const url = query.size ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const type = response.headers.get('Content-Type') ?? '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new Problem(response.status, body);
  }
  return body;
}

function apiUrl(path, params) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v !== null && v !== undefined));
  return query.size ? `${path}?${query}` : path;
}

// ---------------------------------------------------------------- words and numbers

const t = key => TEXT[state.lang][key];
const name = pair => pair?.[state.lang] ?? pair?.en ?? pair?.ko ?? '';
const original = text => text?.[state.lang === 'ko' ? 'original' : 'en'] ?? text?.original ?? '';
/** A name as printed (Korean), with its English rendering for English readers. */
const printed = text => state.lang === 'en' && text?.en && text.en !== text.original ? `${text.original} (${text.en})` : text?.original ?? '';

function numberFormat(options = {}) {
  return new Intl.NumberFormat(state.lang === 'ko' ? 'ko-KR' : 'en', { maximumFractionDigits: 2, ...options });
}

function unitLabel(unit) {
  return UNITS[unit?.code]?.[state.lang] ?? unit?.code ?? '';
}

function formatValue(observation, unit) {
  const format = numberFormat();
  const number = observation.value !== null && observation.value !== undefined
    ? format.format(observation.value)
    : `${format.format(observation.low)}–${format.format(observation.high)}`;
  const label = unitLabel(unit);
  const attached = label === '%' || (state.lang === 'ko' && label.length === 1);
  return attached ? `${number}${label}` : `${number} ${label}`;
}

function geoName(code) {
  if (code === 'WORLD') {
    return state.lang === 'ko' ? '세계' : 'World';
  }
  try {
    return new Intl.DisplayNames([state.lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function dateText(published) {
  if (!published?.date) {
    return t('unknownDate');
  }
  return `${published.date} (${t(published.basis) ?? published.basis})`;
}

function node(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'text') {
      element.textContent = value;
    } else if (key.startsWith('on')) {
      element.addEventListener(key.slice(2), value);
    } else {
      element.setAttribute(key, value === true ? '' : value);
    }
  }
  element.append(...children.filter(child => child !== null && child !== undefined));
  return element;
}

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.title = state.indicator ? `${name(state.indicator.name)} · ${t('title')}` : t('title');
  for (const element of document.querySelectorAll('[data-text]')) {
    const text = t(element.dataset.text);
    if (typeof text === 'string') {
      if (element.tagName === 'OPTION' || element.children.length === 0) {
        element.textContent = text;
      }
    }
  }
  const other = state.lang === 'ko' ? 'en' : 'ko';
  const toggle = $('language');
  toggle.textContent = other === 'ko' ? '한국어' : 'English';
  toggle.lang = other;
}

function showProblem(error) {
  const box = $('problem');
  if (!error) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  box.hidden = false;
  box.replaceChildren(node('strong', { text: `${t('failed')} (${error.status ?? '—'}): ` }),
    document.createTextNode(error.message));
}

// ---------------------------------------------------------------- finding an indicator

async function loadFilters() {
  // Topic and geography choices come from the catalogue itself, a few pages at most.
  const topics = new Set();
  const geos = new Set();
  let cursor = null;
  for (let page = 0; page < 10; page++) {
    const answer = await api('/v1/indicators', { limit: PAGE, cursor });
    for (const indicator of answer.items) {
      indicator.topics.forEach(topic => topics.add(topic));
      indicator.geos.forEach(geo => geos.add(geo));
    }
    cursor = answer.next;
    if (!cursor) {
      break;
    }
  }
  fillSelect($('topic'), [...topics].sort(), topic => topic, 'allTopics');
  fillSelect($('geo-filter'), [...geos].sort(), geo => `${geoName(geo)} (${geo})`, 'allGeos');
}

function fillSelect(select, values, label, emptyKey) {
  const chosen = select.value;
  select.replaceChildren(...(emptyKey ? [node('option', { value: '', 'data-text': emptyKey, text: t(emptyKey) })] : []),
    ...values.map(value => node('option', { value, text: label(value) })));
  if (values.includes(chosen)) {
    select.value = chosen;
  }
}

async function search(append = false) {
  const params = { limit: PAGE, q: $('q').value.trim(), topic: $('topic').value, geo: $('geo-filter').value };
  if (append) {
    params.cursor = state.listNext;
  }
  try {
    const answer = await api('/v1/indicators', params);
    state.listNext = answer.next;
    const list = $('indicators');
    if (!append) {
      list.replaceChildren();
    }
    for (const indicator of answer.items) {
      const link = node('a', {
        href: `/?indicator=${encodeURIComponent(indicator.id)}${indicator.geos.length === 1 ? `&geo=${indicator.geos[0]}` : ''}`,
        'data-indicator': indicator.id,
        'aria-current': state.indicator?.id === indicator.id ? 'true' : null,
        onclick: event => {
          event.preventDefault();
          openIndicator(indicator.id, { geo: indicator.geos.length === 1 ? indicator.geos[0] : '' }, true);
        },
      }, node('span', { class: 'name', text: name(indicator.name) }),
        node('span', { class: 'meta', text: `${unitLabel(indicator.unit)} · ${indicator.geos.join(', ')}` }));
      list.append(node('li', {}, link));
    }
    const more = document.querySelector('.finder .more');
    more?.remove();
    if (state.listNext) {
      list.after(node('button', { type: 'button', class: 'more', text: t('more'), onclick: () => search(true) }));
    }
    $('found').textContent = append ? '' : t('found')(list.children.length) + (state.listNext ? '+' : '');
  } catch (error) {
    $('found').textContent = error.message;
  }
}

// ---------------------------------------------------------------- a series

async function openIndicator(id, view = {}, push = false) {
  showProblem(null);
  state.selected = view.point ?? null;
  try {
    const [indicator, vintages] = await Promise.all([
      api(`/v1/indicators/${encodeURIComponent(id)}`),
      api(`/v1/indicators/${encodeURIComponent(id)}/vintages`),
    ]);
    state.indicator = indicator;
    state.vintages = vintages.vintages;
  } catch (error) {
    state.indicator = null;
    showProblem(error);
    return;
  }
  const indicator = state.indicator;
  for (const link of document.querySelectorAll('#indicators a')) {
    link.toggleAttribute('aria-current', link.dataset.indicator === id);
  }
  const geos = indicator.series.map(series => series.geo);
  fillSelect($('geo'), geos, geo => `${geoName(geo)} (${geo})`, geos.length > 1 ? 'allGeos' : null);
  $('geo').value = geos.includes(view.geo) ? view.geo : geos.length === 1 ? geos[0] : '';
  fillVintages(view.asOf);
  fillPublishedBy(view.publishedBy);
  $('view').hidden = false;
  await showSeries(push);
  if (state.selected) {
    const [geo, period] = splitSelected(state.selected);
    const point = state.series?.points.find(p => p.geo === geo && p.period === period);
    if (point) {
      await showDetail(point, false);
    }
  }
}

function fillVintages(chosen) {
  const select = $('as-of');
  const format = new Intl.DateTimeFormat(state.lang === 'ko' ? 'ko-KR' : 'en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const options = [node('option', { value: '', 'data-text': 'latest', text: t('latest') })];
  for (const vintage of state.vintages) {
    options.push(node('option', { value: vintage.releasedAt, text: `${format.format(new Date(vintage.releasedAt))} UTC · ${vintage.release}` }));
  }
  // A shared address may name any instant, not only a release's.
  if (chosen && !state.vintages.some(vintage => vintage.releasedAt === chosen)) {
    options.push(node('option', { value: chosen, text: chosen }));
  }
  select.replaceChildren(...options);
  select.value = chosen ?? '';
}

function fillPublishedBy(chosen) {
  const dates = new Map();
  for (const source of [...(state.indicator.sources ?? []), ...(state.indicator.publications ?? [])]) {
    if (source.published?.date) {
      const label = `${source.published.date} · ${original(source.publisher) || original(source.title)}`;
      dates.set(source.published.date, dates.has(source.published.date) ? `${dates.get(source.published.date)}, ${original(source.publisher)}` : label);
    }
  }
  const values = [...dates.keys()].sort();
  // The month before the first source appeared: the series as the world saw it before any of it was out.
  if (values.length) {
    const before = previousMonth(values[0]);
    values.unshift(before);
    dates.set(before, `${before} · ${t('beforeAny')}`);
  }
  const select = $('published-by');
  select.replaceChildren(node('option', { value: '', 'data-text': 'anyDate', text: t('anyDate') }),
    ...values.map(value => node('option', { value, text: dates.get(value) })));
  if (chosen && !values.includes(chosen)) {
    select.append(node('option', { value: chosen, text: chosen }));
  }
  select.value = chosen ?? '';
}

function previousMonth(date) {
  const [year, month = '01'] = date.split('-');
  const day = new Date(Date.UTC(Number(year), Number(month) - 2, 1));
  return `${day.getUTCFullYear()}-${String(day.getUTCMonth() + 1).padStart(2, '0')}`;
}

function splitSelected(selected) {
  const slash = selected.indexOf(':');
  return slash < 0 ? ['', selected] : [selected.slice(0, slash), selected.slice(slash + 1)];
}

function key(observation) {
  return `${observation.geo}:${observation.period}`;
}

async function showSeries(push = false) {
  const indicator = state.indicator;
  const geo = $('geo').value;
  const asOf = $('as-of').value;
  const publishedBy = $('published-by').value;
  const id = encodeURIComponent(indicator.id);
  const path = `/v1/indicators/${id}/observations`;
  const pinned = Boolean(asOf || publishedBy);
  showProblem(null);
  let shown;
  let versions = null;
  let now = null;
  try {
    [shown, versions, now] = await Promise.all([
      api(path, { geo, asOf, publishedBy }),
      // Revision marks are a courtesy: a series too long for one history answer is still drawn without them.
      api(path, { geo, asOf, includeHistory: true }).catch(() => null),
      pinned ? api(path, { geo }) : Promise.resolve(null),
    ]);
  } catch (error) {
    showProblem(error);
    shown = { observations: [] };
  }
  const counts = new Map();
  for (const version of versions?.observations ?? []) {
    counts.set(key(version), (counts.get(key(version)) ?? 0) + 1);
  }
  const latest = new Map((now?.observations ?? []).map(o => [key(o), o]));
  const unit = indicator.unit;
  const points = shown.observations.filter(o => !o.retracted).map(o => {
    const later = latest.get(key(o));
    const changedSince = pinned && now && (!later || later.value !== o.value || later.low !== o.low || later.high !== o.high);
    const revised = (counts.get(key(o)) ?? 1) > 1 || changedSince;
    return {
      ...o,
      revised,
      label: t('pointLabel')(o.geo, o.period, formatValue(o, unit), t(o.status) ?? o.status, revised),
    };
  });
  const compare = pinned && now ? now.observations.filter(o => !o.retracted) : [];
  state.series = { points, observations: shown.observations, compare };
  renderSeries();
  writeAddress(currentView(), push);
}

function renderSeries() {
  const indicator = state.indicator;
  const { points, compare } = state.series;
  const geo = $('geo').value;
  $('series-title').textContent = `${name(indicator.name)}${geo ? ` · ${geoName(geo)}` : ''} (${unitLabel(indicator.unit)})`;
  $('series-description').textContent = name(indicator.description);
  document.title = `${name(indicator.name)} · ${t('title')}`;
  const figure = $('figure');
  figure.hidden = false;
  const compact = numberFormat({ notation: 'compact', maximumFractionDigits: 1 });
  const chart = drawChart($('chart'), {
    points,
    compare: $('as-of').value || $('published-by').value ? compare : [],
    title: t('chartTitle')(name(indicator.name), geo || t('allGeos')),
    formatTick: v => compact.format(v),
    selected: state.selected,
    onSelect: point => showDetail(point, true),
  });
  if (chart && !performance.getEntriesByName('chart-drawn').length) {
    performance.mark('chart-drawn');
  }
  if (points.length === 0) {
    $('chart').append(node('p', { class: 'empty', text: t('nothingKnown') }));
  }
  renderLegend(points, compare.length > 0 && Boolean($('as-of').value || $('published-by').value));
  renderTable(points);
  const csvParams = { geo, asOf: $('as-of').value, publishedBy: $('published-by').value };
  $('csv').href = apiUrl(`/v1/indicators/${encodeURIComponent(indicator.id)}/observations`, { ...csvParams, format: 'csv', lang: state.lang });
  $('csv').setAttribute('download', `${indicator.id}${geo ? `-${geo}` : ''}.csv`);
  $('json').href = apiUrl(`/v1/indicators/${encodeURIComponent(indicator.id)}/observations`, csvParams);
  $('downloads').hidden = false;
}

function renderLegend(points, comparing) {
  const statuses = [...new Set(points.map(p => p.status))];
  const items = statuses.map(status => node('span', { class: `key status-${status}`, text: t(status) ?? status }));
  if (points.some(p => p.revised)) {
    items.push(node('span', { class: 'key revised', text: t('revised') }));
  }
  if (comparing) {
    items.push(node('span', { class: 'key compare', text: t('later') }));
  }
  $('legend').replaceChildren(...items);
}

function renderTable(points) {
  const table = $('values');
  const rows = points.map(p => node('tr', { 'data-key': key(p) },
    node('td', { text: p.geo }),
    node('th', { scope: 'row' }, node('button', { type: 'button', class: 'link', text: p.period, onclick: () => showDetail(p, true) })),
    node('td', { class: 'number', text: formatValue(p, state.indicator.unit) }),
    node('td', { lang: 'ko', text: p.asStated?.text ?? '' }),
    node('td', { text: `${t(p.status) ?? p.status}${p.revised ? ` · ${t('revised')}` : ''}` })));
  table.tBodies[0].replaceChildren(...rows);
  table.hidden = points.length === 0;
}

// ---------------------------------------------------------------- one value

async function showDetail(point, focus) {
  state.selected = key(point);
  writeAddress(currentView());
  for (const handle of document.querySelectorAll('.point')) {
    handle.setAttribute('aria-pressed', String(`${handle.dataset.geo}:${handle.dataset.period}` === state.selected));
  }
  const indicator = state.indicator;
  const section = $('detail');
  section.hidden = false;
  $('detail-title').textContent = `${name(indicator.name)} · ${point.geo} · ${point.period}`;
  const body = $('detail-body');
  const facts = node('dl', { class: 'facts' },
    node('dt', { text: t('value') }), node('dd', { class: 'value', text: formatValue(point, indicator.unit) }),
    point.asStated ? node('dt', { text: t('asStated') }) : null,
    point.asStated ? node('dd', { lang: 'ko', text: point.asStated.text }) : null,
    node('dt', { text: t('status') }), node('dd', { text: t(point.status) ?? point.status }),
    node('dt', { text: t('periodBasis') }), node('dd', {}, `${point.period} (${t(point.periodBasis?.basis) ?? point.periodBasis?.basis})`,
      point.periodBasis?.evidence ? explanation(point.periodBasis.evidence) : null),
    node('dt', { text: t('knownSince') }), node('dd', { text: point.realtimeStart }),
    node('dt', { text: t('release') }), node('dd', { text: point.release }),
    point.note ? node('dt', { text: t('note') }) : null,
    point.note ? node('dd', { text: point.note }) : null);
  const derivation = point.derivation
    ? node('p', { class: 'derivation' }, `${t('derivedFrom')}: `, ...point.derivation.inputs.flatMap((input, i) => [
      i ? ', ' : '',
      node('a', { href: `/?indicator=${encodeURIComponent(input.indicator)}&geo=${input.geo}&period=${encodeURIComponent(input.period)}`,
        text: `${input.indicator} ${input.geo} ${input.period}` })]))
    : null;
  const citations = (point.citations ?? []).map(citation);
  const params = { geo: point.geo, asOf: $('as-of').value };
  const citePath = `/v1/indicators/${encodeURIComponent(indicator.id)}/observations/${encodeURIComponent(point.period)}/citation`;
  const cite = node('p', { class: 'cite' }, node('span', { text: `${t('cite')}: ` }),
    ...[['bibtex', 'BibTeX', 'bib'], ['csl', 'CSL-JSON', 'json'], ['ris', 'RIS', 'ris']].map(([format, label, extension]) =>
      node('a', { href: apiUrl(citePath, { ...params, format }), download: `${indicator.id}-${point.geo}-${point.period.replace('/', '_')}.${extension}`,
        class: 'button', 'data-format': format, text: label })));
  const historyList = node('ol', { class: 'history', 'aria-live': 'polite' });
  body.replaceChildren(...[facts, derivation, ...citations, cite, node('h3', { text: t('history') }), historyList].filter(Boolean));
  if (focus) {
    section.focus();
  }
  try {
    const answer = await api(`/v1/indicators/${encodeURIComponent(indicator.id)}/observations/${encodeURIComponent(point.period)}/history`, params);
    historyList.replaceChildren(...answer.versions.map(version => node('li', { class: version.retracted ? 'withdrawn' : null },
      node('span', { class: 'value', text: version.retracted ? t('withdrawn') : formatValue(version, indicator.unit) }),
      ` · ${version.realtimeStart}${version.realtimeEnd ? ` – ${version.realtimeEnd}` : ''} · ${version.release}`,
      version.reason ? ` · ${version.reason}` : '')));
  } catch (error) {
    historyList.replaceChildren(node('li', { text: error.message }));
  }
}

function explanation(text) {
  return node('details', {}, node('summary', { text: t('why') }), node('p', { text }));
}

function citation(cited) {
  const quote = cited.selectors?.textQuote;
  const quoted = node('blockquote', { lang: 'ko', class: 'quote' },
    quote?.prefix ? node('span', { class: 'context', text: `…${quote.prefix}` }) : null,
    node('mark', { text: quote?.exact ?? cited.quote }),
    quote?.suffix ? node('span', { class: 'context', text: `${quote.suffix}…` }) : null);
  const document = cited.document;
  const publication = cited.publication;
  return node('article', { class: 'citation' },
    node('h3', { text: t('quote') }),
    quoted,
    node('p', { class: 'verification', text: cited.verification?.status === 'verified' ? t('verified') : t('unverified') }),
    node('dl', { class: 'facts' },
      node('dt', { text: t('document') }),
      node('dd', {}, node('cite', { lang: 'ko', text: document.title.original }),
        document.title.en && state.lang === 'en' ? ` (${document.title.en})` : '',
        `, ${printed(document.publisher)} · ${document.fileName}`),
      node('dt', { text: t('published') }),
      node('dd', {}, dateText(document.published), document.published?.evidence ? explanation(document.published.evidence) : null),
      node('dt', { text: t('publication') }),
      publication
        ? node('dd', {}, node('cite', { lang: 'ko', text: publication.title.original }),
          publication.title.en && state.lang === 'en' ? ` (${publication.title.en})` : '',
          `, ${printed(publication.publisher)} · ${t('published')} ${dateText(publication.published)}`,
          publication.published?.evidence ? explanation(publication.published.evidence) : null,
          publication.url ? node('a', { href: publication.url, rel: 'noopener', text: publication.url }) : ` · ${t('noUrl')}`)
        : node('dd', { text: t('noPublication') })));
}

// ---------------------------------------------------------------- wiring

function debounce(action, wait) {
  let timer;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(action, wait);
  };
}

async function start() {
  const view = readAddress();
  state.lang = view.lang ?? (navigator.language?.startsWith('ko') ? 'ko' : 'en');
  applyLanguage();
  $('q').value = view.q;
  const filters = loadFilters().catch(error => showProblem(error));
  const opened = view.indicator ? openIndicator(view.indicator, view) : Promise.resolve();
  await filters;
  $('topic').value = view.topic;
  $('geo-filter').value = view.area;
  await Promise.all([search(), opened]);

  const refind = () => {
    search();
    writeAddress(currentView());
  };
  $('q').addEventListener('input', debounce(refind, 200));
  $('topic').addEventListener('change', refind);
  $('geo-filter').addEventListener('change', refind);
  $('filters').addEventListener('submit', event => {
    event.preventDefault();
    refind();
  });
  for (const control of ['geo', 'as-of', 'published-by']) {
    $(control).addEventListener('change', () => {
      state.selected = null;
      $('detail').hidden = true;
      showSeries(true);
    });
  }
  $('view').addEventListener('submit', event => event.preventDefault());
  $('language').addEventListener('click', () => {
    state.lang = state.lang === 'ko' ? 'en' : 'ko';
    applyLanguage();
    writeAddress(currentView());
    search();
    if (state.indicator) {
      const chosen = { asOf: $('as-of').value, publishedBy: $('published-by').value, geo: $('geo').value };
      fillVintages(chosen.asOf);
      fillPublishedBy(chosen.publishedBy);
      fillSelect($('geo'), state.indicator.series.map(s => s.geo), geo => `${geoName(geo)} (${geo})`,
        state.indicator.series.length > 1 ? 'allGeos' : null);
      $('geo').value = chosen.geo;
      showSeries().then(() => {
        const point = state.series.points.find(p => key(p) === state.selected);
        if (point) {
          showDetail(point, false);
        }
      });
    }
  });
  window.addEventListener('popstate', () => {
    const next = readAddress();
    if (next.indicator) {
      openIndicator(next.indicator, next);
    }
  });
  document.body.dataset.ready = 'true';
  performance.mark('explorer-ready');
}

start();
