import { describe, expect, it } from 'vitest';
import { renderChangeEmail } from '../../shared/email/render-change-email.js';
import { BILL_TITLE, BILL_URL, DECISION, STAGE_CHANGE, billChange, secondReadingEvent } from './change-fixtures.js';

const UNSUBSCRIBE_URL = 'https://alerts.example.org/unsubscribe?token=abc.def&lang=ru';
const MANAGE_URL = 'https://alerts.example.org/manage?token=ghi.jkl';
const DOCUMENT_URLS = ['https://sozd.duma.gov.ru/download/AAA-111', 'https://sozd.duma.gov.ru/download/BBB-222'];

describe('renderChangeEmail for a stage change', () => {
  it('says it in English: exact subject, old and new stage, decision, MSK date, title and every link', () => {
    const email = renderChangeEmail(billChange(STAGE_CHANGE), { language: 'en', unsubscribeUrl: UNSUBSCRIBE_URL, manageUrl: MANAGE_URL });

    // The decision follows the stage change: the stage alone does not say what happened.
    expect(email.subject).toBe('Bill 1075342-8: first reading → second reading: adopt the bill in the second reading');
    for (const part of [email.text, email.html]) {
      expect(part).toContain('Stage: First reading → Second reading');
      expect(part).toContain('New event: Second reading of the bill');
      expect(part).toContain('adopt the bill in the second reading');
      expect(part).not.toContain(DECISION);
      expect(part).toContain('1 June 2022, 14:39 MSK');
      // A document title the vocabulary does not know stays Russian, marked as the original.
      expect(part).toContain('(original, Russian): Таблица поправок');
      expect(part).toContain('Text of the bill for the second reading');
      expect(part).toContain('You receive this email because you subscribed');
    }
    expect(email.text).toContain(`Title (original, Russian): ${BILL_TITLE}`);
    expect(email.html).toContain(BILL_TITLE.replaceAll('"', '&quot;'));
    expect(email.html).toContain('<strong>Title (original, Russian):</strong>');
    for (const url of [BILL_URL, ...DOCUMENT_URLS, MANAGE_URL]) {
      expect(email.text).toContain(url);
      expect(email.html).toContain(`href="${url}"`);
    }
    expect(email.text).toContain(`Unsubscribe: ${UNSUBSCRIBE_URL}`);
    expect(email.html).toContain(`href="${UNSUBSCRIBE_URL.replace('&', '&amp;')}"`);
    expect(email.html).toContain('<html lang="en">');
  });

  it('says it in Russian: exact subject and full Russian stage names', () => {
    const email = renderChangeEmail(billChange(STAGE_CHANGE), { language: 'ru', unsubscribeUrl: UNSUBSCRIBE_URL });

    expect(email.subject).toBe('Законопроект № 1075342-8: первое чтение → второе чтение: Принять законопроект во втором чтении');
    for (const part of [email.text, email.html]) {
      expect(part).toContain('Стадия: Рассмотрение законопроекта в первом чтении → Рассмотрение законопроекта во втором чтении');
      expect(part).toContain(DECISION);
      expect(part).toContain('1 июня 2022, 14:39 МСК');
      expect(part).toContain('Отписаться');
      expect(part).not.toContain('Управление подписками');
    }
    for (const url of [BILL_URL, ...DOCUMENT_URLS]) expect(email.text).toContain(url);
    expect(email.html).toContain('<html lang="ru">');
  });

  it('keeps markup out of the plain-text part', () => {
    const email = renderChangeEmail(billChange(STAGE_CHANGE), { language: 'en', unsubscribeUrl: UNSUBSCRIBE_URL });

    expect(email.text).not.toMatch(/<[a-z/!]|&amp;|&lt;/i);
  });

  it('names a stage reached from no previous stage', () => {
    const change = billChange([{ type: 'stage-changed', from: null, to: { id: 3, name: 'x' } }]);

    const email = renderChangeEmail(change, { language: 'en', unsubscribeUrl: UNSUBSCRIBE_URL });

    expect(email.subject).toBe('Bill 1075342-8: new stage — first reading: adopt the bill in the second reading');
    expect(email.text).toContain('Stage: — → First reading');
  });
});

