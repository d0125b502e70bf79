import type { PhraseEntry } from './phrase-pattern.js';

/**
 * The standard decisions of sozd events: each clause of a decision (clauses are separated by ";"), without its
 * parenthesised details, which {@link DECISION_DETAILS} render. From the ten real pages, sozd's decisions for the
 * reconsideration stages, and the demo's own pages. Placeholders: `{committee}` a committee, `{recipients}` a list of
 * addressees, `{clause}` a nested decision.
 */
export const DECISION_PHRASES: readonly PhraseEntry[] = [
  // Stage 1: submission.
  { ru: 'зарегистрирован и направлен Председателю Государственной Думы', en: 'registered and sent to the Chairman of the State Duma' },
  { ru: 'направлен в комитет(ы) Государственной Думы', en: 'sent to the State Duma committee(s)' },
  { ru: 'направлен в Совет Государственной Думы', en: 'sent to the Council of the State Duma' },
  { ru: 'дополнение состава инициаторов законопроекта', en: 'co-sponsors added to the bill' },
  { ru: 'исключение из состава инициаторов законопроекта', en: 'co-sponsors removed from the bill' },
  { ru: 'официальный отзыв Правительства Российской Федерации', en: 'official response of the Government of the Russian Federation' },
  { ru: 'заключение Правительства Российской Федерации', en: 'opinion of the Government of the Russian Federation' },
  { ru: 'новая редакция законопроекта', en: 'new version of the bill' },
  { ru: 'отзыв законопроекта субъектом права законодательной инициативы', en: 'the bill is withdrawn by its initiator' },
  // Stage 2: preliminary consideration.
  { ru: 'предложить принять законопроект к рассмотрению', en: 'propose accepting the bill for consideration' },
  { ru: 'назначить ответственный комитет', en: 'appoint the responsible committee' },
  { ru: 'назначить ответственным комитетом {committee}', en: 'appoint the {committee} as the responsible committee' },
  { ru: 'назначить комитет-соисполнитель', en: 'appoint a co-responsible committee' },
  { ru: 'представить отзывы, предложения и замечания к законопроекту', en: 'submit responses, proposals and comments on the bill' },
  { ru: 'подготовить законопроект к рассмотрению Государственной Думой', en: 'prepare the bill for consideration by the State Duma' },
  { ru: 'включить законопроект в примерную программу', en: 'include the bill in the provisional programme' },
  { ru: 'включить в примерную программу законопроектной работы', en: 'include in the provisional programme of legislative work' },
  { ru: 'направить законопроект на заключение в Правовое управление', en: 'send the bill to the Legal Department for its opinion' },
  { ru: 'направить законопроект {recipients} на отзыв', en: 'send the bill to {recipients} for their responses' },
  { ru: 'направить законопроект {recipients} для представления отзывов, предложений и замечаний', en: 'send the bill to {recipients} for responses, proposals and comments' },
  { ru: 'вернуть законопроект субъекту права законодательной инициативы', en: 'return the bill to its initiator' },
  { ru: 'возвратить законопроект субъекту права законодательной инициативы', en: 'return the bill to its initiator' },
  { ru: 'возвратить законопроект субъекту права законодательной инициативы для выполнения требований {clause}', en: 'return the bill to its initiator to meet the requirements of {clause}' },
  { ru: 'иное решение', en: 'another decision' },
  // Stages 3–5: the readings.
  { ru: 'предложить принять законопроект в первом чтении', en: 'propose adopting the bill in the first reading' },
  { ru: 'предложить принять законопроект во втором чтении', en: 'propose adopting the bill in the second reading' },
  { ru: 'предложить принять законопроект в третьем чтении', en: 'propose adopting the bill in the third reading' },
  { ru: 'предложить принять закон', en: 'propose adopting the law' },
  { ru: 'предложить отклонить законопроект', en: 'propose rejecting the bill' },
  { ru: 'предложить возвратить законопроект к процедуре первого чтения', en: 'propose returning the bill to the first reading' },
  { ru: 'предложить возвратить законопроект к процедуре второго чтения', en: 'propose returning the bill to the second reading' },
  {
    ru: 'предложить субъекту права законодательной инициативы изменить текст законопроекта в соответствии с частью шестой статьи 112 Регламента Государственной Думы',
    en: "propose that the initiator amend the bill's text under Article 112(6) of the State Duma's Rules of Procedure",
  },
  { ru: 'представить измененный текст законопроекта', en: 'submit the amended text of the bill' },
  { ru: 'направить измененный текст законопроекта для подготовки замечаний и предложений', en: 'send the amended text of the bill out for comments and proposals' },
  { ru: 'утвердить таблицу поправок, рекомендуемых ответственным комитетом к принятию', en: 'approve the table of amendments the responsible committee recommends for adoption' },
  { ru: 'утвердить таблицу поправок, рекомендуемых ответственным комитетом к отклонению', en: 'approve the table of amendments the responsible committee recommends for rejection' },
  { ru: 'без решения комитета', en: 'no committee decision' },
  { ru: 'внести законопроект на рассмотрение Государственной Думы', en: 'put the bill before the State Duma' },
  { ru: 'перенести рассмотрение законопроекта', en: 'postpone consideration of the bill' },
  { ru: 'перенести рассмотрение законопроекта на другое пленарное заседание', en: 'postpone consideration of the bill to another plenary sitting' },
  { ru: 'отложить рассмотрение законопроекта', en: 'defer consideration of the bill' },
  { ru: 'законопроект не рассматривался', en: 'the bill was not considered' },
  { ru: 'принять законопроект в первом чтении', en: 'adopt the bill in the first reading' },
  { ru: 'принять законопроект во втором чтении', en: 'adopt the bill in the second reading' },
  { ru: 'принять законопроект в третьем чтении', en: 'adopt the bill in the third reading' },
  { ru: 'принять закон', en: 'adopt the law' },
  { ru: 'представить поправки к законопроекту', en: 'submit amendments to the bill' },
  { ru: 'изменить срок представления поправок', en: 'change the deadline for amendments' },
  { ru: 'возвратить законопроект к процедуре первого чтения', en: 'return the bill to the first reading' },
  { ru: 'возвратить законопроект к процедуре второго чтения', en: 'return the bill to the second reading' },
  { ru: 'отклонить законопроект', en: 'reject the bill' },
  { ru: 'снять законопроект с рассмотрения', en: 'withdraw the bill from consideration' },
  // Stage 6: the Federation Council.
  { ru: 'поступил из Государственной Думы', en: 'received from the State Duma' },
  { ru: 'направлен в комитеты (комиссии)', en: 'sent to committees (commissions)' },
  { ru: 'направлен в комитеты', en: 'sent to committees' },
  { ru: 'ответственным назначен', en: 'responsible committee appointed' },
  { ru: 'соисполнителями назначены', en: 'co-responsible committees appointed' },
  { ru: 'рассмотрение закона Советом Федерации не является обязательным', en: 'consideration of the law by the Federation Council is not mandatory' },
  { ru: 'рассмотрение закона Советом Федерации является обязательным', en: 'consideration of the law by the Federation Council is mandatory' },
  { ru: 'предложить одобрить закон', en: 'propose approving the law' },
  { ru: 'предложить отклонить закон', en: 'propose rejecting the law' },
  { ru: 'закон одобрен', en: 'the law is approved' },
  { ru: 'одобрить закон', en: 'approve the law' },
  { ru: 'закон отклонен', en: 'the law is rejected' },
  { ru: 'отклонить закон', en: 'reject the law' },
  // Stages 7 and 9: reconsideration.
  { ru: 'принять закон в редакции согласительной комиссии', en: 'adopt the law as worded by the conciliation commission' },
  { ru: 'принять закон в ранее принятой редакции', en: 'adopt the law as previously adopted' },
  { ru: 'одобрить закон в ранее принятой редакции', en: 'approve the law as previously adopted' },
  { ru: 'принять закон в редакции специальной комиссии', en: 'adopt the law as worded by the special commission' },
  { ru: 'снять закон с дальнейшего рассмотрения', en: 'withdraw the law from further consideration' },
  // Stages 8 and 11: the President, publication.
  { ru: 'закон подписан', en: 'the law is signed' },
  { ru: 'закон опубликован', en: 'the law is published' },
];

