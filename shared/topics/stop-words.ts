/*
 * Words in nearly every text (Snowball's Russian and English stop lists, shortened to function words): a query
 * made only of them would alert on everything.
 */
const STOP_WORDS = new Set(
  [
    'а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до его ее ей если',
    'есть еще же за здесь и из или им их к как какой когда кто ли либо между мне много может мы на над надо наш не него',
    'нее нет ни них но ну о об один он она они оно от очень по под после при про с сам свой себя со так также там те',
    'тем то того тоже только том тот у уж уже хоть чем через что чтобы эта эти это этого этой этом этот я',
    'a about above after again against all am an and any are as at be been before being below between both but by',
    'can could did do does doing down during each few for from further had has have having he her here hers him his',
    'how i if in into is it its itself just me more most my no nor not now of off on once only or other our out over',
    'own same she should so some such than that the their them then there these they this those through to too under',
    'until up very was we were what when where which while who whom why will with would you your',
  ].flatMap((line) => line.split(' ')),
);

/** Whether a lower-cased word (ё as е) is a stop word. */
export function isStopWord(lowerCaseWord: string): boolean {
  return STOP_WORDS.has(lowerCaseWord);
}