describe('renderChangeEmail subject picks the most significant fact', () => {
  const render = (facts: Parameters<typeof billChange>[0], language: 'en' | 'ru' = 'en', event = secondReadingEvent()) =>
    renderChangeEmail(billChange(facts, event), { language, unsubscribeUrl: UNSUBSCRIBE_URL });

  it('leads with the law number over stage and new event', () => {
    const facts = [...STAGE_CHANGE, { type: 'law-number-assigned' as const, lawNumber: '353-ФЗ' }];

    expect(render(facts, 'en').subject).toBe('Bill 1075342-8: federal law 353-FZ signed');
    expect(render(facts, 'ru').subject).toBe('Законопроект № 1075342-8: подписан федеральный закон № 353-ФЗ');
    expect(render(facts, 'en').text).toContain('Federal law number: 353-FZ');
  });

  it('leads with publication, naming the law number the same change carries', () => {
    const facts = [
      { type: 'law-number-assigned' as const, lawNumber: '353-ФЗ' },
      { type: 'published' as const, publication: 'Официальный интернет-портал правовой информации, 14.07.2022' },
    ];

    expect(render(facts).subject).toBe('Bill 1075342-8: federal law 353-FZ published');
    expect(render(facts, 'ru').subject).toBe('Законопроект № 1075342-8: опубликован федеральный закон № 353-ФЗ');
    expect(render(facts).text).toContain('Publication: Официальный интернет-портал правовой информации, 14.07.2022');
  });

  it('leads with a status change over a stage change, in English old → new, an unknown status marked as the original', () => {
    const known = [...STAGE_CHANGE, { type: 'status-changed' as const, from: 'На рассмотрении', to: 'Принят', archived: false }];
    const unknown = [...STAGE_CHANGE, { type: 'status-changed' as const, from: 'На рассмотрении', to: 'Принят во втором чтении', archived: false }];

    const email = render(known);

    expect(email.subject).toBe('Bill 1075342-8: status Under consideration → Adopted');
    expect(email.text).toContain('Status: Under consideration → Adopted');
    expect(render(known, 'ru').text).toContain('Статус: На рассмотрении → Принят');
    expect(render(unknown).text).toContain('Status: Under consideration → (original, Russian): Принят во втором чтении');
  });

  it('says in English that a bill moved to the archive, without repeating the status in the subject', () => {
    const facts = [{ type: 'status-changed' as const, from: 'На рассмотрении', to: 'В архиве', archived: true }];

    const email = renderChangeEmail(billChange(facts, null), { language: 'en', unsubscribeUrl: UNSUBSCRIBE_URL });

    expect(email.subject).toBe('Bill 1075342-8: moved to the archive');
    expect(email.text).toContain('- Status: Under consideration → Archived\n- The bill has been moved to the archive.');
  });

  it('says an archived bill moved to the archive, and dates a status-only change by when it was detected', () => {
    const facts = [{ type: 'status-changed' as const, from: 'Находится на рассмотрении', to: 'Отклонён', archived: true }];

    const email = renderChangeEmail(billChange(facts, null), { language: 'ru', unsubscribeUrl: UNSUBSCRIBE_URL });

    expect(email.subject).toBe('Законопроект № 1075342-8: перенесён в архив — Отклонён');
    expect(email.text).toContain('Законопроект перенесён в архив.');
    expect(email.text).toContain('Обнаружено: 1 июня 2022, 15:05 МСК');
  });

  it('does not repeat in a Russian subject an archive status that only says «В архиве»', () => {
    const facts = [{ type: 'status-changed' as const, from: 'На рассмотрении', to: 'В архиве', archived: true }];

    const email = renderChangeEmail(billChange(facts, null), { language: 'ru', unsubscribeUrl: UNSUBSCRIBE_URL });

    expect(email.subject).toBe('Законопроект № 1075342-8: перенесён в архив');
    expect(email.text).toContain('- Статус: На рассмотрении → В архиве\n- Законопроект перенесён в архив.');
  });

  it('names the event when a new event is all there is', () => {
    const email = render([{ type: 'new-event' }], 'en', secondReadingEvent({ name: 'Рассмотрение поправок\n  к законопроекту' }));

    expect(email.subject).toBe('Bill 1075342-8: new event — (original, Russian): Рассмотрение поправок к законопроекту: adopt the bill in the second reading');
    expect(render([{ type: 'new-event' }], 'en').subject).toBe('Bill 1075342-8: new event — Second reading of the bill: adopt the bill in the second reading');
    expect(render([{ type: 'new-event' }], 'ru').subject).toBe('Законопроект № 1075342-8: новое событие — Рассмотрение законопроекта во втором чтении: Принять законопроект во втором чтении');
  });

  it('cuts absurdly long external text in the subject to 100 characters', () => {
    const email = render([{ type: 'new-event' }], 'en', secondReadingEvent({ name: 'Я'.repeat(500) }));

    // The mark "(original, Russian): " (21 characters) counts towards the 100.
    expect(email.subject).toBe(`Bill 1075342-8: new event — (original, Russian): ${'Я'.repeat(78)}…: adopt the bill in the second reading`);
  });
});

