import type { PollTier } from '../../bill/poll-tier.js';
import type { Language } from '../../bill/stages.js';
import type { NextPoll } from '../../pipeline/next-poll.js';
import type { BillPollOutcome } from '../../pipeline/poll-bills.js';
import type { DigestEntryState } from '../../store/digest-entry-reader.js';

/** The console's sections, in the order of its navigation. */
export const CONSOLE_SECTIONS = ['bills', 'subscribers', 'topics', 'origins', 'endpoints', 'feeds', 'queues'] as const;
export type ConsoleSection = (typeof CONSOLE_SECTIONS)[number];

/** What a finished action says on the page it leads back to (`?done=`). */
export type ConsoleNotice = 'watched' | 'unwatched' | 'pinged' | 'disabled' | 'enabled' | 'redriven' | 'unsubscribed' | 'signedOut' | 'followsSaved' | 'weekAheadOn' | 'weekAheadOff';

/** Every word of the operator's console, in one language. */
export interface ConsoleStrings {
  title: string;
  sections: Record<ConsoleSection, string>;
  nav: string;
  signOut: string;
  signedInUntil(time: string): string;
  notices: Record<ConsoleNotice, (count: string) => string>;
  pager: { first: string; next: string; label: string };
  none: string;
  never: string;
  actions: string;
  signIn: { title: string; intro: string; key: string; keyHint: string; submit: string; wrongKey: string; tooMany: string; noKey: string; formExpired: string };
  health: { ok: string; notPolled: string; failing(count: number): string; lastPolled: string; lastOk: string; lastError: string; title: string };
  bills: {
    intro: string;
    number: string;
    addLabel: string;
    addHint: string;
    add: string;
    remove: string;
    columns: { number: string; title: string; stage: string; status: string; lastEvent: string; lastPolled: string; nextPoll: string; health: string };
    /** A bill's next poll (shared/pipeline/next-poll.ts), before its time. */
    nextPoll: Record<NextPoll['kind'], string>;
    tiers: Record<PollTier, string>;
    statusOnly: string;
    billTitle(number: string): string;
    watchList: string;
    lastRun: string;
    runSummary(bills: number, changes: number, outcomes: string): string;
    /** How a bill's poll ended, as the last run counts them. */
    outcomes: Record<BillPollOutcome, string>;
    notParsed: string;
    notFound: string;
    sozd: string;
    /** The bill's public page (shared/api/routes/bill-page-routes.ts). */
    publicPage: string;
    watched: string;
    notWatched: string;
    lawNumber: string;
    timeline: string;
    timelineIntro: string;
    timelineColumns: { date: string; event: string; stage: string; change: string; alerts: string };
    baseline: string;
    newEvent: string;
    stageChange(from: string, to: string): string;
    statusChange(from: string, to: string): string;
    lawAssigned(number: string): string;
    published: string;
    noDeliveries: string;
    allDeliveries: string;
    noEvents: string;
  };
  change: {
    title(event: string, bill: string): string;
    statusTitle(bill: string): string;
    id: string;
    intro: string;
    columns: { channel: string; recipient: string; state: string; attempts: string; detail: string };
    digestsTitle: string;
    digestsIntro: string;
    digestStates: Record<DigestEntryState | 'absent', string>;
    digestsFirst(count: number): string;
    noDigests: string;
  };
  subscribers: {
    intro: string;
    search: string;
    address: string;
    addressHint: string;
    status: string;
    frequency: string;
    bill: string;
    any: string;
    statuses: Record<'pending' | 'active' | 'unsubscribed' | 'suppressed', string>;
    frequencies: Record<'instant' | 'daily' | 'weekly', string>;
    /** Beside the frequency of a subscriber who asked for the Monday week-ahead email. */
    weekAhead: string;
    columns: { address: string; status: string; bills: string; topics: string; origins: string; frequency: string; language: string; suppression: string };
    unsubscribe: string;
    noneFound: string;
  };
  origins: {
    intro: string;
    committees: string;
    initiators: string;
    columns: { name: string; seen: string; followers: string };
    seenIn(bill: string): string;
    followedOnly: string;
    kinds: Record<'committee' | 'initiator', string>;
    lastSeen: string;
    lastBill: string;
    followersTitle: string;
    notFound: string;
  };
  topics: {
    intro: string;
    columns: { query: string; followers: string };
    tryTitle: string;
    tryIntro: string;
    query: string;
    headline: string;
    summary: string;
    tryButton: string;
    matches: string;
    noMatch: string;
    badQuery(problem: string): string;
    foundIn(term: string, field: string, words: string): string;
    missingTerms(terms: string): string;
    followersTitle: string;
    followerColumns: { follower: string; channel: string; frequency: string; stages: string };
    matchesTitle: string;
    matchColumns: { when: string; item: string; why: string };
    noMatches: string;
    notFound: string;
    allStages: string;
  };
  endpoints: {
    intro: string;
    columns: { endpoint: string; owner: string; status: string; bills: string; health: string };
    active: string;
    disabled(reason: string): string;
    failingSince(time: string): string;
    healthy: string;
    ping: string;
    disable: string;
    enable: string;
    replay: string;
    replayHint: string;
    deliveriesTitle: string;
    deliveryColumns: { when: string; event: string; state: string; attempts: string; result: string };
    notFound: string;
    id: string;
    secret: string;
    secretOnce: string;
    testSent: string;
    open: string;
    registered: string;
    refused(problem: string): string;
    committees: string;
    initiators: string;
    weekAhead: string;
    weekAheadOn: string;
    weekAheadOff: string;
    /** Why a webhook has no week ahead. */
    weekAheadWebhook: string;
    turnWeekAheadOn: string;
    turnWeekAheadOff: string;
    follows: { title: string; hint: string; committeesHint: string; initiatorsHint: string; submit: string };
    form: {
      title: string;
      kind: string;
      kinds: Record<'webhook' | 'slack' | 'telegram', string>;
      url: string;
      urlHint: string;
      chat: string;
      chatHint: string;
      owner: string;
      ownerHint: string;
      bills: string;
      billsHint: string;
      language: string;
      frequency: string;
      weekAhead: string;
      submit: string;
    };
  };
  feeds: { intro: string; none: string; baseline: string; warning: string; lastItems: string; allItems: string; notPolled: string; notFound: string; itemColumns: { seen: string; title: string; published: string } };
  queues: {
    intro: string;
    columns: { queue: string; waiting: string; inFlight: string; oldest: string };
    notConfigured: string;
    unavailable(error: string): string;
    oldestNote: string;
    waited(minutes: number): string;
    noMessages: string;
    deadLetters: string;
    deadLettersIntro: string;
    empty: string;
    emptyQueues(labels: string): string;
    messageColumns: { sent: string; receives: string; body: string };
    redrive(target: string): string;
    redriveHint: string;
  };
  errors: { title: string; signedOut: string; badRequest: string; notFound: string; formExpired: string; signInAgain: string; backToConsole: string };
}

