// The models of models-local/ join the registry at start (the dev server lists them; a production
// build has no list, so none join, quietly). A link naming one (?model=local:NAME, ?split=…) was
// read before the list came, when the id was still unknown: once registered, the link's model
// settings apply, unless the user has changed the model meanwhile.
import { useEffect, useState } from 'react';
import { registerLocalModels } from '../model-folder';
import type { Store } from '../store';
import { parseUrl, type UrlView } from '../url';

export function useLocalModels(store: Store, initial: UrlView): void {
  const [search] = useState(() => location.search);
  useEffect(() => {
    let live = true;
    const base = new URL(import.meta.env.BASE_URL, location.href).href;
    void registerLocalModels(base).then((ids) => {
      if (!live || ids.length === 0) return;
      const v = parseUrl(search);
      const s = store.get();
      if (v.predict.variant !== initial.predict.variant && s.predict.variant === initial.predict.variant)
        store.set({ predict: { ...s.predict, ...v.predict } });
      if (v.compare !== initial.compare && s.compare === initial.compare)
        store.set({ compare: v.compare, comparePrediction: null });
    });
    return () => {
      live = false;
    };
  }, [store, initial, search]);
}
