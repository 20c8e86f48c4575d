/**
 * Input-method-safe editing: while a composition (pinyin, a full-width digit
 * candidate…) is under way the text stays local; the report sees only what
 * the composition ends with, and plain keystrokes at once.
 */
import { useState, type ChangeEvent, type CompositionEvent } from 'react';

type TextElement = HTMLInputElement | HTMLTextAreaElement;

export function useImeDraft<E extends TextElement>(commit: (value: string) => void) {
  const [draft, setDraft] = useState<string | null>(null);
  return {
    draft,
    discardDraft: () => setDraft(null),
    handlers: {
      onCompositionStart: (event: CompositionEvent<E>) => setDraft(event.currentTarget.value),
      onCompositionEnd: (event: CompositionEvent<E>) => {
        setDraft(null);
        commit(event.currentTarget.value);
      },
      onChange: (event: ChangeEvent<E>) => {
        if (draft !== null) setDraft(event.currentTarget.value);
        else commit(event.currentTarget.value);
      },
    },
  };
}
