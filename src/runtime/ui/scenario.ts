/**
 * Scenario blocks, played step by step: the page holds the whole script (shown without
 * JavaScript, and printed); this shows the conversation so far, then the replies to the step
 * waiting for one as buttons. After a reply, focus moves to its consequence, so a screen reader
 * reads the feedback, then the next step. The path is the session's (kept in suspend_data).
 */
import type { Host } from '../session.js';
import { $, $$, el, focus, type Translate } from './dom.js';

export function setupScenarios(host: Host, t: Translate): void {
  for (const box of $$('[data-ck-scenario]')) {
    const id = box.dataset.ckScenario ?? '';
    const script = $('[data-ck-scenario-script]', box);
    const play = $('[data-ck-scenario-play]', box);
    if (!script || !play || !host.scenario(id)) continue;
    const stepNode = (step: string | undefined) => $(`[data-ck-step="${step}"]`, script);
    const line = (step: HTMLElement | null) => $('.ck-line', step ?? script)?.cloneNode(true) as HTMLElement;

    const render = (moveFocus: boolean) => {
      const state = host.scenario(id);
      if (!state) return;
      const log = el('div', undefined, { class: 'ck-scenario-log' });
      let step = stepNode(box.dataset.ckStart);
      let consequence: HTMLElement | undefined;
      for (const choiceId of state.path) {
        const choice = $(`[data-ck-choice="${choiceId}"]`, step ?? script);
        if (!step || !choice) break;
        const reply = el('div', undefined, { class: 'ck-line ck-you' });
        reply.append(el('p', t('scenarioYou'), { class: 'ck-speaker' }), el('p', $('.ck-choice-text', choice)?.textContent ?? ''));
        consequence = $('.ck-consequence', choice)?.cloneNode(true) as HTMLElement;
        log.append(line(step), reply, consequence);
        step = stepNode(choice.dataset.ckNext);
      }
      const replies = el('div', undefined, { class: 'ck-replies', role: 'group', 'aria-label': t('scenarioReplies') });
      if (!state.ended && step) {
        log.append(line(step));
        for (const choice of $$('[data-ck-choice]', step)) {
          const button = el('button', $('.ck-choice-text', choice)?.textContent ?? '', { type: 'button', class: 'ck-button ck-secondary' });
          button.addEventListener('click', () => {
            host.choose(id, choice.dataset.ckChoice ?? '');
            render(true);
          });
          replies.append(button);
        }
      } else {
        if (step && !state.path.length) log.append(line(step));
        log.append(el('p', t('scenarioEnded'), { class: 'ck-small' }));
        const again = el('button', t('scenarioRestart'), { type: 'button', class: 'ck-button' });
        again.addEventListener('click', () => {
          host.restartScenario(id);
          render(false);
          focus($('button', play));
        });
        replies.append(again);
      }
      play.replaceChildren(log, replies);
      if (moveFocus) focus(consequence ?? null);
    };
    script.hidden = true;
    play.hidden = false;
    render(false);
  }
}
