/**
 * Words as the item-writing rules compare them: lower case without accents, common words
 * ("the", "of", "which"; never a negation) left out, and each word cut to its first five letters, so that
 * "migrants" and "migration", "policy" and "policies" count as one word. Crude on purpose:
 * the rules only ask whether two texts share words, and a trainer can predict the answer.
 *
 * English, French and Spanish have lists of common words. In other languages (Arabic,
 * Chinese, Russian…) the rules that compare words do not run: without the list, every
 * "the" and "of" would count as a shared word, and Chinese does not separate words by spaces.
 */

/** Letters kept of each word: enough to tell words apart, few enough to join a word's forms. */
const STEM_LETTERS = 5;

const COMMON: Record<string, string> = {
  en: `a about above after again against all also am an and any are as at be because been before being below between both but by
    can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into
    is it its itself just me more most my of off on once only or other our ours out over own same she should so some such than
    that the their theirs them then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours may must shall might upon within without whether however thus`,
  fr: `a à au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs lui ma mais me même mes
    moi mon nos notre nous on ou où par pour qu que qui quel quelle quels quelles sa se ses son sur ta te tes toi ton tu un une
    vos votre vous y été être est sont était ont a avait sera doit doivent peut peuvent ainsi aussi comme donc dont si plus très tout
    toute tous toutes entre sans sous selon`,
  es: `a al ante bajo con contra de del desde durante e el ella ellas ellos en entre es esa ese eso esta este esto fue ha han hasta
    la las le les lo los más me mi mis muy nos o os para pero por que qué quien quién se ser sin sobre son su sus también tu tus
    un una uno unos unas y ya está están era debe deben puede pueden como cual cuál cuales cuáles cuando donde dónde todo toda todos
    todas según`,
};

/** Words every question uses to ask ("According to paragraph 75, which…"): not content. */
const ASKING: Record<string, string> = {
  en: `according paragraph paragraphs report document text say says said ask asks asked following statement statements true
    false select choose apply applies best most answer answers question option options describe describes describing match put
    order first last`,
  fr: `selon paragraphe paragraphes rapport document texte dit dire indique affirme suivant suivante suivants suivantes vrai faux
    choisissez sélectionnez réponse réponses question option options meilleure mieux`,
  es: `según párrafo párrafos informe documento texto dice afirma indica siguiente siguientes verdadero falso seleccione elija
    respuesta respuestas pregunta opción opciones mejor`,
};

export interface Words {
  /** The content words of a text, each as its stem (first five letters), in order, repeats kept. */
  contentStems(text: string): string[];
  /** The content words of a question's prompt, without the words every question uses to ask. */
  questionStems(text: string): string[];
}

/** The word comparer for a module language (a BCP 47 tag), or undefined where there is no list of common words. */
export function wordsFor(language: string): Words | undefined {
  const base = language.toLowerCase().split('-')[0]!;
  const common = COMMON[base];
  if (common === undefined) return undefined;
  const stop = new Set(tokens(common));
  const asking = new Set([...stop, ...tokens(ASKING[base] ?? '')].map(stem));
  const contentStems = (text: string) =>
    tokens(text)
      .filter((t) => !stop.has(t) && !/^\d+$/.test(t) && t.length > 1)
      .map(stem);
  return { contentStems, questionStems: (text) => contentStems(text).filter((s) => !asking.has(s)) };
}

/** Lower-case words without accents; apostrophes split ("l'État" → "l", "etat"). */
export function tokens(text: string): string[] {
  return plainLetters(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Lower case, accents and other marks removed: "Ministère" → "ministere". */
export function plainLetters(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function stem(word: string): string {
  return word.slice(0, STEM_LETTERS);
}