describe('renderChangeEmail safety and size', () => {
  it('escapes markup from the page in the HTML part and keeps it verbatim in the text part', () => {
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const event = secondReadingEvent({ decisions: [hostile], documents: [{ title: `"><b>${hostile}`, url: 'https://sozd.duma.gov.ru/download/X' }] });
    const change = { ...billChange([{ type: 'new-event' }], event), billTitle: `<i>${hostile}</i>` };

    const email = renderChangeEmail(change, { language: 'en', unsubscribeUrl: UNSUBSCRIBE_URL });

    expect(email.html).not.toContain('<script');
    expect(email.html).not.toContain('<img');
    expect(email.html).not.toContain('<i>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(email.html).toContain('&quot;&gt;&lt;b&gt;&lt;script&gt;');
    expect(email.text).toContain(`- ${hostile}`);
  });

  it('never makes a non-web document link clickable', () => {
    const event = secondReadingEvent({ documents: [{ title: 'Трюк', url: 'javascript:alert(1)' }] });

    const email = renderChangeEmail(billChange([{ type: 'new-event' }], event), { language: 'en', unsubscribeUrl: UNSUBSCRIBE_URL });

    expect(email.html).not.toContain('javascript:');
    expect(email.text).not.toContain('javascript:');
    expect(email.html).toContain('<li>(original, Russian): Трюк</li>');
  });

  it('lists the first 20 documents and says how many more there are', () => {
    const documents = Array.from({ length: 27 }, (_, index) => ({
      title: `Документ ${index + 1}`,
      url: `https://sozd.duma.gov.ru/download/doc-${index + 1}`,
    }));

    const en = renderChangeEmail(billChange([{ type: 'new-event' }], secondReadingEvent({ documents })), { language: 'en', unsubscribeUrl: UNSUBSCRIBE_URL });
    const ru = renderChangeEmail(billChange([{ type: 'new-event' }], secondReadingEvent({ documents })), { language: 'ru', unsubscribeUrl: UNSUBSCRIBE_URL });

    expect(en.text.match(/download\/doc-\d+/g)).toEqual(documents.slice(0, 20).map((_, index) => `download/doc-${index + 1}`));
    expect(en.text).toContain('- and 7 more');
    expect(en.html).toContain('<li>and 7 more</li>');
    expect(ru.text).toContain('- и ещё 7');
  });

  it('refuses an unsubscribe link that is not an http(s) URL', () => {
    expect(() => renderChangeEmail(billChange(STAGE_CHANGE), { language: 'en', unsubscribeUrl: 'javascript:alert(1)' })).toThrow(/protocol|URL/i);
  });
});