/**
 * The parenthesised details of a decision ("(Предлагаемая дата рассмотрения Государственной Думой 10.05.2018)"), each
 * separated by ";". Placeholders: `{date}` a date, `{person}` a person (spelt in Latin letters), `{title}` a bill title
 * (kept as the original), `{days}` a count of days in words.
 */
export const DECISION_DETAILS: readonly PhraseEntry[] = [
  { ru: 'Предлагаемый срок представления отзывов, предложений и замечаний в комитет {date:date}', en: 'proposed deadline for responses, proposals and comments to the committee: {date}' },
  { ru: 'Срок представления отзывов, предложений и замечаний в комитет {date:date}', en: 'deadline for responses, proposals and comments to the committee: {date}' },
  { ru: 'Предлагаемая дата рассмотрения Государственной Думой {date:date}', en: 'proposed date of consideration by the State Duma: {date}' },
  { ru: 'Плановая дата рассмотрения Государственной Думой {date:date}', en: 'planned date of consideration by the State Duma: {date}' },
  { ru: 'Рекомендуемый срок представления поправок {date:date}', en: 'recommended deadline for amendments: {date}' },
  { ru: 'Срок представления поправок в {days} срок со дня принятия постановления', en: 'amendments due within {days} days of the resolution' },
  { ru: 'Дата направления закона в Совет Федерации {date:date}', en: 'sent to the Federation Council on {date}' },
  { ru: 'Дата направления уведомления в Государственную Думу {date:date}', en: 'notice sent to the State Duma on {date}' },
  { ru: 'Дата направления Президенту Российской Федерации {date:date}', en: 'sent to the President of the Russian Federation on {date}' },
  { ru: 'Новое наименование: "{title}"', en: 'new title: {title}' },
  { ru: 'Новое наименование: «{title}»', en: 'new title: {title}' },
  { ru: 'Весенняя сессия', en: 'spring session' },
  { ru: 'Осенняя сессия', en: 'autumn session' },
  { ru: 'январь', en: 'January' },
  { ru: 'февраль', en: 'February' },
  { ru: 'март', en: 'March' },
  { ru: 'апрель', en: 'April' },
  { ru: 'май', en: 'May' },
  { ru: 'июнь', en: 'June' },
  { ru: 'июль', en: 'July' },
  { ru: 'август', en: 'August' },
  { ru: 'сентябрь', en: 'September' },
  { ru: 'октябрь', en: 'October' },
  { ru: 'ноябрь', en: 'November' },
  { ru: 'декабрь', en: 'December' },
  { ru: 'Депутат ГД {person:person}', en: 'State Duma deputy {person}' },
  { ru: 'Депутаты ГД {person:person}', en: 'State Duma deputies {person}' },
  { ru: 'Депутат Государственной Думы {person:person}', en: 'State Duma deputy {person}' },
  { ru: 'Член СФ {person:person}', en: 'Federation Council member {person}' },
  { ru: 'Члены СФ {person:person}', en: 'Federation Council members {person}' },
  { ru: '{person:person}', en: '{person}' },
  { ru: 'Правительство Российской Федерации', en: 'the Government of the Russian Federation' },
  { ru: 'Государственное Собрание - Курултай Республики Башкортостан', en: 'the State Assembly – Kurultai of the Republic of Bashkortostan' },
];

