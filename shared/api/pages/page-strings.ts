import type { Language } from '../../bill/stages.js';

/** Every word the web pages say, in one language. */
export interface PageStrings {
  siteName: string;
  otherLanguage: { code: Language; label: string };
  skipToContent: string;
  errorSummary: string;
  fields: {
    email: string;
    emailHint: string;
    bills: string;
    billsHint: string;
    topics: string;
    topicsHint: string;
    committees: string;
    committeesHint: string;
    committeesOffered: string;
    committeesOther: string;
    initiators: string;
    initiatorsHint: string;
    initiatorsAdd: string;
    initiatorsAddHint: string;
    language: string;
    timeZone: string;
    timeZoneHint: string;
    frequency: string;
    frequencies: Record<'instant' | 'daily' | 'weekly', string>;
    stages: string;
    allStages: string;
    chosenStages: string;
    newsAlerts: string;
    weekAhead: string;
  };
  languages: Record<Language, string>;
  signup: { title: string; intro: string; submit: string; followSomething: string };
  checkEmail: { title: string; body: string; again: string };
  confirm: { title: string; body(email: string): string; replaces: string; submit: string };
  confirmed: { title: string; body: string; manage: string };
  preferences: {
    title: string;
    intro(email: string): string;
    save: string;
    saved: string;
    resubscribe: string;
    unsubscribedNotice: string;
    pendingNotice: string;
    suppressedNotice: string;
    leaveTitle: string;
    leaveAll: string;
    followedTitle: string;
    feedsTitle: string;
    feedsIntro: string;
    feedLink: string;
    calendarLink: string;
    feedsReset: string;
    feedsWereReset: string;
  };
  unsubscribe: {
    title: string;
    body(email: string): string;
    submit: string;
    doneTitle: string;
    doneBody: string;
    alreadyTitle: string;
    alreadyBody(email: string): string;
    subscribeAgain: string;
  };
  manageLink: { title: string; intro: string; submit: string; sentTitle: string; sentBody: string };
  errors: {
    badLinkTitle: string;
    badLink: string;
    expiredLink: string;
    expiredSignup: string;
    suppressed: string;
    formExpired: string;
    tooManyRequests: string;
    badRequest: string;
    signupAgain: string;
    newLink: string;
  };
}

