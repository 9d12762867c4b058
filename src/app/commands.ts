// The app's commands, each defined once: its keys, its label and help line, and its action. The
// keyboard handler (App.tsx) and the `?` sheet (ShortcutSheet.tsx) both read this table, so a key
// is never documented without working or the reverse (after Foxglove Studio's KeyListener and
// playback controls). Also the rule for which keys belong to a focused form field, not the app,
// and `pressable`, which makes a clickable table row or header a keyboard control.
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

/** The fields a key event can come from, by what they keep for themselves. */
type FieldKind = 'text' | 'button' | 'range' | 'none';

const TEXT_INPUTS = new Set(['text', 'search', 'number', 'email', 'url', 'password', 'tel', '']);
const BUTTON_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color']);

function fieldKind(target: EventTarget | null): FieldKind {
  const el = target as (HTMLElement & { type?: string; isContentEditable?: boolean }) | null;
  if (!el || typeof el.tagName !== 'string') return 'none';
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || el.isContentEditable) return 'text';
  if (tag === 'SELECT') return 'range';
  if (tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A') return 'button';
  if (el.hasAttribute?.(PRESSABLE)) return 'button';
  if (tag === 'INPUT') {
    const type = (el.type ?? '').toLowerCase();
    if (type === 'range') return 'range';
    if (BUTTON_INPUTS.has(type)) return 'button';
    if (TEXT_INPUTS.has(type)) return 'text';
  }
  return 'none';
}

/** The attribute `pressable` marks its elements with, so a focused one keeps Space and Enter. */
const PRESSABLE = 'data-pressable';

/**
 * Props that make a clickable element that is not a button (a table row that opens a scene, a
 * sortable column header) a keyboard control: in the Tab order, pressed by Enter or Space like a
 * button (fieldKeepsKey leaves both keys to it, so Space does not also play). A key pressed on a
 * control inside it (a row's own button) is that control's, not the row's.
 */
export function pressable(onPress: () => void) {
  return {
    tabIndex: 0,
    [PRESSABLE]: '',
    onClick: onPress,
    onKeyDown: (e: ReactKeyboardEvent) => {
      if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      onPress();
    },
  };
}

/** Keys that are the app's wherever the focus is. */
const ALWAYS_GLOBAL = new Set(['PageUp', 'PageDown', 'Escape', '?']);
const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

/**
 * Whether the focused field keeps this key (the app must not act on it). Text and number fields
 * keep printable keys, arrows, Home and End (caret moves); buttons and checkboxes keep Space and
 * Enter; range sliders and selects keep arrows, Home and End; PageUp, PageDown, Escape and `?`
 * are always the app's. A key with Ctrl, Meta or Alt is the browser's, never the app's.
 */
export function fieldKeepsKey(
  target: EventTarget | null,
  e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean },
): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return true;
  if (ALWAYS_GLOBAL.has(e.key)) return false;
  switch (fieldKind(target)) {
    case 'text':
      return e.key.length === 1 || ARROWS.has(e.key) || e.key === 'Home' || e.key === 'End';
    case 'button':
      return e.key === ' ' || e.key === 'Enter';
    case 'range':
      return ARROWS.has(e.key) || e.key === 'Home' || e.key === 'End';
    default:
      return false;
  }
}

/** What a command may touch; App.tsx supplies it. */
export interface CommandContext {
  togglePlay(): void;
  /** Steps by whole steps from the step on screen (see store.stepFrom). */
  step(delta: number): void;
  first(): void;
  last(): void;
  scene(delta: number): void;
  toggleFollow(): void;
  /** Selects the next (+1) or previous (-1) agent on the map now, by track order: clicking without a mouse. */
  selectAgent(delta: 1 | -1): void;
  makePair(role: 0 | 1): void;
  toggleFuture(): void;
  toggleLoop(): void;
  speed(delta: number): void;
  rotate(degrees: number): void;
  fit(): void;
  fitPair(): void;
  toggleSheet(): void;
  escape(): void;
  /** Opens or closes the export dialog (export/ExportPanel.tsx). */
  toggleExport(): void;
  /** Presenter mode (presenter/): on or off. */
  togglePresenter(): void;
  /** The high-contrast theme for projectors. */
  toggleContrast(): void;
  /** Black the screen, or show it again. */
  toggleBlack(): void;
  /** The page fullscreen, or back (the browser may refuse: nothing else changes then). */
  toggleFullscreen(): void;
  /** The previous (-1) or next (+1) stop of the open tour; with no tour open, the scene. */
  tourStep(delta: number): void;
  /** Copies a link to this view (the URL carries it: url.ts) and says whether it was copied. */
  share(): void;
}

export interface Command {
  id: string;
  /** KeyboardEvent.key values; `shift` variants are listed as their own commands. */
  keys: string[];
  shift?: boolean;
  /** How the key is written in the sheet and in button titles. */
  label: string;
  help: string;
  run(c: CommandContext): void;
}