/** Deadlines in words ("в тридцатидневный срок"). */
export const DAY_COUNTS: readonly PhraseEntry[] = [
  { ru: 'семидневный', en: 'seven' },
  { ru: 'десятидневный', en: 'ten' },
  { ru: 'пятнадцатидневный', en: 'fifteen' },
  { ru: 'двадцатидневный', en: 'twenty' },
  { ru: 'тридцатидневный', en: 'thirty' },
  { ru: 'шестидесятидневный', en: 'sixty' },
];

/** Addressees a bill is sent to for responses. */
export const RECIPIENTS: readonly PhraseEntry[] = [
  { ru: 'Президенту Российской Федерации', en: 'the President of the Russian Federation' },
  { ru: 'в Совет Федерации', en: 'the Federation Council' },
  { ru: 'в Правительство Российской Федерации', en: 'the Government of the Russian Federation' },
  { ru: 'в комитеты Государственной Думы', en: 'the State Duma committees' },
  { ru: 'депутатам Государственной Думы', en: 'State Duma deputies' },
  { ru: 'во фракции в Государственной Думе', en: 'the State Duma factions' },
  { ru: 'в Верховный Суд Российской Федерации', en: 'the Supreme Court of the Russian Federation' },
  { ru: 'в Конституционный Суд Российской Федерации', en: 'the Constitutional Court of the Russian Federation' },
  { ru: 'в Общественную палату Российской Федерации', en: 'the Civic Chamber of the Russian Federation' },
  { ru: 'в законодательные (представительные) и высшие исполнительные органы государственной власти субъектов Российской Федерации', en: 'the legislative and executive authorities of the regions' },
  { ru: 'в законодательные (представительные) органы государственной власти субъектов Российской Федерации', en: 'the regional legislatures' },
];