const EN: PageStrings = {
  siteName: 'duma-alerts',
  otherLanguage: { code: 'ru', label: 'Русский' },
  skipToContent: 'Skip to content',
  errorSummary: 'Please correct the following:',
  fields: {
    email: 'Email address',
    emailHint: 'We send one confirmation email; nothing else until you confirm.',
    bills: 'Bills to follow',
    billsHint: 'One bill number per line, e.g. 1075342-8.',
    topics: 'Topics to follow',
    topicsHint: 'One query per line: words, "exact phrases", AND, OR, NOT, parentheses.',
    committees: 'Committees to follow',
    committeesHint: 'One responsible committee per line, as sozd names it, e.g. Комитет Государственной Думы по бюджету и налогам: each new bill it is given is alerted and followed.',
    committeesOffered: 'Tick the committees whose every new bill you want (those responsible for the bills read so far):',
    committeesOther: 'Other committees',
    initiators: 'Initiators to follow',
    initiatorsHint: 'One per line, as sozd names them: a deputy (А.К.Исаев), a body (Правительство Российской Федерации), a regional legislature. Each new bill they introduce is alerted and followed.',
    initiatorsAdd: 'Add an initiator',
    initiatorsAddHint: 'Start typing to choose from the initiators of the bills read so far; it joins the list above when you save.',
    language: 'Language of the emails',
    timeZone: 'Time zone',
    timeZoneHint: 'An IANA name such as Europe/Moscow or Asia/Yekaterinburg; digests arrive in your morning.',
    frequency: 'How often',
    frequencies: { instant: 'Each change as it happens', daily: 'A daily digest', weekly: 'A weekly digest' },
    stages: 'Which stage changes matter',
    allStages: 'All stages',
    chosenStages: 'Only these stages:',
    newsAlerts: 'Also tell me when the news mentions a bill I follow',
    weekAhead: 'Every Monday at 08:00 my time, send me the week ahead: what is planned for my bills in the next 7 days',
  },
  languages: { ru: 'Russian', en: 'English' },
  signup: {
    title: 'Follow State Duma bills',
    intro: 'Get an email when a bill you follow changes: exactly what changed, old → new.',
    submit: 'Subscribe',
    followSomething: 'Follow at least one bill or topic.',
  },
  checkEmail: {
    title: 'Check your email',
    body: 'If this address can receive our email, a confirmation link is on its way. Follow it within 7 days to start receiving alerts.',
    again: 'Back to the sign-up form',
  },
  confirm: {
    title: 'Confirm your subscription',
    body: (email) => `Confirm that ${email} should receive duma-alerts emails for exactly this:`,
    replaces: 'This address is already subscribed: confirming replaces what it follows now with the list above.',
    submit: 'Confirm exactly this',
  },
  confirmed: {
    title: 'Subscription confirmed',
    body: 'You will receive alerts for what you follow. Every email has a link to change your preferences or to unsubscribe.',
    manage: 'Change your preferences',
  },
  preferences: {
    title: 'Your preferences',
    intro: (email) => `Alerts for ${email}.`,
    save: 'Save preferences',
    saved: 'Your preferences are saved.',
    resubscribe: 'Subscribe again with these preferences',
    unsubscribedNotice: 'You are unsubscribed and receive no emails. Saving will subscribe you again.',
    pendingNotice: 'This subscription is not confirmed yet: follow the link in the confirmation email.',
    suppressedNotice: 'Email to this address bounced or was reported as spam, so we no longer send any.',
    leaveTitle: 'Leave',
    leaveAll: 'Unsubscribe from everything',
    followedTitle: 'Bills you follow',
    feedsTitle: 'Your private feed and calendar',
    feedsIntro:
      'Everything you follow, for a feed reader or a calendar app. These links are private: anyone who has them sees what you follow. If one leaked, reset them; the old links stop working.',
    feedLink: 'Atom feed of your bills',
    calendarLink: 'Calendar of their planned events (iCalendar)',
    feedsReset: 'Reset my feed links',
    feedsWereReset: 'Your feed links were reset: the old ones no longer work. Give your feed reader and calendar the new ones below.',
  },
  unsubscribe: {
    title: 'Unsubscribe',
    body: (email) => `Stop all duma-alerts emails to ${email}?`,
    submit: 'Unsubscribe',
    doneTitle: 'You are unsubscribed',
    doneBody: 'You will receive no more emails from duma-alerts.',
    alreadyTitle: 'Already unsubscribed',
    alreadyBody: (email) => `${email} is already unsubscribed and receives no emails from duma-alerts.`,
    subscribeAgain: 'Subscribe again',
  },
  manageLink: {
    title: 'Get a new preferences link',
    intro: 'Preferences links work for 30 days. Give your address and, if it is subscribed, we email it a fresh link.',
    submit: 'Email me a link',
    sentTitle: 'Check your email',
    sentBody: 'If this address is subscribed, a new preferences link is on its way. It works for 30 days.',
  },
  errors: {
    badLinkTitle: 'This link does not work',
    badLink: 'The link is incomplete or was changed. Copy the whole link from the email and try again.',
    expiredLink: 'The link has expired. Ask for a new one by email.',
    expiredSignup: 'This sign-up has expired or was already used. Sign up again to get a fresh link.',
    suppressed: 'Email to this address bounced or was reported as spam, so we cannot subscribe it.',
    formExpired: 'The form expired. Please reload the page and send it again.',
    tooManyRequests: 'Too many requests. Please wait a while and try again.',
    badRequest: 'The request could not be understood.',
    signupAgain: 'Go to the sign-up form',
    newLink: 'Email me a new link',
  },
};