const EN: ConsoleStrings = {
  title: 'Operator console',
  sections: { bills: 'Bills', subscribers: 'Subscribers', topics: 'Topics', origins: 'Committees and initiators', endpoints: 'Endpoints', feeds: 'Feeds', queues: 'Queues' },
  nav: 'Console sections',
  signOut: 'Sign out',
  signedInUntil: (time) => `Signed in until ${time}`,
  notices: {
    watched: (bill) => `${bill} is on the watch list; the next poll reads it.`,
    unwatched: (bill) => `${bill} is no longer watched; its history is kept.`,
    pinged: () => 'A test event is queued; its delivery appears below within seconds.',
    disabled: () => 'The endpoint is disabled: what it misses is kept and replayed when it is enabled again.',
    enabled: (count) => `The endpoint is enabled; ${count} missed or failed deliveries are queued again.`,
    redriven: (count) => `${count} messages were moved back to their queue.`,
    unsubscribed: (address) => `${address} is unsubscribed from everything.`,
    signedOut: () => 'You are signed out.',
    followsSaved: () => 'Saved: each new bill from these committees and initiators is sent here once and followed from then on.',
    weekAheadOn: () => 'The week ahead is on: a post every Monday at 08:00 in the endpoint’s time zone.',
    weekAheadOff: () => 'The week ahead is off.',
  },
  pager: { first: '← First page', next: 'Next page →', label: 'Pages' },
  none: '—',
  never: 'never',
  actions: 'Actions',
  signIn: {
    title: 'Operator console',
    intro: 'Sign in with the admin key of this deployment. The key is sent once, in this form; the browser then holds a 30-minute session.',
    key: 'Admin key',
    keyHint: 'ADMIN_API_KEY (locally in .data/admin-api-key; in AWS the admin-api-key secret).',
    submit: 'Sign in',
    wrongKey: 'That is not the admin key.',
    tooMany: 'Too many sign-in attempts from this address. Wait a quarter of an hour and try again.',
    noKey: 'No admin key is configured, so nobody can sign in. Set ADMIN_API_KEY.',
    formExpired: 'The form expired. It has been reloaded: send it again.',
  },
  health: {
    ok: 'OK',
    notPolled: 'not polled yet',
    failing: (count) => `failing (${count} in a row)`,
    lastPolled: 'Last polled',
    lastOk: 'Last good poll',
    lastError: 'Last error',
    title: 'Source health',
  },
  bills: {
    intro: 'Every bill on the watch list, in number order, with where it stands and how polling it goes.',
    number: 'Bill number',
    addLabel: 'Watch a bill',
    addHint: 'A number as sozd writes it, e.g. 1075342-8.',
    add: 'Watch',
    remove: 'Unwatch',
    columns: { number: 'Number', title: 'Title', stage: 'Stage', status: 'Status', lastEvent: 'Last event', lastPolled: 'Last polled', nextPoll: 'Next poll', health: 'Source health' },
    nextPoll: { 'next-run': 'next run,', 'next-pass': 'from', backoff: 'not on sozd yet; again from' },
    tiers: { active: 'active: every run', dormant: 'dormant: its tier’s pass', resting: 'resting: its tier’s pass' },
    statusOnly: 'status change, no new event',
    billTitle: (number) => `Bill ${number}`,
    watchList: 'Watch list',
    lastRun: 'Last poll run',
    runSummary: (bills, changes, outcomes) =>
      `${bills} ${bills === 1 ? 'bill' : 'bills'} polled, ${changes} ${changes === 1 ? 'change' : 'changes'}${outcomes ? ` (${outcomes})` : ''}`,
    outcomes: {
      unchanged: 'unchanged',
      baseline: 'first read',
      changed: 'changed',
      'no-new-events': 'read, no new event',
      missing: 'not on sozd',
      'missing-later': 'not on sozd, asked later',
      'dropped-missing': 'dropped, never on sozd',
      'source-error': 'source error',
      conflict: 'written by another poller',
    },
    notParsed: 'not read yet',
    notFound: 'This bill is not known.',
    sozd: 'Page on sozd.duma.gov.ru',
    publicPage: 'Public page',
    watched: 'Watched',
    notWatched: 'Not watched',
    lawNumber: 'Law number',
    timeline: 'Timeline',
    timelineIntro: 'Every dated event and every status change that came without one, newest first, with the change it made and the alerts that change caused on each channel.',
    timelineColumns: { date: 'Date', event: 'Event', stage: 'Stage', change: 'Change', alerts: 'Alerts' },
    baseline: 'baseline: there before watching, not alerted',
    newEvent: 'new event',
    stageChange: (from, to) => `stage: ${from} → ${to}`,
    statusChange: (from, to) => `status: ${from} → ${to}`,
    lawAssigned: (number) => `law number ${number}`,
    published: 'law published',
    noDeliveries: 'none yet',
    allDeliveries: 'every delivery',
    noEvents: 'No dated events yet.',
  },
  change: {
    title: (event, bill) => `Alerts of event ${event} of bill ${bill}`,
    statusTitle: (bill) => `Alerts of a status change of bill ${bill}`,
    id: 'Change id',
    intro: 'Each instant delivery of this change, per channel (email, webhook, Slack, Telegram) and recipient.',
    columns: { channel: 'Channel', recipient: 'Recipient', state: 'State', attempts: 'Attempts', detail: 'Detail' },
    digestsTitle: 'In digests',
    digestsIntro: 'Daily and weekly followers (email, Slack, Telegram) get the change in their next digest: where it stands on each one’s list.',
    digestStates: { pending: 'waiting for the next digest', sent: 'sent in a digest', absent: 'not on the list' },
    digestsFirst: (count) => `The first ${count} digest followers are shown.`,
    noDigests: 'No daily or weekly follower.',
  },
  subscribers: {
    intro: 'Subscribers in address order. Narrow by the start of the address, status, frequency or a followed bill.',
    search: 'Search',
    address: 'Address starts with',
    addressHint: 'e.g. anna@ or newsroom',
    status: 'Status',
    frequency: 'Frequency',
    bill: 'Follows bill',
    any: 'any',
    statuses: { pending: 'pending confirmation', active: 'active', unsubscribed: 'unsubscribed', suppressed: 'suppressed' },
    frequencies: { instant: 'instant', daily: 'daily digest', weekly: 'weekly digest' },
    weekAhead: '+ the week ahead on Mondays',
    columns: { address: 'Address', status: 'Status', bills: 'Bills', topics: 'Topics', origins: 'Committees and initiators', frequency: 'Frequency', language: 'Language', suppression: 'Suppression' },
    unsubscribe: 'Unsubscribe',
    noneFound: 'No subscriber on this page matches.',
  },
  origins: {
    intro: 'Every committee and initiator bills\' passports have named, and every name a subscriber follows, with how many follow each.',
    committees: 'Committees',
    initiators: 'Initiators',
    columns: { name: 'Name', seen: 'Last named in a passport', followers: 'Followers' },
    seenIn: (bill) => `bill ${bill}`,
    followedOnly: 'followed, never named in a passport',
    kinds: { committee: 'Committee', initiator: 'Initiator' },
    lastSeen: 'Last named in a passport',
    lastBill: 'By bill',
    followersTitle: 'Followers',
    notFound: 'No such committee or initiator.',
  },
  topics: {
    intro: 'Every topic query someone follows, with its followers and what it matched.',
    columns: { query: 'Query', followers: 'Followers' },
    tryTitle: 'Try a query on a headline',
    tryIntro: 'Checks a query against a headline (and a summary) with the same matching the alerts use. Nothing is saved or sent.',
    query: 'Query',
    headline: 'Headline',
    summary: 'Summary (optional)',
    tryButton: 'Try',
    matches: 'Matches.',
    noMatch: 'Does not match.',
    badQuery: (problem) => `The query does not parse: ${problem}.`,
    foundIn: (term, field, words) => `${term} — in the ${field}: ${words}`,
    missingTerms: (terms) => `Found nowhere: ${terms}`,
    followersTitle: 'Followers',
    followerColumns: { follower: 'Follower', channel: 'Channel', frequency: 'Frequency', stages: 'Stages' },
    matchesTitle: 'Recent matches',
    matchColumns: { when: 'When', item: 'Item', why: 'Why' },
    noMatches: 'No matches yet.',
    notFound: 'No such topic.',
    allStages: 'all',
  },
  endpoints: {
    intro: 'Webhook, Slack and Telegram endpoints, newest last, with their health and last deliveries.',
    columns: { endpoint: 'Endpoint', owner: 'Owner', status: 'Status', bills: 'Bills', health: 'Health' },
    active: 'active',
    disabled: (reason) => `disabled (${reason})`,
    failingSince: (time) => `failing since ${time}`,
    healthy: 'delivering',
    ping: 'Send a test event',
    disable: 'Disable',
    enable: 'Enable and replay',
    replay: 'Replay missed and failed',
    replayHint: 'Queues again, from attempt 1, every delivery this endpoint missed or that failed all its attempts.',
    deliveriesTitle: 'Last deliveries',
    deliveryColumns: { when: 'When', event: 'Event', state: 'State', attempts: 'Attempts', result: 'Last result' },
    notFound: 'No such endpoint.',
    id: 'Endpoint id',
    secret: 'Signing secret',
    secretOnce: 'Give this secret to the receiver now: it verifies each delivery’s signature, and it is not shown again (rotate it from the API or the CLI if it is lost).',
    testSent: 'A test event is on its way (a Telegram chat has had its test message already).',
    open: 'Open the endpoint and its deliveries',
    registered: 'Endpoint registered',
    refused: (problem) => `Not registered: ${problem}`,
    committees: 'Committees',
    initiators: 'Initiators',
    weekAhead: 'Week ahead',
    weekAheadOn: 'on, Mondays 08:00',
    weekAheadOff: 'off',
    weekAheadWebhook: 'not for webhooks',
    turnWeekAheadOn: 'Turn the week ahead on',
    turnWeekAheadOff: 'Turn the week ahead off',
    follows: {
      title: 'Committees and initiators followed',
      hint: 'Each new bill from one of them is sent here once (“new bill from …”, the webhook event bill.new) and followed from then on. Names match without regard to case, ё/е, spacing or quotes; bills already brought stay followed when a name is removed.',
      committeesHint: 'One responsible committee per line, as sozd names it, e.g. Комитет Государственной Думы по бюджету и налогам.',
      initiatorsHint: 'One per line, as sozd names them: a deputy (А.К.Исаев), a body (Правительство Российской Федерации), a regional legislature.',
      submit: 'Save what it follows',
    },
    form: {
      title: 'Register an endpoint',
      kind: 'Kind',
      kinds: { webhook: 'Webhook (signed JSON)', slack: 'Slack incoming webhook', telegram: 'Telegram chat' },
      url: 'URL (webhook, Slack)',
      urlHint: 'https only, on a public address; Slack’s is https://hooks.slack.com/services/…',
      chat: 'Chat id (Telegram)',
      chatHint: 'A numeric chat id (e.g. -1001234567890) or @channel, with the service’s bot added to the chat.',
      owner: 'Owner’s email',
      ownerHint: 'Who to tell when it fails or is disabled.',
      bills: 'Bills',
      billsHint: 'Bill numbers separated by spaces or commas, e.g. 1075342-8 999001-8.',
      language: 'Language',
      frequency: 'Frequency (Slack, Telegram; webhooks are always instant)',
      weekAhead: 'Post the week ahead every Monday at 08:00 Moscow time (Slack, Telegram)',
      submit: 'Register',
    },
  },
  feeds: {
    intro: 'The configured news feeds, how polling them goes, and what they brought last.',
    none: 'No news feeds are configured (FEEDS).',
    baseline: 'Baseline taken',
    warning: 'Last warning',
    lastItems: 'Last items',
    allItems: 'all items',
    notPolled: 'not polled yet',
    notFound: 'No such feed.',
    itemColumns: { seen: 'First seen', title: 'Title', published: 'Published' },
  },
  queues: {
    intro: 'How many messages each queue holds. Dead-letter queues keep what failed every attempt; read them, then move them back.',
    columns: { queue: 'Queue', waiting: 'Waiting', inFlight: 'In flight', oldest: 'Oldest message' },
    notConfigured: 'not configured',
    unavailable: (error) => `cannot be read: ${error}`,
    oldestNote: 'The oldest message is read without receiving any (a receive would count as a delivery attempt): on this machine from the queue emulator’s inspection, in AWS from CloudWatch’s ApproximateAgeOfOldestMessage (a minute behind at most; an idle queue has no datapoint).',
    waited: (minutes) => (minutes < 1 ? 'less than a minute ago' : minutes < 120 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`),
    noMessages: 'no messages',
    deadLetters: 'Dead letters',
    deadLettersIntro: 'Up to 10 messages per queue, looked at without taking them: they stay in the queue.',
    empty: 'Empty.',
    emptyQueues: (labels) => `Empty: ${labels}.`,
    messageColumns: { sent: 'First sent', receives: 'Receives', body: 'Message' },
    redrive: (target) => `Move all back to ${target}`,
    redriveHint: 'Sends each message back to the queue it came from (up to 100 per click), then deletes it here. Consumers are idempotent, so a message sent twice is handled once.',
  },
  errors: {
    title: 'Something is not right',
    signedOut: 'This needs a signed-in console session: you are not signed in, the session has ended, or the form came from another site. Nothing was changed.',
    badRequest: 'The request could not be understood.',
    notFound: 'There is no such page in the console.',
    formExpired: 'The form expired or did not come from this console. Nothing was changed.',
    signInAgain: 'Sign in',
    backToConsole: 'Back to the console',
  },
};

const RU: ConsoleStrings = {
  title: 'Консоль оператора',
  sections: { bills: 'Законопроекты', subscribers: 'Подписчики', topics: 'Темы', origins: 'Комитеты и инициаторы', endpoints: 'Вебхуки', feeds: 'Ленты', queues: 'Очереди' },
  nav: 'Разделы консоли',
  signOut: 'Выйти',
  signedInUntil: (time) => `Сеанс до ${time}`,
  notices: {
    watched: (bill) => `${bill} в списке отслеживания; следующий опрос его прочитает.`,
    unwatched: (bill) => `${bill} больше не отслеживается; история сохранена.`,
    pinged: () => 'Тестовое событие в очереди; его доставка появится ниже через несколько секунд.',
    disabled: () => 'Адрес отключён: пропущенное сохраняется и будет отправлено, когда его включат.',
    enabled: (count) => `Адрес включён; пропущенных и неудавшихся доставок снова в очереди: ${count}.`,
    redriven: (count) => `Сообщений возвращено в очередь: ${count}.`,
    unsubscribed: (address) => `${address} отписан от всего.`,
    signedOut: () => 'Вы вышли.',
    followsSaved: () => 'Сохранено: о каждом новом законопроекте этих комитетов и инициаторов сюда придёт одно сообщение, и он будет отслеживаться.',
    weekAheadOn: () => 'Неделя впереди включена: сообщение каждый понедельник в 08:00 по часовому поясу адреса.',
    weekAheadOff: () => 'Неделя впереди выключена.',
  },
  pager: { first: '← Первая страница', next: 'Следующая страница →', label: 'Страницы' },
  none: '—',
  never: 'никогда',
  actions: 'Действия',
  signIn: {
    title: 'Консоль оператора',
    intro: 'Войдите с ключом администратора этой установки. Ключ отправляется один раз, в этой форме; дальше браузер держит сеанс на 30 минут.',
    key: 'Ключ администратора',
    keyHint: 'ADMIN_API_KEY (локально в .data/admin-api-key; в AWS — секрет admin-api-key).',
    submit: 'Войти',
    wrongKey: 'Это не ключ администратора.',
    tooMany: 'Слишком много попыток входа с этого адреса. Подождите четверть часа и попробуйте снова.',
    noKey: 'Ключ администратора не задан, войти нельзя. Задайте ADMIN_API_KEY.',
    formExpired: 'Форма устарела. Она загружена заново: отправьте её ещё раз.',
  },
  health: {
    ok: 'в порядке',
    notPolled: 'ещё не опрашивался',
    failing: (count) => `ошибки (${count} подряд)`,
    lastPolled: 'Последний опрос',
    lastOk: 'Последний удачный опрос',
    lastError: 'Последняя ошибка',
    title: 'Состояние источника',
  },
  bills: {
    intro: 'Все отслеживаемые законопроекты по номерам: на какой они стадии и как идёт их опрос.',
    number: 'Номер законопроекта',
    addLabel: 'Отслеживать законопроект',
    addHint: 'Номер, как его пишет sozd, например 1075342-8.',
    add: 'Отслеживать',
    remove: 'Не отслеживать',
    columns: { number: 'Номер', title: 'Название', stage: 'Стадия', status: 'Статус', lastEvent: 'Последнее событие', lastPolled: 'Последний опрос', nextPoll: 'Следующий опрос', health: 'Источник' },
    nextPoll: { 'next-run': 'в следующем цикле,', 'next-pass': 'с', backoff: 'ещё нет на sozd; снова с' },
    tiers: { active: 'активный: каждый цикл', dormant: 'спящий: по проходу своего уровня', resting: 'завершённый: по проходу своего уровня' },
    statusOnly: 'смена статуса без нового события',
    billTitle: (number) => `Законопроект ${number}`,
    watchList: 'Список отслеживания',
    lastRun: 'Последний опрос списка',
    runSummary: (bills, changes, outcomes) => `опрошено законопроектов: ${bills}, изменений: ${changes}${outcomes ? ` (${outcomes})` : ''}`,
    outcomes: {
      unchanged: 'без изменений',
      baseline: 'прочитаны впервые',
      changed: 'изменились',
      'no-new-events': 'прочитаны, новых событий нет',
      missing: 'нет на sozd',
      'missing-later': 'нет на sozd, спросим позже',
      'dropped-missing': 'сняты, так и не появились на sozd',
      'source-error': 'ошибка источника',
      conflict: 'записаны другим опросом',
    },
    notParsed: 'ещё не прочитан',
    notFound: 'Такой законопроект неизвестен.',
    sozd: 'Страница на sozd.duma.gov.ru',
    publicPage: 'Публичная страница',
    watched: 'Отслеживается',
    notWatched: 'Не отслеживается',
    lawNumber: 'Номер закона',
    timeline: 'Хронология',
    timelineIntro: 'Все датированные события и смены статуса без события, новые сверху: что изменилось и какие уведомления это вызвало по каждому каналу.',
    timelineColumns: { date: 'Дата', event: 'Событие', stage: 'Стадия', change: 'Изменение', alerts: 'Уведомления' },
    baseline: 'исходное состояние: было до начала отслеживания, без уведомления',
    newEvent: 'новое событие',
    stageChange: (from, to) => `стадия: ${from} → ${to}`,
    statusChange: (from, to) => `статус: ${from} → ${to}`,
    lawAssigned: (number) => `номер закона ${number}`,
    published: 'закон опубликован',
    noDeliveries: 'пока нет',
    allDeliveries: 'все доставки',
    noEvents: 'Датированных событий пока нет.',
  },
  change: {
    title: (event, bill) => `Уведомления о событии ${event} законопроекта ${bill}`,
    statusTitle: (bill) => `Уведомления о смене статуса законопроекта ${bill}`,
    id: 'Изменение',
    intro: 'Каждая мгновенная доставка этого изменения по каналам (почта, вебхук, Slack, Telegram) и получателям.',
    columns: { channel: 'Канал', recipient: 'Получатель', state: 'Состояние', attempts: 'Попытки', detail: 'Подробности' },
    digestsTitle: 'В дайджестах',
    digestsIntro: 'Подписчики ежедневных и еженедельных дайджестов (почта, Slack, Telegram) получают изменение в ближайшем дайджесте: где оно в списке каждого.',
    digestStates: { pending: 'ждёт ближайшего дайджеста', sent: 'отправлено в дайджесте', absent: 'нет в списке' },
    digestsFirst: (count) => `Показаны первые ${count} подписчиков дайджестов.`,
    noDigests: 'Нет подписчиков дайджестов.',
  },
  subscribers: {
    intro: 'Подписчики по адресам. Можно сузить по началу адреса, статусу, частоте или законопроекту.',
    search: 'Найти',
    address: 'Адрес начинается с',
    addressHint: 'например anna@ или newsroom',
    status: 'Статус',
    frequency: 'Частота',
    bill: 'Следит за законопроектом',
    any: 'любой',
    statuses: { pending: 'ждёт подтверждения', active: 'активен', unsubscribed: 'отписан', suppressed: 'заблокирован' },
    frequencies: { instant: 'сразу', daily: 'ежедневный дайджест', weekly: 'еженедельный дайджест' },
    weekAhead: '+ неделя впереди по понедельникам',
    columns: { address: 'Адрес', status: 'Статус', bills: 'Законопроекты', topics: 'Темы', origins: 'Комитеты и инициаторы', frequency: 'Частота', language: 'Язык', suppression: 'Блокировка' },
    unsubscribe: 'Отписать',
    noneFound: 'На этой странице подходящих подписчиков нет.',
  },
  origins: {
    intro: 'Все комитеты и инициаторы, названные в паспортах законопроектов, и все имена, на которые подписаны, с числом подписчиков каждого.',
    committees: 'Комитеты',
    initiators: 'Инициаторы',
    columns: { name: 'Название', seen: 'Последний раз в паспорте', followers: 'Подписчики' },
    seenIn: (bill) => `законопроект ${bill}`,
    followedOnly: 'есть подписчики, в паспортах не встречался',
    kinds: { committee: 'Комитет', initiator: 'Инициатор' },
    lastSeen: 'Последний раз в паспорте',
    lastBill: 'Законопроект',
    followersTitle: 'Подписчики',
    notFound: 'Такого комитета или инициатора нет.',
  },
  topics: {
    intro: 'Все темы, на которые кто-то подписан: подписчики и что нашлось.',
    columns: { query: 'Запрос', followers: 'Подписчики' },
    tryTitle: 'Проверить запрос на заголовке',
    tryIntro: 'Проверяет запрос на заголовке (и анонсе) тем же сопоставлением, что и уведомления. Ничего не сохраняется и не отправляется.',
    query: 'Запрос',
    headline: 'Заголовок',
    summary: 'Анонс (необязательно)',
    tryButton: 'Проверить',
    matches: 'Совпадает.',
    noMatch: 'Не совпадает.',
    badQuery: (problem) => `Запрос не разобран: ${problem}.`,
    foundIn: (term, field, words) => `${term} — в поле ${field}: ${words}`,
    missingTerms: (terms) => `Не найдено: ${terms}`,
    followersTitle: 'Подписчики',
    followerColumns: { follower: 'Подписчик', channel: 'Канал', frequency: 'Частота', stages: 'Стадии' },
    matchesTitle: 'Последние совпадения',
    matchColumns: { when: 'Когда', item: 'Материал', why: 'Почему' },
    noMatches: 'Совпадений пока нет.',
    notFound: 'Такой темы нет.',
    allStages: 'все',
  },
  endpoints: {
    intro: 'Вебхуки, каналы Slack и чаты Telegram, новые внизу: их состояние и последние доставки.',
    columns: { endpoint: 'Адрес', owner: 'Владелец', status: 'Статус', bills: 'Законопроекты', health: 'Состояние' },
    active: 'включён',
    disabled: (reason) => `отключён (${reason})`,
    failingSince: (time) => `ошибки с ${time}`,
    healthy: 'доставляет',
    ping: 'Отправить тестовое событие',
    disable: 'Отключить',
    enable: 'Включить и доотправить',
    replay: 'Доотправить пропущенное',
    replayHint: 'Снова ставит в очередь, с первой попытки, всё, что этот адрес пропустил или что не удалось доставить.',
    deliveriesTitle: 'Последние доставки',
    deliveryColumns: { when: 'Когда', event: 'Событие', state: 'Состояние', attempts: 'Попытки', result: 'Последний ответ' },
    id: 'Идентификатор',
    secret: 'Секрет подписи',
    secretOnce: 'Передайте этот секрет получателю сейчас: им проверяется подпись каждой доставки, и больше он не будет показан (если потерян, смените его через API или CLI).',
    testSent: 'Тестовое событие отправлено (чат Telegram уже получил тестовое сообщение).',
    open: 'Открыть вебхук и его доставки',
    registered: 'Вебхук зарегистрирован',
    refused: (problem) => `Не зарегистрирован: ${problem}`,
    committees: 'Комитеты',
    initiators: 'Инициаторы',
    weekAhead: 'Неделя впереди',
    weekAheadOn: 'включена, по понедельникам в 08:00',
    weekAheadOff: 'выключена',
    weekAheadWebhook: 'не для вебхуков',
    turnWeekAheadOn: 'Включить неделю впереди',
    turnWeekAheadOff: 'Выключить неделю впереди',
    follows: {
      title: 'Комитеты и инициаторы',
      hint: 'О каждом новом законопроекте любого из них сюда придёт одно сообщение («Новый законопроект: …», событие вебхука bill.new), и он будет отслеживаться. Регистр, ё/е, пробелы и кавычки в названиях не важны; законопроекты, которые уже пришли, остаются, если название убрать.',
      committeesHint: 'Один ответственный комитет на строку, как его называет СОЗД, например Комитет Государственной Думы по бюджету и налогам.',
      initiatorsHint: 'По одному на строку, как их называет СОЗД: депутат (А.К.Исаев), орган (Правительство Российской Федерации), региональное законодательное собрание.',
      submit: 'Сохранить',
    },
    form: {
      title: 'Зарегистрировать вебхук',
      kind: 'Вид',
      kinds: { webhook: 'Вебхук (подписанный JSON)', slack: 'Входящий вебхук Slack', telegram: 'Чат Telegram' },
      url: 'URL (вебхук, Slack)',
      urlHint: 'Только https, на публичном адресе; у Slack — https://hooks.slack.com/services/…',
      chat: 'Идентификатор чата (Telegram)',
      chatHint: 'Числовой идентификатор чата (например, -1001234567890) или @канал; бот сервиса должен быть добавлен в чат.',
      owner: 'Почта владельца',
      ownerHint: 'Кому сообщить, если доставка не удаётся или вебхук отключён.',
      bills: 'Законопроекты',
      billsHint: 'Номера через пробел или запятую, например 1075342-8 999001-8.',
      language: 'Язык',
      frequency: 'Частота (Slack, Telegram; вебхуки всегда мгновенные)',
      weekAhead: 'Неделя впереди: сообщение каждый понедельник в 08:00 по Москве (Slack, Telegram)',
      submit: 'Зарегистрировать',
    },
    notFound: 'Такого адреса нет.',
  },
  feeds: {
    intro: 'Настроенные новостные ленты: как идёт их опрос и что пришло последним.',
    none: 'Новостные ленты не настроены (FEEDS).',
    baseline: 'Исходное состояние снято',
    warning: 'Последнее предупреждение',
    lastItems: 'Последние материалы',
    allItems: 'все материалы',
    notPolled: 'ещё не опрашивалась',
    notFound: 'Такой ленты нет.',
    itemColumns: { seen: 'Впервые замечен', title: 'Заголовок', published: 'Опубликован' },
  },
  queues: {
    intro: 'Сколько сообщений в каждой очереди. Очереди недоставленных хранят то, что не удалось обработать ни с одной попытки: их можно прочитать и вернуть.',
    columns: { queue: 'Очередь', waiting: 'Ждут', inFlight: 'В обработке', oldest: 'Самое старое' },
    notConfigured: 'не настроена',
    unavailable: (error) => `не читается: ${error}`,
    oldestNote: 'Самое старое сообщение читается, не получая сообщений (получение засчиталось бы как попытка доставки): на этой машине — из просмотра эмулятора очередей, в AWS — из метрики CloudWatch ApproximateAgeOfOldestMessage (с отставанием до минуты; у простаивающей очереди данных нет).',
    waited: (minutes) => (minutes < 1 ? 'меньше минуты назад' : minutes < 120 ? `${minutes} мин назад` : `${Math.round(minutes / 60)} ч назад`),
    noMessages: 'сообщений нет',
    deadLetters: 'Недоставленные',
    deadLettersIntro: 'До 10 сообщений каждой очереди, просмотренных без изъятия: они остаются в очереди.',
    empty: 'Пусто.',
    emptyQueues: (labels) => `Пусто: ${labels}.`,
    messageColumns: { sent: 'Отправлено', receives: 'Получений', body: 'Сообщение' },
    redrive: (target) => `Вернуть все в ${target}`,
    redriveHint: 'Отправляет каждое сообщение обратно в его очередь (до 100 за раз) и удаляет его здесь. Обработчики идемпотентны: дважды отправленное сообщение обработается один раз.',
  },
  errors: {
    title: 'Что-то не так',
    signedOut: 'Для этого нужен сеанс консоли: вы не вошли, сеанс закончился или форма пришла с другого сайта. Ничего не изменено.',
    badRequest: 'Запрос не удалось разобрать.',
    notFound: 'Такой страницы в консоли нет.',
    formExpired: 'Форма устарела или пришла не из этой консоли. Ничего не изменено.',
    signInAgain: 'Войти',
    backToConsole: 'Вернуться в консоль',
  },
};

/** The console's words in a language. */
export function consoleStrings(language: Language): ConsoleStrings {
  return language === 'ru' ? RU : EN;
}
