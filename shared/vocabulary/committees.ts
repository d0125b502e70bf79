/** Whose committee: the State Duma's or the Federation Council's. */
export type CommitteeBody = 'duma' | 'council';

/** A committee by its remit ("по бюджету и налогам"), as sozd names it after "Комитет Государственной Думы" / "Совета Федерации". */
export interface CommitteeEntry {
  body: CommitteeBody;
  ru: string;
  en: string;
}

/**
 * The committees of the real pages (every convocation they span), and the State Duma's and the Federation Council's
 * other committees of the 8th convocation, so that a bill of any committee reads in English.
 */
export const COMMITTEES: readonly CommitteeEntry[] = [
  // State Duma, on the real pages.
  { body: 'duma', ru: 'по бюджету и налогам', en: 'Budget and Taxes' },
  { body: 'duma', ru: 'по государственному строительству и законодательству', en: 'State Building and Legislation' },
  { body: 'duma', ru: 'по гражданскому, уголовному, арбитражному и процессуальному законодательству', en: 'Civil, Criminal, Arbitration and Procedural Legislation' },
  { body: 'duma', ru: 'по земельным отношениям и строительству', en: 'Land Relations and Construction' },
  { body: 'duma', ru: 'по конституционному законодательству и государственному строительству', en: 'Constitutional Legislation and State Building' },
  { body: 'duma', ru: 'по науке и высшему образованию', en: 'Science and Higher Education' },
  { body: 'duma', ru: 'по охране здоровья', en: 'Health Protection' },
  { body: 'duma', ru: 'по природным ресурсам, собственности и земельным отношениям', en: 'Natural Resources, Property and Land Relations' },
  { body: 'duma', ru: 'по просвещению', en: 'Education' },
  { body: 'duma', ru: 'по транспорту', en: 'Transport' },
  { body: 'duma', ru: 'по транспорту и строительству', en: 'Transport and Construction' },
  { body: 'duma', ru: 'по труду, социальной политике и делам ветеранов', en: "Labour, Social Policy and Veterans' Affairs" },
  { body: 'duma', ru: 'по финансовому рынку', en: 'the Financial Market' },
  // State Duma, 8th convocation.
  { body: 'duma', ru: 'по аграрным вопросам', en: 'Agrarian Issues' },
  { body: 'duma', ru: 'по безопасности и противодействию коррупции', en: 'Security and Anti-Corruption' },
  { body: 'duma', ru: 'по защите семьи, вопросам отцовства, материнства и детства', en: 'Protection of the Family, Fatherhood, Motherhood and Childhood' },
  { body: 'duma', ru: 'по делам национальностей', en: 'Ethnic Affairs' },
  { body: 'duma', ru: 'по делам Содружества Независимых Государств, евразийской интеграции и связям с соотечественниками', en: 'CIS Affairs, Eurasian Integration and Relations with Compatriots' },
  { body: 'duma', ru: 'по делам Содружества Независимых Государств', en: 'CIS Affairs' },
  { body: 'duma', ru: 'по делам общественных объединений и религиозных организаций', en: 'Public Associations and Religious Organisations' },
  { body: 'duma', ru: 'по защите конкуренции', en: 'Protection of Competition' },
  { body: 'duma', ru: 'по информационной политике, информационным технологиям и связи', en: 'Information Policy, Information Technology and Communications' },
  { body: 'duma', ru: 'по контролю', en: 'Oversight' },
  { body: 'duma', ru: 'по культуре', en: 'Culture' },
  { body: 'duma', ru: 'по малому и среднему предпринимательству', en: 'Small and Medium-Sized Business' },
  { body: 'duma', ru: 'по международным делам', en: 'International Affairs' },
  { body: 'duma', ru: 'по молодежной политике', en: 'Youth Policy' },
  { body: 'duma', ru: 'по обороне', en: 'Defence' },
  { body: 'duma', ru: 'по промышленности и торговле', en: 'Industry and Trade' },
  { body: 'duma', ru: 'по развитию Дальнего Востока и Арктики', en: 'Development of the Far East and the Arctic' },
  { body: 'duma', ru: 'по региональной политике и местному самоуправлению', en: 'Regional Policy and Local Self-Government' },
  { body: 'duma', ru: 'по Регламенту и организации работы Государственной Думы', en: "the Rules of Procedure and Organisation of the State Duma's Work" },
  { body: 'duma', ru: 'по строительству и жилищно-коммунальному хозяйству', en: 'Construction, Housing and Utilities' },
  { body: 'duma', ru: 'по транспорту и развитию транспортной инфраструктуры', en: 'Transport and Transport Infrastructure' },
  { body: 'duma', ru: 'по туризму и развитию туристической инфраструктуры', en: 'Tourism and Tourism Infrastructure' },
  { body: 'duma', ru: 'по физической культуре и спорту', en: 'Physical Culture and Sport' },
  { body: 'duma', ru: 'по экологии, природным ресурсам и охране окружающей среды', en: 'Ecology, Natural Resources and Environmental Protection' },
  { body: 'duma', ru: 'по экономической политике', en: 'Economic Policy' },
  { body: 'duma', ru: 'по энергетике', en: 'Energy' },
  // Federation Council, on the real pages.
  { body: 'council', ru: 'по аграрно-продовольственной политике и природопользованию', en: 'Agrarian and Food Policy and Environmental Management' },
  { body: 'council', ru: 'по бюджету и финансовым рынкам', en: 'Budget and Financial Markets' },
  { body: 'council', ru: 'по конституционному законодательству и государственному строительству', en: 'Constitutional Legislation and State Building' },
  { body: 'council', ru: 'по конституционному законодательству, правовым и судебным вопросам, развитию гражданского общества', en: 'Constitutional Legislation, Legal and Judicial Affairs and Civil Society Development' },
  { body: 'council', ru: 'по науке, образованию и культуре', en: 'Science, Education and Culture' },
  { body: 'council', ru: 'по социальной политике', en: 'Social Policy' },
  { body: 'council', ru: 'по экономической политике', en: 'Economic Policy' },
  // Federation Council, current.
  { body: 'council', ru: 'по международным делам', en: 'International Affairs' },
  { body: 'council', ru: 'по обороне и безопасности', en: 'Defence and Security' },
  { body: 'council', ru: 'по федеративному устройству, региональной политике, местному самоуправлению и делам Севера', en: 'Federal Structure, Regional Policy, Local Self-Government and Northern Affairs' },
];
