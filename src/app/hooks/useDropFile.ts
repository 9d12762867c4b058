// A file dropped anywhere on the page opens like a picked one; `dragging` outlines the page.
import { useState, type DragEvent } from 'react';

export function useDropFile(open: (f: Blob) => void) {
  const [dragging, setDragging] = useState(false);
  return {
    dragging,
    handlers: {
      onDragOver: (e: DragEvent) => {
        e.preventDefault();
        setDragging(true);
      },
      onDragLeave: () => setDragging(false),
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        setDragging(false);
        const f = e.dataTransfer.files[0];
        if (f) open(f);
      },
    },
  };
}
