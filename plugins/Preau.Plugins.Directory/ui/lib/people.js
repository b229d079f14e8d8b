// What the module shows of a person everywhere: profile, state (a badge with its word, never colour
// alone) and name; the enum names are the API's (the graph contract's).
import { h, badge } from './dom.js';

/** Profiles, in the order the filter offers them. */
export const PROFILES = ['Eleve', 'Responsable', 'Enseignant', 'Personnel', 'AdministrateurEnt'];

/** Account states. */
export const STATES = ['Active', 'NotActivated', 'Suspended', 'Left'];

/** Staff functions (None is "no function"). */
export const FUNCTIONS = ['Direction', 'Cpe', 'VieScolaire', 'Documentaliste', 'PsyEn', 'AssistantSocial', 'Infirmier', 'Secretariat', 'Agent', 'SupportAcademique'];

const STATE_KIND = { Active: 'success', NotActivated: 'muted', Suspended: 'danger', Left: 'warning' };

/** The state badge of a person. */
export function stateBadge(t, state) {
  return badge(STATE_KIND[state] ?? 'muted', t(`state.${state}`));
}

/** "Prénom Nom", or the login when the names are empty. */
export function fullName(person) {
  return `${person.prenom ?? ''} ${person.nom ?? ''}`.trim() || person.login || '';
}

/** A link to a person's card. */
export function personLink(app, person, extra = {}) {
  return h('a', { href: app.href({ ...extra, fiche: person.id }) }, fullName(person));
}
