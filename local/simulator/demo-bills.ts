import type { BillPageSpec, EventSpec } from './sozd-page-builder.js';

/** A bill whose history the simulator reveals one event at a time. */
export interface SimulatedBill {
  page: Omit<BillPageSpec, 'events' | 'plannedEvents' | 'archived' | 'currentStageId' | 'status'>;
  /** The whole history in date order; the page shows a growing prefix of it. */
  history: EventSpec[];
  /** Whether the bill is archived once its whole history is out (a signed and published law). */
  archivedAtEnd: boolean;
}

const guid = (bill: number, event: number) =>
  `D0000000-0000-4000-8000-${String(bill).padStart(4, '0')}${String(event).padStart(8, '0')}`;

const committee = 'Комитет Государственной Думы по информационной политике, информационным технологиям и связи';

/** A government bill from registration to publication: every stage of a law's life. */
export const lawBill: SimulatedBill = {
  page: {
    number: '999001-99',
    title: 'О внесении изменений в Федеральный закон «Об информации, информационных технологиях и о защите информации»',
    titleComment: '(в части уточнения порядка ограничения доступа к информации)',
    passport: [
      { label: 'Субъект права законодательной инициативы', value: 'Правительство Российской Федерации' },
      { label: 'Форма законопроекта', value: 'Федеральный закон' },
      { label: 'Ответственный комитет', value: committee },
      { label: 'Отрасль законодательства', value: 'Информация и информатизация' },
    ],
  },
  archivedAtEnd: true,
  history: [
    { id: guid(1, 1), stageId: 1, eventNumber: '1.1', name: 'Регистрация законопроекта и материалов к нему в САДД ГД', date: '2024-03-04T10:15:00', decisions: ['зарегистрирован и направлен Председателю Государственной Думы'], documents: [{ id: guid(101, 1), title: 'Текст внесенного законопроекта' }, { id: guid(101, 2), title: 'Пояснительная записка к законопроекту' }] },
    { id: guid(1, 2), stageId: 1, eventNumber: '1.2', name: 'Прохождение законопроекта у Председателя Государственной Думы', date: '2024-03-05T12:30:00', decisions: [`направлен в комитет(ы) Государственной Думы (${committee})`] },
    { id: guid(1, 3), stageId: 2, eventNumber: '2.1', name: 'Назначение ответственного комитета', date: '2024-03-11T15:00:00', decisions: [`назначить ответственным комитетом ${committee}`], protocol: '№ 12(3)' },
    { id: guid(1, 4), stageId: 2, eventNumber: '2.2', name: 'Рассмотрение Советом Государственной Думы законопроекта', date: '2024-04-01T16:00:00', decisions: ['включить в примерную программу законопроектной работы'], protocol: '№ 20(1)' },
    { id: guid(1, 5), stageId: 3, eventNumber: '3.1', name: 'Рассмотрение законопроекта в первом чтении', date: '2024-05-14T13:20:00', decisions: ['принять законопроект в первом чтении'], protocol: '№ 45(2)', documents: [{ id: guid(105, 1), title: 'Постановление Государственной Думы о принятии законопроекта в первом чтении' }] },
    { id: guid(1, 6), stageId: 4, eventNumber: '4.1', name: 'Рассмотрение законопроекта во втором чтении', date: '2024-06-18T12:05:00', decisions: ['принять законопроект во втором чтении'], protocol: '№ 60(4)' },
    { id: guid(1, 7), stageId: 5, eventNumber: '5.1', name: 'Рассмотрение законопроекта в третьем чтении', date: '2024-06-20T11:40:00', decisions: ['принять закон'], protocol: '№ 62(1)' },
    { id: guid(1, 8), stageId: 6, eventNumber: '6.1', name: 'Рассмотрение закона Советом Федерации', date: '2024-07-03T14:00:00', decisions: ['одобрить закон'], protocol: '№ 570' },
    { id: guid(1, 9), stageId: 8, eventNumber: '8.1', name: 'Закон подписан Президентом Российской Федерации', date: '2024-07-08T18:00:00', decisions: ['Закон подписан'], lawNumber: '312-ФЗ' },
    { id: guid(1, 10), stageId: 11, eventNumber: '11.1', name: 'Опубликование закона', date: '2024-07-09T09:00:00', decisions: ['Закон опубликован'], publication: 'http://publication.pravo.gov.ru/document/0001202407090001' },
  ],
};

/** A member's bill that the Council of the Duma returns: a short history ending in the archive. */
export const returnedBill: SimulatedBill = {
  page: {
    number: '999002-99',
    title: 'О внесении изменения в статью 12 Федерального закона «О правовом положении иностранных граждан в Российской Федерации»',
    passport: [
      { label: 'Субъект права законодательной инициативы', value: 'Депутаты Государственной Думы' },
      { label: 'Форма законопроекта', value: 'Федеральный закон' },
      { label: 'Ответственный комитет', value: 'Комитет Государственной Думы по делам Содружества Независимых Государств' },
    ],
  },
  archivedAtEnd: true,
  history: [
    { id: guid(2, 1), stageId: 1, eventNumber: '1.1', name: 'Регистрация законопроекта и материалов к нему в САДД ГД', date: '2024-09-02T09:45:00', decisions: ['зарегистрирован и направлен Председателю Государственной Думы'] },
    { id: guid(2, 2), stageId: 1, eventNumber: '1.2', name: 'Прохождение законопроекта у Председателя Государственной Думы', date: '2024-09-03T11:00:00', decisions: ['направлен в Совет Государственной Думы'] },
    { id: guid(2, 3), stageId: 2, eventNumber: '2.2', name: 'Рассмотрение Советом Государственной Думы законопроекта', date: '2024-09-16T16:30:00', decisions: ['вернуть законопроект субъекту права законодательной инициативы'], protocol: '№ 101(7)' },
  ],
};

export const DEMO_BILLS: readonly SimulatedBill[] = [lawBill, returnedBill];