export const COMMANDS: Command[] = [
  { id: 'play', keys: [' '], label: 'space', help: 'play / pause', run: (c) => c.togglePlay() },
  { id: 'back', keys: ['ArrowLeft'], label: '←', help: 'step back', run: (c) => c.step(-1) },
  { id: 'forward', keys: ['ArrowRight'], label: '→', help: 'step forward', run: (c) => c.step(1) },
  {
    id: 'back10',
    keys: ['ArrowLeft'],
    shift: true,
    label: 'shift ←',
    help: 'back 10 steps',
    run: (c) => c.step(-10),
  },
  {
    id: 'forward10',
    keys: ['ArrowRight'],
    shift: true,
    label: 'shift →',
    help: 'forward 10 steps',
    run: (c) => c.step(10),
  },
  { id: 'first', keys: ['Home'], label: 'Home', help: 'first step', run: (c) => c.first() },
  { id: 'last', keys: ['End'], label: 'End', help: 'last step', run: (c) => c.last() },
  { id: 'prevScene', keys: ['['], label: '[', help: 'previous scene', run: (c) => c.scene(-1) },
  { id: 'nextScene', keys: [']'], label: ']', help: 'next scene', run: (c) => c.scene(1) },
  // a presenter remote's two buttons send PageUp and PageDown
  {
    id: 'prevStop',
    keys: ['PageUp'],
    label: 'PageUp',
    help: 'previous tour stop (no tour open: previous scene)',
    run: (c) => c.tourStep(-1),
  },
  {
    id: 'nextStop',
    keys: ['PageDown'],
    label: 'PageDown',
    help: 'next tour stop (no tour open: next scene)',
    run: (c) => c.tourStep(1),
  },
  { id: 'follow', keys: ['f'], label: 'f', help: 'follow the selected agent', run: (c) => c.toggleFollow() },
  {
    id: 'nextAgent',
    // not '.': presenter remotes send it to black the screen
    keys: ['n'],
    label: 'n',
    help: 'select the next agent on the map',
    run: (c) => c.selectAgent(1),
  },
  {
    id: 'prevAgent',
    keys: ['N'],
    label: 'shift N',
    help: 'select the previous agent on the map',
    run: (c) => c.selectAgent(-1),
  },
  {
    id: 'pairA',
    keys: ['a'],
    label: 'a',
    help: 'predict for the selected agent as A',
    run: (c) => c.makePair(0),
  },
  {
    id: 'pairB',
    keys: ['b'],
    label: 'b',
    help: 'predict for the selected agent as B',
    run: (c) => c.makePair(1),
  },
  {
    id: 'future',
    keys: ['g'],
    label: 'g',
    help: 'toggle the ground-truth future',
    run: (c) => c.toggleFuture(),
  },
  { id: 'rotateLeft', keys: ['q'], label: 'q', help: 'rotate the view left', run: (c) => c.rotate(15) },
  { id: 'rotateRight', keys: ['e'], label: 'e', help: 'rotate the view right', run: (c) => c.rotate(-15) },
  { id: 'fit', keys: ['0'], label: '0', help: 'fit the scene', run: (c) => c.fit() },
  {
    id: 'fitPair',
    keys: ['z'],
    label: 'z',
    help: 'zoom to the pair and its predictions',
    run: (c) => c.fitPair(),
  },
  { id: 'slower', keys: ['-'], label: '-', help: 'slower', run: (c) => c.speed(-1) },
  { id: 'faster', keys: ['+', '='], label: '+', help: 'faster', run: (c) => c.speed(1) },
  { id: 'loop', keys: ['l'], label: 'l', help: 'loop on / off', run: (c) => c.toggleLoop() },
  {
    id: 'export',
    keys: ['x'],
    label: 'x',
    help: 'export a video or a figure (PNG, SVG)',
    run: (c) => c.toggleExport(),
  },
  {
    id: 'presenter',
    keys: ['p'],
    label: 'p',
    help: 'presenter mode: panels away, map and a large caption',
    run: (c) => c.togglePresenter(),
  },
  {
    id: 'contrast',
    keys: ['c'],
    label: 'c',
    help: 'high-contrast theme (for projectors)',
    run: (c) => c.toggleContrast(),
  },
  // the black-screen key of presenter remotes ('b' stays "selected agent as B")
  {
    id: 'black',
    keys: ['.'],
    label: '.',
    help: 'black the screen / show it again',
    run: (c) => c.toggleBlack(),
  },
  {
    id: 'fullscreen',
    keys: ['F'],
    label: 'shift F',
    help: 'fullscreen on / off',
    run: (c) => c.toggleFullscreen(),
  },
  {
    id: 'share',
    keys: ['s'],
    label: 's',
    help: 'copy a link that reopens this view',
    run: (c) => c.share(),
  },
  {
    id: 'sheet',
    keys: ['?'],
    label: '?',
    help: 'keyboard shortcuts (this sheet)',
    run: (c) => c.toggleSheet(),
  },
  {
    id: 'escape',
    keys: ['Escape'],
    label: 'Esc',
    help: 'close the sheet, clear the selection',
    run: (c) => c.escape(),
  },
];

/** The command a key event runs, or null (the key is not the app's, or the field keeps it). */
export function commandFor(
  e:
    | KeyboardEvent
    | {
        key: string;
        shiftKey?: boolean;
        target?: EventTarget | null;
        ctrlKey?: boolean;
        metaKey?: boolean;
        altKey?: boolean;
      },
): Command | null {
  if (fieldKeepsKey(e.target ?? null, e)) return null;
  const shift = !!e.shiftKey;
  // shift only matters where a command has a shift variant ('?' and '+' need shift on most layouts)
  return (
    COMMANDS.find((c) => c.keys.includes(e.key) && !!c.shift === shift) ??
    COMMANDS.find((c) => c.keys.includes(e.key) && !c.shift) ??
    null
  );
}

/** The key label of a command ("space"), or '' for an unknown id. */
export function keyLabel(id: string): string {
  return COMMANDS.find((c) => c.id === id)?.label ?? '';
}

/**
 * A button's title from its command: the help line and the key ("step back (←)"), so a button
 * never documents a key other than the one the handler runs. An unknown id throws.
 */
export function commandTitle(id: string): string {
  const c = COMMANDS.find((c) => c.id === id);
  if (!c) throw new Error(`no command '${id}'`);
  return `${c.help} (${keyLabel(id)})`;
}