const RU: PageStrings = {
  siteName: 'duma-alerts',
  otherLanguage: { code: 'en', label: 'English' },
  skipToContent: 'Перейти к содержанию',
  errorSummary: 'Исправьте, пожалуйста:',
  fields: {
    email: 'Адрес электронной почты',
    emailHint: 'Мы пришлём одно письмо для подтверждения и ничего больше, пока вы не подтвердите.',
    bills: 'Законопроекты',
    billsHint: 'Один номер на строку, например 1075342-8.',
    topics: 'Темы',
    topicsHint: 'Один запрос на строку: слова, "точные фразы", И, ИЛИ, НЕ, скобки.',
    committees: 'Комитеты',
    committeesHint: 'Один ответственный комитет на строку, как его называет СОЗД, например Комитет Государственной Думы по бюджету и налогам: о каждом новом законопроекте, переданном ему, придёт сообщение, и он будет отслеживаться.',
    committeesOffered: 'Отметьте комитеты, о каждом новом законопроекте которых хотите знать (ответственные за уже прочитанные законопроекты):',
    committeesOther: 'Другие комитеты',
    initiators: 'Инициаторы',
    initiatorsHint: 'Один на строку, как их называет СОЗД: депутат (А.К.Исаев), орган (Правительство Российской Федерации), региональное законодательное собрание. О каждом их новом законопроекте придёт сообщение, и он будет отслеживаться.',
    initiatorsAdd: 'Добавить инициатора',
    initiatorsAddHint: 'Начните вводить имя, чтобы выбрать из инициаторов уже прочитанных законопроектов; при сохранении оно добавится к списку выше.',
    language: 'Язык писем',
    timeZone: 'Часовой пояс',
    timeZoneHint: 'Название IANA, например Europe/Moscow или Asia/Yekaterinburg; дайджесты приходят утром по вашему времени.',
    frequency: 'Как часто',
    frequencies: { instant: 'Каждое изменение сразу', daily: 'Ежедневный дайджест', weekly: 'Еженедельный дайджест' },
    stages: 'Какие стадии важны',
    allStages: 'Все стадии',
    chosenStages: 'Только эти стадии:',
    newsAlerts: 'Сообщать, когда о моём законопроекте пишут в новостях',
    weekAhead: 'По понедельникам в 08:00 по моему времени присылать планы на неделю: что запланировано по моим законопроектам на 7 дней вперёд',
  },
  languages: { ru: 'Русский', en: 'Английский' },
  signup: {
    title: 'Следите за законопроектами Госдумы',
    intro: 'Письмо, когда законопроект, за которым вы следите, меняется: что именно изменилось, было → стало.',
    submit: 'Подписаться',
    followSomething: 'Выберите хотя бы один законопроект или тему.',
  },
  checkEmail: {
    title: 'Проверьте почту',
    body: 'Если на этот адрес можно доставить наше письмо, ссылка для подтверждения уже в пути. Перейдите по ней в течение 7 дней, чтобы получать уведомления.',
    again: 'Вернуться к форме подписки',
  },
  confirm: {
    title: 'Подтвердите подписку',
    body: (email) => `Подтвердите, что на адрес ${email} нужно присылать письма duma-alerts именно об этом:`,
    replaces: 'Этот адрес уже подписан: подтверждение заменит то, за чем он следит сейчас, списком выше.',
    submit: 'Подтвердить именно это',
  },
  confirmed: {
    title: 'Подписка подтверждена',
    body: 'Вы будете получать уведомления о том, за чем следите. В каждом письме есть ссылка, чтобы изменить настройки или отписаться.',
    manage: 'Изменить настройки',
  },
  preferences: {
    title: 'Ваши настройки',
    intro: (email) => `Уведомления для ${email}.`,
    save: 'Сохранить настройки',
    saved: 'Настройки сохранены.',
    resubscribe: 'Подписаться снова с этими настройками',
    unsubscribedNotice: 'Вы отписаны и не получаете писем. Сохранение подпишет вас снова.',
    pendingNotice: 'Подписка ещё не подтверждена: перейдите по ссылке из письма с подтверждением.',
    suppressedNotice: 'Письма на этот адрес не доставлялись или были помечены как спам, поэтому мы больше ничего не отправляем.',
    leaveTitle: 'Отписка',
    leaveAll: 'Отписаться от всего',
    followedTitle: 'Законопроекты, за которыми вы следите',
    feedsTitle: 'Ваша личная лента и календарь',
    feedsIntro:
      'Всё, за чем вы следите, — для программы чтения лент или календаря. Эти ссылки личные: тот, у кого они есть, видит, за чем вы следите. Если ссылка попала к другим, сбросьте их — старые перестанут работать.',
    feedLink: 'Лента Atom ваших законопроектов',
    calendarLink: 'Календарь их запланированных событий (iCalendar)',
    feedsReset: 'Сбросить ссылки на ленту',
    feedsWereReset: 'Ссылки на ленту сброшены: старые больше не работают. Укажите в программе чтения лент и в календаре новые ссылки ниже.',
  },
  unsubscribe: {
    title: 'Отписка',
    body: (email) => `Больше не присылать письма duma-alerts на адрес ${email}?`,
    submit: 'Отписаться',
    doneTitle: 'Вы отписаны',
    doneBody: 'Писем от duma-alerts больше не будет.',
    alreadyTitle: 'Вы уже отписаны',
    alreadyBody: (email) => `Адрес ${email} уже отписан и не получает писем duma-alerts.`,
    subscribeAgain: 'Подписаться снова',
  },
  manageLink: {
    title: 'Новая ссылка на настройки',
    intro: 'Ссылка на настройки действует 30 дней. Укажите адрес, и, если он подписан, мы пришлём на него новую ссылку.',
    submit: 'Прислать ссылку',
    sentTitle: 'Проверьте почту',
    sentBody: 'Если этот адрес подписан, новая ссылка на настройки уже в пути. Она действует 30 дней.',
  },
  errors: {
    badLinkTitle: 'Ссылка не работает',
    badLink: 'Ссылка неполная или изменена. Скопируйте её из письма целиком и попробуйте снова.',
    expiredLink: 'Срок действия ссылки истёк. Запросите новую по почте.',
    expiredSignup: 'Эта заявка на подписку истекла или уже подтверждена. Подпишитесь снова, чтобы получить новую ссылку.',
    suppressed: 'Письма на этот адрес не доставлялись или были помечены как спам, поэтому подписать его нельзя.',
    formExpired: 'Форма устарела. Обновите страницу и отправьте её снова.',
    tooManyRequests: 'Слишком много запросов. Подождите немного и попробуйте снова.',
    badRequest: 'Запрос не удалось разобрать.',
    signupAgain: 'К форме подписки',
    newLink: 'Прислать новую ссылку',
  },
};

/** The pages' words in a language. */
export function pageStrings(language: Language): PageStrings {
  return language === 'ru' ? RU : EN;
}
